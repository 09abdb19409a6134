"""Dates: absolute, relative or a duration, with the reason (BBC-shaped sentences, made up)."""

import pytest

from analysis import analyze

CASES = [
    ("The ban came into force on 18 February 2005.", "18 February 2005", "absolute"),
    ("The minister will speak on Wednesday.", "Wednesday", "relative"),
    ("Sales fell earlier this month.", "earlier this month", "relative"),
    ("The talks lasted three months.", "three months", "duration"),
]


@pytest.mark.parametrize("sentence, words, kind", CASES, ids=[c[2] + ": " + c[1] for c in CASES])
def test_each_date_gets_its_kind_and_reason(nlp, sentence, words, kind):
    result = analyze("Story\n\n" + sentence + " The rest of the story follows here, as it always does in the paper.", nlp=nlp)
    rows = result.dates[result.dates["text"].str.contains(words.split()[-1])]
    assert len(rows) >= 1, result.dates
    assert rows.iloc[0]["kind"] == kind and rows.iloc[0]["rule"], rows
