"""The "find better coverage" exercise: cards of matched claim pairs, a student folder with
nothing that reveals an answer, a teacher folder with the key and the comparison, and
grading through the same ``grade`` command."""

import json
import shutil
import types

import nbformat
import pandas as pd
import pytest

from analysis import config
from analysis.classroom.coverage import (
    COVERAGE_FIELDS,
    DIFFERENT,
    EITHER,
    NEITHER,
    SAME,
    _cite,
    _surer,
    build_coverage_exercise,
    coverage_cards,
    coverage_material,
    coverage_tasks,
    parse_drop_cards,
)
from analysis.classroom.marking import mark_card
from analysis.cli import main
from analysis.presenting.report import execute, start_kernel, stop_kernel

WIRE = config.SEEDS_DIR / "sample_coverage_wire.txt"
LOCAL = config.SEEDS_DIR / "sample_coverage_local.txt"


@pytest.fixture(scope="module")
def comparison(nlp):
    from analysis import analyze
    from analysis.comparing import compare

    return compare([analyze(WIRE, nlp=nlp), analyze(LOCAL, nlp=nlp)])


@pytest.fixture(scope="module")
def exercise(tmp_path_factory):
    out = tmp_path_factory.mktemp("coverage-exercise")
    files = build_coverage_exercise([WIRE, LOCAL], out, progress=lambda line: None)
    return out, files


def _key(out):
    return json.loads((out / "teacher" / "key.json").read_text(encoding="utf-8"))


def test_two_folders_are_written_with_the_comparison_for_the_teacher(exercise):
    out, files = exercise
    names = {str(p.relative_to(out)) for p in files}
    assert {"student/worksheet.html", "student/student.ipynb", "student/exercise.json", "student/articles.txt",
            "teacher/key.json", "teacher/answer_key.html", "teacher/lesson_plan.html", "teacher/compare.ipynb",
            "teacher/article_A.txt", "teacher/article_B.txt", "teacher/comparison/compare.html"} <= names  # fmt: skip
    assert not {n for n in names if n.startswith("student/")} - {
        "student/worksheet.html", "student/student.ipynb", "student/exercise.json", "student/articles.txt"}
    assert (out / "teacher" / "article_A.txt").read_bytes() == WIRE.read_bytes()
    assert (out / "teacher" / "article_B.txt").read_bytes() == LOCAL.read_bytes()


