"""The comparison exercise's pages: the worksheet is a form with one set of choices per
card and only the fixed script; the teacher's pages hold the key and no script."""

import re

import pytest

from analysis.classroom import coverage_pages, pages

MATERIAL = {
    "format": "analysis-exercise", "kind": "compare", "version": 1, "exercise": "abc123", "title": "Find better coverage: <b>x</b>",
    "articles": [{"letter": L, "name": f"{L}.txt", "found": [], "paragraphs": [
        {"role": "headline", "sentences": [{"number": 0, "text": f"Headline {L} <script>alert(1)</script>"}]},
        {"role": "body", "sentences": [{"number": 1, "text": f"Body of {L}, \"quoted\" </textarea><b>."}]}]} for L in "AB"],
    "cards": [{"card": 1, "sides": [{"letter": "A", "number": 1, "text": "A says <img src=x onerror=alert(1)>."},
                                    {"letter": "B", "number": 1, "text": "B says it too."}],
               "options": {"surer": ["A", "B", "same"], "cite": ["A", "B", "either"]}}],
    "tasks": [{"id": "stop-headlines", "step": "Stop", "title": "Headlines", "prompt": "Which is surer?", "lines": 2, "urls": False, "auto_marked": False},
              {"id": "trace-cards", "step": "Trace claims", "title": "Claim pairs", "prompt": "Do the cards.", "lines": 0, "urls": False, "auto_marked": True}],
}  # fmt: skip


def test_the_worksheet_escapes_text_and_runs_only_its_own_script():
    page = coverage_pages.coverage_worksheet_html(MATERIAL)
    assert "<script>alert" not in page and "<img src=x" not in page and "</textarea><b>" not in page
    assert page.count("<script") == 1 and pages.WORKSHEET_SCRIPT in page


def test_each_card_asks_which_is_surer_which_words_and_which_to_cite():
    page = coverage_pages.coverage_worksheet_html(MATERIAL)
    assert set(re.findall(r"name='card:1:surer' value='([^']+)'", page)) == {"A", "B", "same"}
    assert set(re.findall(r"name='card:1:cite' value='([^']+)'", page)) == {"A", "B", "either"}
    assert "name='card:1:evidence'" in page and "name='q:stop-headlines'" in page
    # The headlines task comes before the articles, as in the one-article worksheet.
    assert page.index("q:stop-headlines") < page.index("Article A")


@pytest.fixture
def key():
    side = {"sent_id": 1, "status": "reported", "source": "<i>Whitlock</i>", "source_type": "person", "text": "<img src=x>"}
    card = {"card": 1, "fields": ["surer", "evidence", "cite"], "sides": [{**side, "letter": "A"}, {**side, "letter": "B", "status": "hedged"}],
            "answers": {"surer": {"best": "A", "accepted": {}, "choices": ["A", "B", "same"]}, "evidence": None,
                        "cite": {"best": "either", "accepted": {"A": "both named"}, "choices": ["A", "B", "either"]}},
            "explain": {"surer": "Article A *surer*.", "evidence": "No word.", "cite": "Either."}, "notes": ["Figures <differ>."],
            "trace": "score 0.3"}  # fmt: skip
    tasks = [{"id": "find-share", "step": "Find better coverage", "title": "Share?", "prompt": "Which?", "auto_marked": False,
              "model_answer": ["A cites 2 named sources."], "look_for": ["A reason"]}]  # fmt: skip
    return {"title": "T", "points": {"best": 2, "accepted": 1}, "cards": [card], "tasks": tasks,
            "articles": [{"letter": "A", "file": "a.txt", "headline": "H"}, {"letter": "B", "file": "b.txt", "headline": None}]}


def test_the_answer_key_holds_the_answers_and_asks_for_a_check_of_each_match(key):
    page = coverage_pages.coverage_answer_key_html(key)
    assert "<script" not in page and "<img src=x>" not in page and "<i>Whitlock" not in page
    assert "article A" in page and "Check each card before class" in page and "Figures &lt;differ&gt;." in page
    assert "A cites 2 named sources." in page


def test_the_lesson_plan_has_no_script_and_names_the_cards(key):
    page = coverage_pages.coverage_lesson_plan_html(key)
    assert "<script" not in page and "do the 1 card:" in page
    assert "Plan (50 minutes)" in page and "0-5" in page  # the shortest reading time: 5 minutes


def test_with_few_cards_the_lesson_gives_their_time_to_finding_another_pair(key):
    import copy

    one = coverage_pages.coverage_lesson_plan_html(key)
    assert "do the 1 card:" in one and "22-29" in one  # 1 card: 7 minutes
    assert "find one more claim both articles tell" in one
    many = copy.deepcopy(key)
    many["cards"] = [key["cards"][0]] * 5
    page = coverage_pages.coverage_lesson_plan_html(many)
    assert "find one more claim" not in page and "22-36" in page  # 14 minutes
    assert re.search(r"Plan \((\d+) minutes\)", page).group(1) == re.search(r"Plan \((\d+) minutes\)", one).group(1)


def test_key_values_a_teacher_may_edit_are_escaped_on_the_comparison_pages(key):
    key["points"] = {"best": "<x-best>", "accepted": "<x-accepted>"}
    card = key["cards"][0]
    card.update(card="<x-card>", where="<x-where>", text="t")
    for side in card["sides"]:
        side["sent_id"] = "<x-sent>"
    key["articles"][0]["topics"] = [{"topic": "war", "words": ["war"], "sent_ids": ["<x-topic>"]}]
    material = {**MATERIAL, "cards": [{**MATERIAL["cards"][0], "card": "<x-card>",
                                       "sides": [{**s, "number": "<x-number>"} for s in MATERIAL["cards"][0]["sides"]]}]}  # fmt: skip
    student = {"name": "Eve", "class": "", "cards": {}, "questions": {}, "urls": {}}
    shown = [coverage_pages.coverage_answer_key_html(key), coverage_pages.coverage_lesson_plan_html(key),
             coverage_pages.coverage_worksheet_html(material), pages.feedback_html(key, student, [])]  # fmt: skip
    for page in shown:
        assert "<x-" not in page and "&lt;x-" in page
