"""The annotated article: plain words first on every status badge, the rule second."""

import html
import re

from analysis.presenting.annotate import annotated_html, marks
from analysis.presenting.tables import split_reason
from analysis.vocabulary import STATUS


def test_a_status_badge_says_what_the_status_means_before_the_rule(seed):
    page = html.unescape(annotated_html(seed))
    hedged = seed.sentences[seed.sentences["status"] == "hedged"].iloc[0]
    plain, technical = split_reason(hedged["status_reason"])
    badge = f"sentence {hedged['sent_id']}: hedged. {STATUS.describe('hedged')}\nWhy: {plain}"
    assert badge in page
    if technical:  # the rule's category and dependency path come after the plain words
        assert page.index(badge) < page.index(f"Details: {technical}")


def test_every_mark_says_why_in_plain_words_before_any_rule_name(seed):
    for mark in marks(seed):
        first_line = mark.reason.split("\n")[0]
        assert first_line and not re.search(r"\b[a-z]+_[a-z_]+\b|rule|\bnsubj\b|\bdobj\b| > ", first_line), mark
        assert "\n" not in mark.reason or mark.reason.split("\n", 1)[1].startswith("Details: ")


def test_each_body_sentence_badge_is_a_link_target(seed):
    page = annotated_html(seed)
    for sent_id in seed.body_sentences["sent_id"]:
        assert f'id="s{sent_id}"' in page


def test_the_legend_explains_every_status(seed):
    page = html.unescape(annotated_html(seed))
    for status in STATUS:
        assert STATUS.describe(status) in page
