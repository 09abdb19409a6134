"""Marking claim cards: fair alternatives one way only, sources in any form the article
uses, cue words the worksheet teaches, blank answers worth nothing, feedback in plain words."""

import pytest

from analysis.classroom.marking import cue_matches, mark_card, mark_student, normalise_words, same_source, split_cues

AUSTIN = ["US Defence Secretary Lloyd Austin", "Lloyd Austin", "Austin"]
OFFICIAL = ["A senior US military official"]


@pytest.mark.parametrize("given", ["Lloyd Austin", "austin", "Defence Secretary Lloyd Austin", "Defense Secretary Austin",
                                   "the Defence Secretary", "Lloyd Austin, the US defence secretary"])  # fmt: skip
def test_a_source_matches_any_form_the_article_uses(given):
    assert same_source(given, AUSTIN)


@pytest.mark.parametrize("given", ["the official", "senior US military official", "a military official"])
def test_a_description_matches_with_or_without_its_article(given):
    assert same_source(given, OFFICIAL)


@pytest.mark.parametrize("given", ["Putin", "US", "", "the", "reporters"])
def test_another_source_or_a_fragment_does_not_match(given):
    assert not same_source(given, AUSTIN + OFFICIAL)


def test_spellings_and_apostrophes_are_the_same_words():
    assert normalise_words("the Organisation’s Defence") == normalise_words("organization's defense")
    assert same_source("South Korea’s spy agency", ["South Korea's spy agency"])


def test_cues_may_be_one_string_or_a_list():
    assert split_cues("said; warned, “may”") == ["said", "warned", "may"]
    assert split_cues(["said", " ", None]) == ["said"]
    assert split_cues(None) == [] and split_cues("") == []


@pytest.mark.parametrize("given, forms, expected", [
    ("says", ["said", "say"], True), ("warning", ["warned", "warn"], True), ("has confirmed", ["confirmed"], True),
    ("refused to confirm", ["refused to confirm or deny"], True), ("confirm or deny", ["refused to confirm or deny"], False),
    ("don't know", ["don’t know"], True), ("Rome", ["said"], False), ("thousands", ["could"], False),
])  # fmt: skip
def test_cue_words_match_in_any_form(given, forms, expected):
    assert cue_matches(given, forms) is expected


def _card(status="confirmed", source_type="organization", cues=("confirmed",), accepted_status=None, accepted_type=None):
    from analysis.vocabulary import DEFENSIBLE_ANSWERS

    accepted = lambda field, best: {g: r for (f, b, g), r in DEFENSIBLE_ANSWERS.items() if f == field and b == best}  # noqa: E731
    return {
        "card": 1,
        "answers": {
            "status": {"best": status, "accepted": accepted_status if accepted_status is not None else accepted("status", status)},
            "source": {"best": "United States", "forms": ["United States", "the US"]},
            "source_type": {"best": source_type, "accepted": accepted_type if accepted_type is not None else accepted("source_type", source_type)},
            "cues": {"words": list(cues), "forms": list(cues), "kind": "the reporting verb"} if cues else None,
        },
        "explain": {"status": "The article says the US “confirmed” it.", "source": "The claim comes from the US.",
                    "source_type": "A country.", "cues": "Look for the reporting verb."},
    }  # fmt: skip


def _verdicts(rows):
    return {row["field"]: row["verdict"] for row in rows}


def test_reported_is_accepted_for_a_confirmed_claim_but_not_the_other_way_round():
    confirmed = mark_card(_card("confirmed"), {"status": "reported", "source": "the US", "source_type": "organization", "cues": "confirmed"})
    assert _verdicts(confirmed)["status"] == "accepted"
    assert [r["points"] for r in confirmed if r["field"] == "status"] == [1]
    feedback = next(r["feedback"] for r in confirmed if r["field"] == "status")
    assert "*reported*" in feedback and "accepted" in feedback and "*confirmed* fits better" in feedback
    reported = mark_card(_card("reported"), {"status": "confirmed", "source": "the US", "source_type": "organization", "cues": "confirmed"})
    assert _verdicts(reported)["status"] == "wrong"


def test_the_keys_answers_get_every_point_and_a_blank_sheet_none():
    right = mark_card(_card(), {"status": "confirmed", "source": "United States", "source_type": "organisation", "cues": ["confirmed"]})
    assert {r["verdict"] for r in right} == {"best"} and sum(r["points"] for r in right) == 8
    blank = mark_card(_card(), {"status": "", "source": "", "source_type": "", "cues": ""})
    assert {r["verdict"] for r in blank} == {"missing"} and sum(r["points"] for r in blank) == 0
    assert sum(r["points"] for r in mark_student({"cards": [_card()]}, {})) == 0


def test_the_cue_field_is_left_out_when_no_word_decides_the_claim():
    rows = mark_card(_card(status="asserted", source_type="author", cues=()), {"status": "asserted"})
    assert [r["field"] for r in rows] == ["status", "source", "source_type"]


def test_a_word_that_is_no_label_is_named_as_such():
    rows = mark_card(_card(), {"status": "true"})
    feedback = next(r["feedback"] for r in rows if r["field"] == "status")
    assert "not one of the statuses on the worksheet" in feedback


def test_feedback_is_plain_words_without_rule_names_or_offsets():
    rows = mark_card(_card(), {"status": "asserted", "source": "Putin", "source_type": "person", "cues": "thousands"})
    for row in rows:
        assert "_" not in row["feedback"] and "[" not in row["feedback"] and "rule" not in row["feedback"]


