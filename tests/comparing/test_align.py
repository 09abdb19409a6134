"""Alignment: the same claim told by two outlets is matched, with its evidence; claims
that share only a topic are not; one claim may match several."""

import pandas as pd
import pytest

from analysis import analyze
from analysis.comparing import compare
from analysis.comparing.align import FEATURES, align_claims, matcher, reader_check
from analysis.rules.findings import same_figure
from analysis.comparing.claims import claim_rows


def _matched(comparison, a_words, b_words):
    claims = comparison.claims.set_index(["article", "sent_id"])
    rows = comparison.alignment[comparison.alignment["matched"]]
    for r in rows.itertuples():
        a, b = claims.loc[(r.article, r.sent_id), "text"], claims.loc[(r.other, int(r.other_sent_id)), "text"]
        if a_words in a and b_words in b:
            return r
    return None


def test_the_same_figure_for_the_same_thing_is_matched_with_its_evidence(nlp):
    from analysis import analyze
    from analysis.comparing import compare

    a = analyze("Bridge traffic\n\nAbout 30,000 vehicles cross the Harbour Bridge each day, the council said.", nlp=nlp)
    b = analyze("Bridge traffic\n\nSome 35,000 vehicles cross the Harbour Bridge every day.", nlp=nlp)
    match = compare([a, b]).alignment.iloc[0]
    assert match["matched"] and match["shared_number"] == "30,000 / 35,000" and "cross" in match["shared_events"]
    # The matched unit is what the council said, not the whole sentence with its speaker.
    assert match["claim"] == "About 30,000 vehicles cross the Harbour Bridge each day" and match["source"] == "the council"


def test_the_same_claim_told_in_other_words_is_matched_with_its_evidence(comparison):
    crack = _matched(comparison, "Engineers found a 50-centimetre crack", "crack was found during a routine inspection")
    assert crack is not None and crack.score >= 0.5 and "crack" in crack.shared_lemmas and crack.meaning_similarity > 0.5


def test_a_claim_on_another_matter_is_not_matched(comparison):
    assert _matched(comparison, "Safety comes first", "") is None  # only the local paper quotes Councillor Menon


def test_every_claim_has_a_row_for_every_other_article(comparison):
    claims = comparison.claims
    pairs = comparison.alignment[["article", "sent_id"]].drop_duplicates()
    assert len(pairs) == len(claims)
    assert comparison.alignment["other_sent_id"].isna().eq(~comparison.alignment["matched"]).all()


def test_one_article_alone_aligns_nothing(samples):
    wire, _ = samples
    assert align_claims(claim_rows(wire, "wire")).empty
    assert align_claims(pd.DataFrame(columns=["article", "lemmas"])).empty


def test_figures_are_the_same_within_a_tenth():
    assert same_figure(12000, 12500) and not same_figure(500, 350)


def test_what_a_reader_needs_an_actor_or_object_and_an_event_in_common():
    base = dict.fromkeys([*FEATURES, "shared_words", "same_figure", "whole_sentences"], 0.0)
    assert not reader_check({**base, "meaning": 0.9, "same_event": 1.0})  # nothing shared but the verb
    assert not reader_check({**base, "shared_names": 1 / 3, "meaning": 0.3})  # a name, no event: the same topic
    assert reader_check({**base, "shared_names": 1 / 3, "same_event": 1.0})
    assert reader_check({**base, "shared_words": 0.4, "meaning": 0.6})  # the same statement in other words
    assert reader_check({**base, "shared_words": 0.2, "same_figure": 1.0})


def test_the_shipped_matcher_is_one_score_with_weights_a_reader_can_follow():
    model = matcher()
    assert set(model["weights"]) == set(FEATURES) and 0 < model["threshold"] < 1
    # Every piece of evidence raises the score: none counts against a match.
    assert all(weight > 0 for weight in model["weights"].values())
    assert model["tuning_pairs"] == [1, 2, 3, 7, 8, 9, 10]


def test_claims_on_one_topic_but_different_events_are_no_match(nlp):
    a = analyze("Budget\n\nThe council approved the budget for the new library on Monday.", nlp=nlp)
    b = analyze("Library\n\nProtesters marched past the new library on Monday, angry at the council.", nlp=nlp)
    assert not compare([a, b]).alignment["matched"].any()


@pytest.mark.parametrize("threshold", [0.0, 1.01])
def test_the_threshold_decides_what_is_a_match(comparison, threshold):
    table = align_claims(comparison.units, threshold=threshold)
    assert table["matched"].any() == (threshold == 0.0)
    assert (table.loc[table["matched"], "score"] >= threshold).all()


def test_one_event_done_by_different_named_people_is_no_match(nlp):
    a = analyze("Primaries\n\nMaria Lopez has won Leeds, York, Hull and Bath in the primaries on Tuesday.", nlp=nlp)
    b = analyze("Primaries\n\nJohn Smith was sweeping the region, winning Bath, Hull, York and Leeds in the primaries.", nlp=nlp)
    c = analyze("Primaries\n\nLopez won Bath, Hull, York and Leeds in Tuesday's primaries.", nlp=nlp)
    # A reader does not call two results one claim told twice
    assert not compare([a, b]).alignment["matched"].any()
    same = compare([a, c]).alignment
    assert same["matched"].any() and same.loc[same["matched"], "event_in_common"].all()


def test_one_event_about_different_named_places_is_no_match(nlp):
    # polnear train breitbart / huff-post 2016-03-15/16: two primaries won, not one told twice
    a = analyze("Primaries\n\nHillary Clinton wins the Democratic presidential primary in North Carolina on Tuesday.", nlp=nlp)
    b = analyze("Missouri\n\nHillary Clinton won the Democratic primary in Missouri on Tuesday, the agency said.", nlp=nlp)
    c = analyze("Carolina\n\nClinton won the Democratic primary in North Carolina on Tuesday, the agency said.", nlp=nlp)
    assert not compare([a, b]).alignment["matched"].any()
    assert compare([a, c]).alignment["matched"].any()


def test_two_counts_of_one_kind_of_thing_are_one_figure_only_about_one_name():
    from analysis.comparing.align import _shared_number

    a, b = [(836.0, False, "delegate", "836")], [(71.0, False, "delegate", "71")]
    # "Sanders needs 836 delegates" / "Clinton is 71 delegates short": two claims
    assert _shared_number(a, b, about_one_thing=False) == ""
    # "Police said 30,000 vehicles" / "police counted 35,000 vehicles": one count, two figures
    assert _shared_number(a, b, about_one_thing=True) == "836 / 71"
    assert _shared_number([(12.0, False, None, "12")], [(12.0, False, None, "twelve")], about_one_thing=False) == "12 / twelve"
