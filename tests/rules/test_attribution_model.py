"""The learned attribution tagger: it ships and loads once, marks sources and cues as
PolNeAR's annotators do, moves only what it may, and says what it decided in words.

Sentences are made up in the shape of BBC News and PolNeAR sentences (named in each test).
"""

from __future__ import annotations

import pytest

from analysis import analyze
from analysis.rules import attribution_model
from analysis.rules.attribution_model import MODEL_FILE, LearnedSpan, _fuller_source, learned_spans, load_tagger

#: BBC business/361 shape: a name, then the apposition PolNeAR counts as part of the source.
APPOSITION = "Lynn Franco, director of the Conference Board's consumer research centre, said confidence had grown."


def _rows(nlp, text):
    return analyze(f"A headline\n\n{text}", nlp=nlp).attributions


def test_the_model_ships_in_the_package_and_loads_once():
    assert MODEL_FILE.is_file() and MODEL_FILE.stat().st_size < 25 * 2**20
    assert load_tagger() is not None and load_tagger() is load_tagger()


def test_learned_spans_are_runs_of_one_role_without_punctuation_at_their_edges(nlp):
    doc = nlp('"We will win this," said the minister for sport.')
    spans = {(s.role, doc[s.start : s.end].text) for s in learned_spans(doc)}
    assert ("CUE", "said") in spans and ("SOURCE", "the minister for sport") in spans
    assert all(not doc[s.start].is_punct and not doc[s.end - 1].is_punct for s in learned_spans(doc))
    assert all(0 < s.confidence <= 1 for s in learned_spans(doc))


def test_a_source_is_shown_as_its_whole_noun_phrase_and_the_rules_still_say_who_it_is(nlp):
    row = _rows(nlp, APPOSITION).iloc[0]
    assert row["source"] == "Lynn Franco, director of the Conference Board's consumer research centre"
    assert row["canonical_source"] == "Lynn Franco" and row["source_type"] == "person"
    assert "PolNeAR" in row["reason"] and "the rules read 'Lynn Franco'" in row["reason"]
    assert row["reason"].startswith("The reporting verb's subject is who says it")


def test_without_the_model_the_rules_alone_give_the_source(nlp, monkeypatch):
    monkeypatch.setattr(attribution_model, "ENABLED", False)
    row = _rows(nlp, APPOSITION).iloc[0]
    assert row["source"] == "Lynn Franco" and "PolNeAR" not in row["reason"]


def test_a_missing_model_file_leaves_the_rules_alone(nlp, monkeypatch, tmp_path):
    assert load_tagger(str(tmp_path / "absent.crfsuite")) is None
    monkeypatch.setattr(attribution_model, "load_tagger", lambda path=None: None)
    rows = _rows(nlp, APPOSITION)
    assert rows.iloc[0]["source"] == "Lynn Franco" and "learned" not in set(rows["pattern"])


def test_a_relative_clause_is_never_part_of_a_learned_source(nlp):
    # A page's anonymity reason: "who asked not to be named" says why, it is not the source.
    rows = _rows(nlp, "A spokeswoman, who asked not to be named, said the talks had failed.")
    said = rows[rows["cue"] == "said"].iloc[0]
    assert said["source"] == "A spokeswoman" and said["source_type"] == "anonymous"


@pytest.mark.parametrize(
    "text, rule, learned, fuller",
    [
        (APPOSITION, "Lynn Franco", "Lynn Franco, director of the Conference Board's consumer research centre", True),
        ("Culture Secretary Tessa Jowell on Tuesday said it would work.", "Culture Secretary Tessa Jowell",
         "Culture Secretary Tessa Jowell on Tuesday", False),  # a date is not the source
        ("The London Stock Exchange (LSE said it would.", "The London Stock Exchange", "The London Stock Exchange (LSE", False),
        ("Campaign groups including Oxfam and War on Want said so.", "Campaign groups including Oxfam and War on Want",
         "Campaign groups including Oxfam", False),  # a learned span must hold the rules' whole phrase
        ("A statement from the office, the executive said no.", "the executive", "A statement from the office, the executive", False),
    ],
)  # fmt: skip
def test_a_learned_source_replaces_the_rules_edges_only_when_it_is_their_phrase_and_more(nlp, text, rule, learned, fuller):
    doc = nlp(text)

    def tokens(phrase):
        start = text.index(phrase)
        span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
        return span.start, span.end

    (a, b), (c, d) = tokens(learned), tokens(rule)
    assert _fuller_source(doc, LearnedSpan("SOURCE", a, b, 0.9), (c, d)) is fuller


