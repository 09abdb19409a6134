"""The annotated article: plain words first on every status badge, the rule second."""

import html

from analysis.presenting.annotate import annotated_html
from analysis.vocabulary import STATUS


def test_a_status_badge_says_what_the_status_means_before_the_rule(seed):
    page = html.unescape(annotated_html(seed))
    hedged = seed.sentences[seed.sentences["status"] == "hedged"].iloc[0]
    badge = f"sentence {hedged['sent_id']}: hedged. {STATUS.describe('hedged')}\nWhy: {hedged['status_reason']}"
    assert badge in page


def test_the_legend_explains_every_status(seed):
    page = html.unescape(annotated_html(seed))
    for status in STATUS:
        assert STATUS.describe(status) in page
