from hypothesis import given
from hypothesis import strategies as st

from analysis.textnorm import normalize


def test_quotes_spaces_dashes_are_unified():
    assert normalize("\u201cHe\u2019s\u00a0here\u201d \u2014 now") == "\"He's here\" - now"


@given(st.text())
def test_length_is_preserved(text):
    assert len(normalize(text)) == len(text)