def test_a_reporting_verb_whose_subject_the_rules_miss_is_a_learned_relation_that_says_so(nlp):
    # PolNeAR train shape (breitbart 2016-04-23): a quantity as the subject of "agreed".
    rows = _rows(nlp, "Less than a third agreed that Britain would have to wait its turn.")
    row = rows[rows["cue"] == "agreed"].iloc[0]
    assert row["pattern"] == "learned" and row["source"] == "Less than a third"
    assert row["content"].startswith("that Britain would have to wait")
    assert "A model trained on 840 news articles" in row["reason"] and "% sure" in row["reason"]


@pytest.mark.parametrize(
    "text",
    ["People can claim compensation if their flight is late.",  # what one may do, not a statement
     "The minister did not say whether the plan would go ahead."],  # negated: the rules' judgement stands
)  # fmt: skip
def test_the_model_adds_no_relation_where_the_rules_judged_there_is_none(nlp, text):
    assert "learned" not in set(_rows(nlp, text)["pattern"])


@pytest.mark.parametrize(
    "text, source_type, canonical",
    [
        # BBC politics/045 shape: a role the rules read as anonymous, named right after it.
        ("BBC Scotland's political correspondent Glenn Campbell said the vote was close.", "person", "Glenn Campbell"),
        ("Argentine Economic Minister, Roberto Lavagna, said the offer was final.", "person", "Roberto Lavagna"),
        # BBC politics/050 shape: the small model tags the name ORG; a leader is a person.
        ("The Scottish National Party's Holyrood leader, Nicola Sturgeon, said the plan was wrong.", "person", "Nicola Sturgeon"),
        # A body in a preposition is not a name right after the role: still nobody named.
        ("A senior official at the Pentagon said the plan was ready.", "anonymous", "A senior official at the Pentagon"),
    ],
)  # fmt: skip
def test_a_name_right_after_a_role_in_the_learned_phrase_is_who_speaks(nlp, text, source_type, canonical):
    row = _rows(nlp, text).iloc[0]
    assert (row["source_type"], row["canonical_source"]) == (source_type, canonical)
    if source_type == "person":
        # The learned phrase names them, unless a rule already reads the name in apposition
        # ("Argentine Economic Minister, Roberto Lavagna,": a capitalised post is still a post).
        assert "[rule: learned_name]" in row["source_type_reason"] or "[rule: apposed_name]" in row["source_type_reason"]


def test_a_learned_cue_that_took_in_the_subjects_noun_gives_it_back(nlp):
    """CBS News page, 2019: the tagger marked "The victim's" as the source and "mother
    testified, describing" as the cue; the source is the subject's whole phrase."""
    from analysis.rules.attribution_model import learned_relations

    doc = nlp('The victim\'s mother testified, describing her daughter as "brave, strong, and smart".')
    mother = next(t for t in doc if t.text == "mother")
    describing = next(t for t in doc if t.text == "describing")
    spans = [LearnedSpan("SOURCE", 0, mother.i, 0.9), LearnedSpan("CUE", mother.i, describing.i + 1, 0.9)]
    (relation,) = learned_relations(doc, [], spans)
    assert doc[relation.source[0] : relation.source[1]].text == "The victim's mother"
    assert doc[relation.cue[0] : relation.cue[1]].text == "testified, describing"
