"""Alignment: the same claim told by two outlets is matched, with its evidence; claims
that share only a topic are not; one claim may match several."""

import pandas as pd

from analysis.comparing.align import align_claims
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


def test_the_same_figure_for_the_same_thing_is_matched_with_its_evidence(comparison):
    match = _matched(comparison, "35,000 vehicles", "30,000 vehicles")
    assert match is not None and "35,000 / 30,000" in match.shared_number
    crack = _matched(comparison, "50-centimetre crack", "40-centimetre crack")
    assert crack is not None and "crack" in crack.shared_lemmas


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