def test_nothing_in_the_student_folder_reveals_or_computes_an_answer(exercise):
    out, _ = exercise
    key = _key(out)
    texts = {p.name: p.read_text(encoding="utf-8") for p in (out / "student").iterdir()}
    secrets = [card["trace"] for card in key["cards"]] + [t for card in key["cards"] for t in card["explain"].values() if t]
    secrets += [n for card in key["cards"] for n in card["notes"]]
    secrets += [line for task in key["tasks"] for line in task["model_answer"]]
    assert secrets
    for name, text in texts.items():
        assert "analysis" not in text.replace("analysis-exercise", ""), name
        for secret in secrets:
            assert json.dumps(secret)[1:-1] not in text and secret not in text, (name, secret)
        assert "key.json" not in text and "compare.html" not in text
        assert "sample_coverage" not in text, name  # a file name can give away the outlet and the date
    material = json.loads(texts["exercise.json"])
    for card in material["cards"]:
        assert set(card) == {"card", "sides", "options"} and all(set(s) == {"letter", "number", "text", "claim"} for s in card["sides"])
        letters = [s["letter"] for s in card["sides"]]
        assert card["options"] == {"surer": [*letters, SAME, DIFFERENT], "cite": [*letters, EITHER, NEITHER]}  # the same on every card
    notebook = nbformat.reads(texts["student.ipynb"], as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert [line for c in code for line in c.source.splitlines() if line.startswith(("import ", "from "))] == ["import json"]


def test_the_student_material_does_not_depend_on_the_tools_labels(comparison):
    analyses = comparison.analyses
    cards = coverage_cards(comparison, analyses)
    tasks = coverage_tasks(comparison, analyses)
    real = coverage_material(comparison, analyses, cards, tasks, title="t")
    scrambled = {}
    for name, result in analyses.items():
        sentences = result.sentences.copy()
        for column in ("status", "status_reason", "claim_source", "claim_source_type", "claim_type"):
            sentences[column] = sentences[column].iloc[::-1].to_numpy()
        scrambled[name] = types.SimpleNamespace(sentences=sentences, paragraphs=result.paragraphs, tokens=result.tokens,
                                                article=result.article, headline=result.headline)  # fmt: skip
    assert coverage_material(comparison, scrambled, cards, tasks, title="t") == real


def test_cards_put_differing_pairs_first_and_use_each_sentence_once(comparison):
    cards = coverage_cards(comparison, comparison.analyses)
    assert 2 <= len(cards) <= 6
    ends = [(r.article, r.sent_id) for r in cards.itertuples()] + [(r.other, r.other_sent_id) for r in cards.itertuples()]
    assert len(ends) == len(set(ends))
    # The closure one report states and the other attributes to the council is on a card.
    assert any("fact_vs_attributed" in kinds for kinds in cards["differences"])
    matched = comparison.alignment[comparison.alignment["matched"]]
    assert cards["score"].min() >= matched["score"].min()  # only pairs at or above the matcher's threshold
    assert list(cards["card"]) == list(range(1, len(cards) + 1))
    assert coverage_cards(comparison, comparison.analyses).equals(cards)  # deterministic


def test_a_card_is_about_the_claim_matched_inside_its_sentences(exercise):
    out, _ = exercise
    # "The Harbour Bridge ... was closed on Tuesday after a crack was found in the main span,
    # and it could stay shut for a month": the card is about the closure the local report
    # states, not the month it hedges; the wire gives the closure as the council's.
    card = next(c for c in _key(out)["cards"] if any((s["claim"] or "").endswith("found in the main span") for s in c["sides"]))
    local = next(s for s in card["sides"] if (s["claim"] or "").endswith("found in the main span"))
    wire = next(s for s in card["sides"] if s is not local)
    assert local["status"] == "asserted" and local["read_as"] == "asserted" and wire["status"] == "reported"
    assert card["answers"]["surer"]["best"] == local["letter"]
    material = json.loads((out / "student" / "exercise.json").read_text(encoding="utf-8"))
    shown = next(c for c in material["cards"] if c["card"] == card["card"])
    assert any(s["claim"] == local["claim"] for s in shown["sides"])
    assert "The claim on this card" in (out / "student" / "worksheet.html").read_text(encoding="utf-8")


def _side(letter, status, source_type, source=None, cues=()):
    return {"letter": letter, "status": status, "source_type": source_type, "source": source, "written": source,
            "cues": list(cues), "cue_lemmas": list(cues)}  # fmt: skip


def test_which_is_surer_follows_how_firmly_each_outlet_puts_it():
    stated = _side("A", "asserted", "author")
    reported = _side("B", "reported", "person", "Dana Whitlock", ["said"])
    hedged = _side("B", "hedged", "author", cues=["could"])
    confirmed = _side("B", "confirmed", "person", "Dana Whitlock", ["confirmed"])
    assert _surer(stated, reported)[0]["best"] == "A"
    assert _surer(_side("A", "reported", "person", "Dana Whitlock", ["said"]), hedged)[0]["best"] == "A"
    answer, why = _surer(stated, confirmed)
    assert answer["best"] == SAME and "B" in answer["accepted"]  # a confirmation is firmer ground
    assert "states it as fact" in why and "confirm" in why


def test_a_sentence_the_writer_states_with_a_participle_source_is_told_by_that_source(nlp):
    from analysis import analyze
    from analysis.classroom.coverage import _side

    text = ("Foundation\n\nThe Trayvon Martin Foundation did not want to address \u201cthat person,\u201d telling Fox 35 "
            "that the organization is focused on \u201cending senseless gun violence.\u201d")  # polnear train huff-post 2016-05-12
    result = analyze(text, nlp=nlp)
    side = _side(result, "A", "a.txt", int(result.body_sentences["sent_id"].iloc[0]))
    assert side["read_as"] == "asserted" and side["status"] == "reported" and side["cues"] == ["telling"]
    assert "Foundation" in side["source"]


def test_which_to_cite_prefers_a_source_a_reader_can_check():
    stated = _side("A", "asserted", "author")
    named = _side("B", "reported", "person", "Dana Whitlock", ["said"])
    nameless = _side("B", "reported", "anonymous", "a union official", ["said"])
    assert _cite(stated, named)[0]["best"] == "B"
    assert _cite(stated, nameless)[0]["best"] == "B"
    assert "not by name" in _cite(stated, nameless)[1]
    answer, _ = _cite(_side("A", "reported", "organization", "the council"), named)
    assert answer["best"] == EITHER and set(answer["accepted"]) == {"A", "B"}
    # Both on the writer's word: find where it comes from first; either outlet is half right
    answer, why = _cite(stated, _side("B", "asserted", "author"))
    assert answer["best"] == NEITHER and set(answer["accepted"]) == {EITHER} and NEITHER in answer["choices"]
    assert "before you cite either" in why
    # Both on sources without names: either, and looking for a checkable source first is fair too
    answer, _ = _cite(_side("A", "reported", "anonymous", "officials", ["said"]), nameless)
    assert answer["best"] == EITHER and NEITHER in answer["accepted"]


def test_a_doubt_both_outlets_quote_from_one_speaker_is_no_difference():
    # PolNeAR train (USA Today, Breitbart, 2016-08-09/10): the same words of Trump's in both
    a = {**_side("A", "reported", "person", "Donald Trump", ["said"]),
         "text": '"If she gets to pick her judges, nothing you can do folks," Trump said before adding: "Though the '
                 'Second Amendment people, maybe there is, I don\'t know."'}  # fmt: skip
    b = {**_side("B", "unconfirmed", "person", "Donald Trump", ["don\u2019t know"]),
         "text": "\u201cAlthough the Second Amendment people, maybe there is, I don\u2019t know.\u201d"}
    answer, why = _surer(a, b)
    assert answer["best"] == SAME and "the doubt is the speaker's own" in why
    # One outlet drops the speaker's doubt: the other is less sure
    plain = {**a, "text": "Trump said the Second Amendment people could stop her."}
    assert _surer(plain, b)[0]["best"] == "A"


def test_two_sentences_with_figures_of_one_kind_and_none_in_common_make_no_card(nlp):
    from analysis import analyze
    from analysis.classroom.coverage import _figures_disagree

    # PolNeAR train (UPI / HuffPost, 2015-12): two polls' shares
    a = analyze("Poll\n\nAmong conservative respondents, Donald Trump won out with 22 percent, followed by Ben Carson "
                "with 20 percent.", nlp=nlp)  # fmt: skip
    b = analyze("Poll\n\nThe poll shows both Donald Trump and Ben Carson beating Clinton 45 to 40 percent.", nlp=nlp)
    c = analyze("Poll\n\nTrump had 22 percent among conservatives, the survey found.", nlp=nlp)
    def first(result):
        return int(result.body_sentences["sent_id"].iloc[0])

    assert _figures_disagree(a, first(a), b, first(b))
    assert not _figures_disagree(a, first(a), c, first(c))  # 22 percent in both


def test_a_quotation_carried_on_from_the_sentence_before_is_not_stated_plainly():
    from analysis.classroom.coverage import _evidence

    # PolNeAR dev (HuffPost / Western Journal, 2016-09-20/21): Clinton's words, told in the sentence before
    a = {**_side("A", "reported", "person", "Hillary Clinton"), "nearby_cue": "continued"}
    b = {**_side("B", "reported", "person", "Hillary Clinton"), "nearby_cue": "told"}
    answer, why = _evidence(a, b)
    assert answer is None and "“continued”" in why and "“told”" in why and "plainly" not in why
    assert "plainly" in _evidence(_side("A", "asserted", "author"), _side("B", "asserted", "author"))[1]


def test_a_card_names_the_source_as_the_article_writes_it_and_what_it_stands_for():
    from analysis.classroom.coverage import _source_words

    poll = "the latest New York Times/CBS News poll"
    assert _source_words(poll, "document", written="Just 28 percent of voters") == f"just 28 percent of voters in {poll}"
    assert _source_words("The Observer", "media", written="The paper") == "the paper (the Observer)"
    assert _source_words("Bernie Sanders", "person", written="Sanders") == "Sanders"
    assert _source_words("The Observer", "media") == "the Observer"
    assert _source_words(None, "author") == "nobody: the writer alone"


def test_a_sentence_two_outlets_give_word_for_word_is_a_copy_not_a_card():
    from analysis.classroom.coverage import word_for_word

    def article(*sentences, quoted=()):
        starts = [sum(len(t) + 1 for t in sentences[:i]) for i in range(len(sentences))]
        body = pd.DataFrame({"sent_id": range(1, len(sentences) + 1), "text": sentences, "start": starts,
                             "end": [start + len(t) for start, t in zip(starts, sentences)]})  # fmt: skip
        quotes = pd.DataFrame([{"kind": "direct", "start": starts[i], "end": starts[i] + len(sentences[i])} for i in quoted],
                              columns=["kind", "start", "end"])  # fmt: skip
        return types.SimpleNamespace(body_sentences=body, quotes=quotes)

    copy = "Asked if her email practices were illegal, 46 percent of voters said yes."
    speech = "\u201cMaybe I can do it in a way that others cannot, and this is not who we are.\u201d"
    analyses = {"a.txt": article("Clinton won.", copy, speech, quoted=[2]),
                "b.txt": article("Clinton won.", "A poll was out.", copy.upper(), speech, quoted=[3])}  # fmt: skip
    # "Clinton won." is too short to say copied; one speaker's words quoted by both are hers
    assert word_for_word(analyses) == [("a.txt", 2, "b.txt", 3)]


def test_a_comparison_card_is_marked_by_letter_in_any_spelling(exercise):
    out, _ = exercise
    card = next(c for c in _key(out)["cards"] if c["answers"]["surer"]["best"] not in (SAME,))
    best = card["answers"]["surer"]["best"]
    for given in (best, best.lower(), f"article {best.lower()}", f"Article {best}."):
        assert mark_card(card, {"surer": given})[0]["verdict"] == "best", given
    other = next(c for c in card["answers"]["surer"]["choices"] if c not in (best, SAME))
    assert mark_card(card, {"surer": other})[0]["verdict"] == "wrong"
    assert [m["field"] for m in mark_card(card, {})] == [f for f in COVERAGE_FIELDS if card["answers"][f] is not None]
    words = card["answers"]["evidence"]
    if words:
        assert next(m for m in mark_card(card, {"evidence": words["words"][0].upper()}) if m["field"] == "evidence")["verdict"] == "best"


@pytest.mark.slow
def test_the_student_notebook_saves_answers_that_grade(exercise, tmp_path):
    out, _ = exercise
    folder = tmp_path / "student"
    shutil.copytree(out / "student", folder)
    notebook = nbformat.read(folder / "student.ipynb", as_version=4)
    cell = next(c for c in notebook.cells if c.cell_type == "code" and c.source.startswith('answers["cards"]["1"]'))
    best = _key(out)["cards"][0]["answers"]["surer"]["best"]
    cell.source = cell.source.replace('"surer": ""', f'"surer": "{best}"', 1)
    kernel = start_kernel(cwd=folder)
    try:
        ran = execute(notebook, timeout=120, kernel=kernel)
    finally:
        stop_kernel(kernel)
    assert not [o for c in ran.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert main(["grade", str(folder / "answers.json"), "--key", str(out / "teacher" / "key.json"), "--out", str(tmp_path / "fb")]) == 0
    rows = (tmp_path / "fb" / "class.csv").read_text(encoding="utf-8").splitlines()
    assert any(",1,surer," in row and ",best,2," in row for row in rows)
    assert "Which is surer" in (tmp_path / "fb" / "answers.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_teacher_notebook_compares_the_copies(exercise):
    out, _ = exercise
    kernel = start_kernel(cwd=out / "teacher")
    try:
        ran = execute(nbformat.read(out / "teacher" / "compare.ipynb", as_version=4), timeout=300, kernel=kernel)
    finally:
        stop_kernel(kernel)
    assert not [o for c in ran.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert "article_A.txt" in nbformat.writes(ran)


def test_article_text_is_escaped_on_every_page(tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(WIRE.read_text(encoding="utf-8").replace("Port Ellery", "Port <img src=x onerror=alert(1)> Ellery"),
                       encoding="utf-8")  # fmt: skip
    build_coverage_exercise([hostile, LOCAL], tmp_path / "out", progress=lambda line: None)
    for page in (tmp_path / "out").rglob("*.html"):
        assert "<img src=x" not in page.read_text(encoding="utf-8"), page.name


@pytest.mark.parametrize("argv", [["exercise", "--compare", str(WIRE)], ["exercise", str(WIRE), str(LOCAL)],
                                  ["exercise", "--compare", str(WIRE), "missing.txt"],
                                  ["exercise", "--compare", str(WIRE), str(LOCAL), "--drop-cards", "two"],
                                  ["exercise", str(WIRE), "--drop-cards", "1"]])  # fmt: skip
def test_the_command_refuses_a_wrong_number_of_articles_in_one_line(argv, tmp_path, capsys):
    assert main([*argv, "--out", str(tmp_path / "out")]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_dropped_cards_leave_both_folders_and_answers_saved_before_still_grade(exercise, tmp_path):
    from analysis.classroom.grade import mark_student, read_answers

    out, _ = exercise
    before = _key(out)
    build_coverage_exercise([WIRE, LOCAL], tmp_path / "again", drop_cards=frozenset({1}), progress=lambda line: None)
    after = _key(tmp_path / "again")
    assert [c["card"] for c in after["cards"]] == [c["card"] for c in before["cards"][1:]]  # numbers kept
    assert [c["text"] for c in after["cards"]] == [c["text"] for c in before["cards"][1:]]
    assert after["exercise"] == before["exercise"] and after["dropped"] == [1]
    material = json.loads((tmp_path / "again" / "student" / "exercise.json").read_text(encoding="utf-8"))
    assert len(material["cards"]) == len(after["cards"]) and material["exercise"] == before["exercise"]
    # A student who answered the first build: every card still there is marked on its own answer.
    from analysis.classroom.pages import ANSWERS_FORMAT

    saved = {"format": ANSWERS_FORMAT, "exercise": before["exercise"],
             "cards": {str(c["card"]): {"surer": c["answers"]["surer"]["best"]} for c in before["cards"]}}  # fmt: skip
    (tmp_path / "answers.json").write_text(json.dumps(saved), encoding="utf-8")
    marks = mark_student(after, read_answers(tmp_path / "answers.json", exercise=after["exercise"]))
    assert {m["card"] for m in marks if m["field"] == "surer" and m["verdict"] == "best"} == {c["card"] for c in after["cards"]}


def test_a_teachers_key_can_say_a_card_tells_different_claims(exercise, tmp_path):
    from analysis.classroom.marking import mark_card

    out, _ = exercise
    first, second = _key(out)["cards"][:2]
    other = next(c for c in second["answers"]["cite"]["choices"] if c != second["answers"]["cite"]["best"])
    (tmp_path / "key.csv").write_text(f"card,surer,cite\n{first['card']},different,\n{second['card']},,{other.lower()}\n",
                                      encoding="utf-8")  # fmt: skip
    assert main(["exercise", "--compare", str(WIRE), str(LOCAL), "--teacher-key", str(tmp_path / "key.csv"),
                 "--out", str(tmp_path / "out")]) == 0  # fmt: skip
    key = _key(tmp_path / "out")
    changed, kept = key["cards"][0], key["cards"][1]
    assert changed["answers"]["surer"]["best"] == "different" and changed["by"]["surer"] == "teacher"
    assert changed["answers"]["cite"] is None and changed["answers"]["evidence"] is None
    marks = mark_card(changed, {"surer": "They do not tell the same claim", "cite": "A"})
    assert [(m["field"], m["verdict"]) for m in marks] == [("surer", "best")]  # nothing else is marked on that card
    assert mark_card(changed, {"surer": changed["sides"][0]["letter"]})[0]["verdict"] == "wrong"
    assert kept["answers"]["cite"]["best"] == other and kept["by"]["cite"] == "teacher"
    assert kept["answers"]["surer"] == second["answers"]["surer"]  # a blank cell keeps the tool's answer
    assert (tmp_path / "out" / "teacher" / "teacher_key.csv").is_file()
    assert "they do not tell the same claim" in (tmp_path / "out" / "student" / "worksheet.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("csv_text, message", [
    ("card,surer\n9,A\n", "line 2: card '9' is not a card of this exercise"),
    ("card,surer\n1,Z\n", "line 2: surer 'Z' is not one of"),
    ("card,surer,cite\n1,different,A\n", "line 2: card 1 says the sentences tell different claims, so leave cite blank"),
    ("card,surer\n1,A\n1,B\n", "line 3: card 1 is already in the key (line 2)"),
    ("card,status\n1,hedged\n", "a comparison's teacher key has the columns card, surer, cite"),
])  # fmt: skip
def test_a_wrong_teachers_key_for_a_comparison_is_refused_in_one_line(tmp_path, capsys, csv_text, message):
    (tmp_path / "key.csv").write_text(csv_text, encoding="utf-8")
    assert main(["exercise", "--compare", str(WIRE), str(LOCAL), "--teacher-key", str(tmp_path / "key.csv"),
                 "--out", str(tmp_path / "out")]) == 2  # fmt: skip
    errors = [line for line in capsys.readouterr().err.splitlines() if "error" in line]
    assert len(errors) == 1 and message in errors[0], errors
    assert not (tmp_path / "out").exists()


def test_a_card_number_the_exercise_does_not_have_is_refused_after_the_analysis(tmp_path, capsys):
    assert main(["exercise", "--compare", str(WIRE), str(LOCAL), "--drop-cards", "99", "--out", str(tmp_path / "out")]) == 2
    errors = [line for line in capsys.readouterr().err.splitlines() if "error" in line]
    assert len(errors) == 1 and "no card 99" in errors[0]
    assert not (tmp_path / "out").exists()


def test_the_comparison_key_passes_the_key_check_unchanged(exercise):
    from analysis.classroom.grade import check_key

    out, _ = exercise
    assert check_key(_key(out)) == _key(out)


@pytest.mark.parametrize("given, said", [("²", "'²' is not one"), ("1,x", "'x' is not one"), (",", "no card numbers given"),
                                         (" , ", "no card numbers given")])  # fmt: skip
def test_drop_cards_that_are_not_ascii_card_numbers_or_none_at_all_are_refused_before_the_analysis(given, said, tmp_path, capsys):
    assert main(["exercise", "--compare", str(WIRE), str(LOCAL), "--drop-cards", given, "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and said in err[0] and "internal error" not in err[0]
    assert not (tmp_path / "out").exists()


def test_drop_cards_reads_ascii_numbers_with_spaces_and_an_empty_option_drops_nothing():
    assert parse_drop_cards(" 2, 4 ,") == frozenset({2, 4})
    assert parse_drop_cards("") == frozenset()


def test_dropping_every_card_says_so_and_names_the_cards_there_are():
    import pandas as pd

    from analysis.classroom.coverage import _drop_cards
    from analysis.errors import InputError

    cards = pd.DataFrame({"card": [1, 2, 3], "sent_id": [4, 5, 6]})
    with pytest.raises(InputError, match=r"every card was dropped with --drop-cards: this exercise has cards 1-3"):
        _drop_cards(cards, frozenset({1, 2, 3}))
    with pytest.raises(InputError, match=r"no card 7 \(this exercise has cards 1-3\)"):
        _drop_cards(cards, frozenset({2, 7}))
    assert _drop_cards(cards, frozenset({2}))[["card", "sent_id"]].values.tolist() == [[1, 4], [3, 6]]  # numbers kept


def test_a_card_rests_on_one_event_in_both_articles_or_the_same_words():
    import pandas as pd

    from analysis.classroom.coverage import _pairs_telling_one_event

    def row(sent_id, events, event_in_common, text_similarity, lemmas=("meant", "founder", "isis"), names=("Hewitt",), number=""):
        return {"article": "a", "sent_id": sent_id, "other": "b", "other_sent_id": sent_id, "matched": True,
                "shared_events": events, "event_in_common": event_in_common, "text_similarity": text_similarity,
                "shared_lemmas": list(lemmas), "shared_names": list(names), "shared_number": number}

    alignment = pd.DataFrame([
        row(1, [], False, 0.3),  # one topic and one name ("... wins over Sanders" / "Sanders skipped the meeting")
        row(2, ["win"], True, 0.3),  # one event with a doer or object in common
        row(3, ["suggest"], True, 0.5),  # only the saying in common ("Hewitt suggested ..." / "After Hewitt suggested ...")
        row(4, [], False, 0.9),  # one quotation in both
        row(5, [], False, 0.82, ["race"]),  # two scraps close by few words ("no one in the race" / "the race to Clinton")
        # "Sanders needs 836 delegates to clinch the nomination" / "Clinton is 71 delegates
        # short of the number needed to clinch the nomination": one kind of event, nobody in common
        row(6, ["clinch", "need"], True, 0.36, ["clinch", "delegate", "need", "nomination"], names=()),
        row(7, ["cut"], True, 0.4, ["cut", "job"], names=(), number="500 / 500"),  # the same figure: one thing
        # "he questioned her judgment" / "Sanders is pushing back, questioning Clinton's
        # judgment": the claim says "he", its sentence names Sanders
        row(8, ["question", "support"], True, 0.57, ["judgment", "iraq", "war"], names=()),
    ])  # fmt: skip
    units = pd.DataFrame([
        {"article": "a", "sent_id": 8, "kind": "sentence", "entities": frozenset({"Bernie Sanders", "Hillary Clinton"})},
        {"article": "b", "sent_id": 8, "kind": "sentence", "entities": frozenset({"Sanders", "Clinton"})},
    ])  # fmt: skip
    telling = _pairs_telling_one_event(types.SimpleNamespace(alignment=alignment, units=units))
    assert telling == {frozenset({("a", n), ("b", n)}) for n in (2, 4, 7, 8)}
    # Articles that may be two stories about the same people: only the same words
    namespace = types.SimpleNamespace(alignment=alignment, units=units)
    assert _pairs_telling_one_event(namespace, clearly_one_story=frozenset()) == {frozenset({("a", 4), ("b", 4)})}
    one = frozenset({frozenset({"a", "b"})})
    assert _pairs_telling_one_event(namespace, clearly_one_story=one) == telling


def test_two_outlets_reporting_one_speakers_words_are_read_as_that_speakers(nlp):
    from analysis import analyze
    from analysis.classroom.coverage import _as_told_by_one_speaker, _side

    # PolNeAR train (HuffPost and Politico, 2016-08-11): the second sentence's own claim is
    # the writer's, but what both tell is Hewitt's suggestion
    a = analyze("ISIS\n\nHewitt suggested Trump had not meant his statement to be taken literally, but the candidate cut "
                "him off.", nlp=nlp)  # fmt: skip
    b = analyze("ISIS\n\nAfter Hewitt suggested that Trump simply meant that Obama's policies created the conditions for "
                "the group, Trump contradicted him.", nlp=nlp)  # fmt: skip
    side_a = _side(a, "A", "a.txt", int(a.body_sentences["sent_id"].iloc[0]))
    side_b = _side(b, "B", "b.txt", int(b.body_sentences["sent_id"].iloc[0]))
    side_a, side_b = _as_told_by_one_speaker(a, side_a, b, side_b)
    assert (side_a["status"], side_a["source"]) == (side_b["status"], side_b["source"]) == ("reported", "Hewitt")
    assert _surer(side_a, side_b)[0]["best"] == SAME


def test_the_outlet_task_says_how_to_find_what_the_copies_do_not_show(comparison):
    from analysis.presenting.narrate import page_identity

    task = next(t for t in coverage_tasks(comparison, comparison.analyses) if t["id"] == "investigate-outlets")
    shown = any(page_identity(r) for r in comparison.analyses.values())
    assert ("search for a distinctive sentence" in task["prompt"]) == (not shown)


def test_the_title_reads_as_a_sentence(exercise):
    out, _ = exercise
    title = _key(out)["title"]
    # "Find better coverage: “Harbour Bridge closed ...” and one other report", not "... span. and 1 other report"
    assert title.startswith("Find better coverage: “") and title.endswith("” and one other report") and ". and" not in title
