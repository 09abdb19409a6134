"""The exercise's pages: article text always escaped, the worksheet's one script allowed
by its hash, the answer key complete, feedback in plain words."""

import base64
import copy
import hashlib
import re

import pandas as pd
import pytest

from analysis.classroom import pages
from analysis.classroom.build import student_material
from analysis.classroom.exercises import claim_cards, exercise_key
from analysis.classroom.marking import mark_student
from analysis.classroom.tasks import exercise_tasks

HOSTILE = ('Minister says <script>alert(1)</script> "costs" will fall.\n\n'
           "The minister said the plan would cost <img src=x onerror=alert(2)> £3m, officials confirmed on Monday.\n\n"
           "Critics said the figure may be far higher than the </textarea><b>bold</b> estimate suggests.")  # fmt: skip


@pytest.fixture(scope="module")
def hostile(nlp):
    from analysis import analyze

    result = analyze(HOSTILE, nlp=nlp)
    cards = claim_cards(result)
    tasks = exercise_tasks(result)
    material = student_material(result, cards, tasks, title="Source criticism: <i>test</i>")
    key = {"title": material["title"], "exercise": material["exercise"], **exercise_key(result, cards), "tasks": tasks}
    return result, material, key


def test_the_worksheet_escapes_article_text_and_runs_only_its_own_script(hostile):
    _, material, _ = hostile
    page = pages.worksheet_html(material)
    assert "<script>alert" not in page and "<img src=x" not in page and "</textarea><b>" not in page
    assert page.count("<script") == 1 and pages.WORKSHEET_SCRIPT in page
    digest = base64.b64encode(hashlib.sha256(pages.WORKSHEET_SCRIPT.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in page
    assert "default-src 'none'" in page


def test_the_worksheet_is_a_form_with_a_field_for_every_answer(hostile):
    _, material, _ = hostile
    page = pages.worksheet_html(material)
    for card in material["cards"]:
        for field in ("status", "source", "source_type", "cues"):
            assert f"name='card:{card['card']}:{field}'" in page
    for task in material["tasks"]:
        if not task["auto_marked"]:
            assert f"name='q:{task['id']}'" in page
    for field in ("name", "class", "date"):
        assert f"name='who:{field}'" in page
    assert "page-break-inside: avoid" in page and "@media print" in page


def test_the_worksheet_leaves_room_to_write_by_hand(hostile):
    """At least 4 cm for every open answer, more for a task that asks for more lines, and
    two ruled lines for each card's source and each list of web addresses."""
    _, material, _ = hostile
    material = {**material, "words": [{"word": "escalation", "sentence": 2}]}
    page = pages.worksheet_html(material)
    heights = dict(re.findall(r"<textarea name='([^']+)'[^>]*style='height: ([0-9.]+)cm'", page))
    open_tasks = [t for t in material["tasks"] if not t["auto_marked"]]
    assert open_tasks and all(float(heights[f"q:{t['id']}"]) >= pages.MIN_ANSWER_CM for t in open_tasks)
    longest = max(open_tasks, key=lambda t: t["lines"])
    shortest = min(open_tasks, key=lambda t: t["lines"])
    assert float(heights[f"q:{longest['id']}"]) > float(heights[f"q:{shortest['id']}"])
    for card in material["cards"]:
        assert float(heights[f"card:{card['card']}:source"]) == pages.SOURCE_ROOM_CM == 2 * 0.8
    assert all(float(heights[f"u:{t['id']}"]) == pages.SOURCE_ROOM_CM for t in open_tasks if t["urls"])
    # The page never breaks inside a card or a task, but a long section (the words to
    # look up) may flow on to the next page rather than leave one half empty.
    assert re.search(r"\.card, \.task \{[^}]*break-inside: avoid", page) and "class='task words flows'" in page


@pytest.mark.parametrize("lines, cm", [(0, 4.0), (3, 4.0), (4, 4.0), (5, 4.8), (8, 7.2)])
def test_writing_room_grows_with_the_lines_a_task_asks_for(lines, cm):
    assert pages.writing_room_cm(lines) == cm


def test_the_teachers_pages_have_no_script_and_hold_the_key(hostile):
    _, _, key = hostile
    answer_key = pages.answer_key_html(key)
    plan = pages.lesson_plan_html(key)
    for page in (answer_key, plan):
        assert "<script" not in page.replace("&lt;script", "")
    for card in key["cards"]:
        assert card["answers"]["status"]["best"] in answer_key
    assert "Model answer" in answer_key and "How the tool decided" in answer_key
    for heading in ("Learning objectives", "Plan (55 minutes)", "Discussion prompts", "Younger students", "Advanced students"):
        assert heading in plan


def test_feedback_is_plain_and_escapes_what_students_wrote(hostile):
    _, _, key = hostile
    student = {"name": "<b>Eve</b>", "class": "", "cards": {"1": {"status": "=cmd()", "source": "<script>x</script>"}},
               "questions": {"stop-1": "<img src=y>"}, "urls": {}}  # fmt: skip
    page = pages.feedback_html(key, student, mark_student(key, student))
    assert "<b>Eve</b>" not in page and "<script>x" not in page and "<img src=y>" not in page
    assert "status rule" not in page and not re.search(r"\[\d+:\d+\]", page)  # no trace, no offsets


def test_key_values_a_teacher_may_edit_are_escaped_on_every_page(hostile):
    _, material, key = hostile
    key = copy.deepcopy(key)
    key["points"] = {**key["points"], "best": "<x-best>", "accepted": "<x-accepted>"}
    key["notes"] = {"published": None, "topics": [{"topic": "war", "words": ["war"], "sent_ids": ["<x-topic>"]}],
                    "words": [{"word": "escalation", "sentence": "<x-word>"}]}  # fmt: skip
    for card in key["cards"]:
        card.update(card=f"<x-card>{card['card']}", sent_id="<x-sent>", context_sent_id="<x-context>", context="c")
    student = {"name": "Eve", "class": "", "cards": {}, "questions": {}, "urls": {}}
    marks = mark_student(key, student)
    summary = pd.DataFrame([{"name": "Eve", "file": "eve.json", "feedback": "eve.html", "points": "<x-points>", "out_of": "<x-out-of>"}])
    hardest = pd.DataFrame([{"card": "<x-card>1", "field": "status", "full": 0.5, "part": 0.25}])
    opened = pd.DataFrame(columns=["file", "name", "task", "answer", "urls"])
    shown = [pages.feedback_html(key, student, marks), pages.answer_key_html(key), pages.lesson_plan_html(key),
             pages.class_html(key, summary, hardest, chart=None, errors=[], open_answers=opened)]  # fmt: skip
    worksheet = copy.deepcopy(material)
    for card in worksheet["cards"]:
        card.update(card=f"<x-card>{card['card']}", number="<x-number>")
    worksheet["words"] = [{"word": "escalation", "sentence": "<x-word>"}]
    shown.append(pages.worksheet_html(worksheet))
    for page in shown:
        assert "<x-" not in page and "&lt;x-" in page


def test_a_shorter_lesson_does_three_cards_with_different_answers():
    # A third blind teacher review: "do three cards (the first three)" gave three alike.
    from analysis.classroom.pages import lesson_plan_html

    answers = [("asserted", "author"), ("asserted", "author"), ("asserted", "author"), ("reported", "person"), ("hedged", "author")]
    cards = [{"card": i + 1, "answers": {"status": {"best": s}, "source_type": {"best": t}}} for i, (s, t) in enumerate(answers)]
    page = lesson_plan_html({"title": "t", "cards": cards, "tasks": []})
    assert "do three cards (cards 1, 4 and 5)" in page


def test_the_lesson_plan_says_how_often_the_tool_errs_from_the_benchmarks(monkeypatch):
    # Blind teacher reviews (business/019, entertainment/256): "wrong on about one claim in
    # eight" was typed by hand and understated how often a card's speaker is wrong.
    from analysis.classroom import pages

    monkeypatch.setattr(pages, "load_results", lambda: {
        "claim_status": {"figures": {"strict accuracy %": 90.0}},
        "attribution_spans": {"figures": {"speaker accuracy all": {"accuracy": 75.0}}}})
    assert pages._how_often_wrong().endswith("how sure a claim is wrong about once in 10 claims, and who says it about once in 4")
    monkeypatch.setattr(pages, "load_results", lambda: {})
    assert "sometimes wrong" in pages._how_often_wrong()


def test_the_lesson_plan_asks_about_nameless_sources_only_when_there_are_some(seed):
    # sport/096, tech/203 reviews: "Who are the sources without names?" of an article that has none.
    from analysis.classroom.exercises import claim_cards, exercise_key
    from analysis.classroom.notes import story_background
    from analysis.classroom.pages import lesson_plan_html

    key = exercise_key(seed, claim_cards(seed))
    key.update(title="Seed", tasks=[], notes={"story": story_background(seed)})
    assert "Who are the sources without names" in lesson_plan_html(key)
    key["notes"]["story"]["claims"]["nameless"] = 0
    assert "Every source here is named" in lesson_plan_html(key)
