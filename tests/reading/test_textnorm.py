from hypothesis import given
from hypothesis import strategies as st

from analysis.reading.textnorm import normalize


def test_quotes_spaces_dashes_are_unified():
    assert normalize("\u201cHe\u2019s\u00a0here\u201d \u2014 now") == "\"He's here\" - now"


@given(st.text())
def test_length_is_preserved(text):
    assert len(normalize(text)) == len(text)


def test_ascii_text_is_returned_as_it_is_because_the_table_maps_no_ascii_character():
    from analysis.reading.textnorm import NORMALIZATION_TABLE

    assert all(code > 127 for code in NORMALIZATION_TABLE)
    text = 'He said: "It\'s 10-12 miles" - and left.\n'
    assert normalize(text) is text
    assert normalize("it\u2019s \u201cfine\u201d \u2013 ok") == "it's \"fine\" - ok"


def test_a_long_run_of_underscores_reads_as_spaces_after_its_start_like_any_symbol_run():
    from analysis.reading.textnorm import MAX_SYMBOL_RUN

    text = "Rule " + "_" * 20_000 + " end"
    normalized = normalize(text)
    assert len(normalized) == len(text)
    assert normalized.startswith("Rule " + "_" * MAX_SYMBOL_RUN + " ") and normalized.endswith(" end")
    assert normalize("snake_case_words stay") == "snake_case_words stay"
