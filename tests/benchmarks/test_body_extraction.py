"""The extraction benchmark's metric, as its README defines it: 4-word shingles, each page's
counts as shares of their sum, averaged over pages."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from body_extraction import page_counts, scores  # noqa: E402


def test_a_page_exactly_right_is_all_true_positives():
    assert page_counts("The bridge was closed on Tuesday.", "The bridge was closed on Tuesday") == (1.0, 0.0, 0.0)


def test_added_and_missed_words_count_as_shingles_of_four():
    # truth: 3 shingles; extracted adds "Share this article" after it: 3 more shingles, 3 right.
    tp, fp, fn = page_counts("the bridge was closed on Tuesday share this article", "the bridge was closed on Tuesday")
    assert (tp, fp, fn) == (3 / 6, 3 / 6, 0.0)


def test_every_page_weighs_the_same_and_exact_pages_are_counted():
    figures = scores([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0)], [True, False])
    assert figures["precision"] == round(0.75 / 1.0, 3) and figures["recall"] == 1.0 and figures["accuracy"] == 0.5