def test_feedback_does_not_repeat_the_label_it_confirms():
    # A blind teacher review: "Yes: *author*. *Author*: Nobody but the writer ..." said it twice.
    from analysis.classroom.marking import _mark_choice

    verdict, points, text = _mark_choice("source_type", "author", {"best": "author", "accepted": {}}, "*Author*: Nobody but the writer.")
    assert (verdict, text) == ("best", "Yes: *author*. Nobody but the writer.")


def test_a_partys_short_name_and_its_members_name_are_the_party():
    # A second blind teacher review: "Liberal Democrats" and "the Tories" scored 0 (lexicons/short_forms.csv).
    from analysis.classroom.marking import same_source

    assert same_source("Liberal Democrats", ["Lib Dems"]) and same_source("LibDems", ["The Lib Dems"])
    assert same_source("the Tories", ["Conservatives"]) and not same_source("Labour", ["Conservatives"])


def test_a_cue_the_key_accepts_besides_its_own_says_so():
    # A third blind teacher review: "Yes: *could*. Look for the reporting verb: 'said'" read as a contradiction.
    from analysis.classroom.marking import _mark_cues

    answer = {"words": ["said"], "forms": ["said", "say", "could"], "kind": "reporting verb"}
    verdict, points, text = _mark_cues(["could"], answer, "Look for the reporting verb: 'said'.")
    assert (verdict, points) == ("best", 2) and text.startswith("Yes: *could* counts.")
    # A later review: "counts too. Look for the reporting verb" still sent the student elsewhere.
    assert text == "Yes: *could* counts. The key's word is “said”."
    assert _mark_cues(["said"], answer, "x")[2] == "Yes: *said*. x"


def test_a_surname_inside_another_name_is_not_the_source():
    # A blind teacher review (BBC News tech/172): "Irish Times", "the Irish" and "Irish
    # Christmas" had full marks for Oliver Irish, whom the article also calls "Irish".
    forms = ["Oliver Irish, editor of gadget magazine Stuff", "Oliver Irish", "Mr Irish", "Irish"]
    for wrong in ("Irish Times", "the Irish", "Irish Christmas"):
        assert not same_source(wrong, forms), wrong
    for right in ("Irish", "Mr Irish", "Mr. Irish", "Irish's", "Mr Irish from Stuff", "Irish, editor of Stuff"):
        assert same_source(right, forms), right
    blair = ["Prime Minister Tony Blair", "Tony Blair", "Mr Blair", "Blair"]
    assert same_source("Blair Prime Minister", blair) and not same_source("Blair Labour", blair)


def test_a_right_answer_for_the_writer_does_not_quote_a_label_as_the_articles_words():
    # A fourth blind teacher review: "Right (written differently): the article writes *author*".
    from analysis.classroom.marking import _mark_source

    answer = {"forms": ["author", "the writer", "the reporter", "the journalist", "nobody"]}
    verdict, points, text = _mark_source("nobody, the journalist", answer, "It rests on the writer alone.")
    assert verdict == "best" and "the article writes" not in text


@pytest.mark.parametrize("given, verdict", [("the writer", "best"), ("The reporter", "best"), ("nobody", "best"),
                                            ("virus writers", "wrong"), ("the article's author Tim Warner", "wrong"),
                                            # A tenth blind teacher review (BBC tech/329): fuller ways to say it.
                                            ("no source given", "best"), ("the writer (no source)", "best"),
                                            ("the writer's own claim", "best"), ("the journalist (no source given)", "best"),
                                            ("the writer (Intel)", "wrong")])  # fmt: skip
def test_the_writer_counts_only_as_a_whole_answer(given, verdict):
    # A sixth blind teacher review (bbc tech/210): "virus writers" scored full marks for a
    # claim the writer makes alone.
    from analysis.classroom.marking import NOBODY_FORMS

    card = _card("asserted", source_type="author")
    card["answers"]["source"] = {"best": "the writer", "forms": list(NOBODY_FORMS)}
    rows = {row["field"]: row for row in mark_card(card, {"source": given})}
    assert rows["source"]["verdict"] == verdict


def test_marking_from_the_tech_203_review():
    # A blind teacher review (BBC News tech/203): the employer passed for its director
    # general, the long name failed for its short form, and "the writers own claim" failed
    # for want of an apostrophe. ("according" for "according to" still counts: the word of
    # meaning is there; see test_marking_table.)
    from analysis.classroom.marking import NOBODY_FORMS, _names_the_source

    bennett = ["Roger Bennett, director general of Elspa", "Roger Bennett"]
    assert not same_source("Elspa", bennett)
    assert same_source("Roger Bennett of Elspa", bennett) and same_source("the director general", bennett)
    assert same_source("the Entertainment and Leisure Software Publishers Association", ["Elspa"])
    assert _names_the_source("the writers own claim", list(NOBODY_FORMS)) and not _names_the_source("virus writers", list(NOBODY_FORMS))


def test_right_in_other_words_shows_the_words_of_the_cards_sentence():
    # sport/296 review: "the article writes *Bernard Laporte*" of a sentence that says "the French coach".
    from analysis.classroom.marking import _mark_source

    answer = {"best": "Bernard Laporte", "forms": ["France coach Bernard Laporte", "Bernard Laporte", "the French coach", "Laporte"]}
    text = _mark_source("Laporte, France's coach", answer, "x", sentence='"We will go with fear," said the French coach.')[2]
    assert text.startswith("Right (written differently): the article writes *the French coach*.")


def test_the_journalists_own_is_the_writers_own():
    # politics/328 review: "the journalist's own" scored 0 where "the writer's own" scored 2.
    from analysis.classroom.marking import NOBODY_FORMS, _names_the_source

    assert _names_the_source("the journalist's own", list(NOBODY_FORMS))
    assert _names_the_source("nobody, it's the journalist's own", list(NOBODY_FORMS))
