"""The lexicons: CSV data with provenance on every row, loaded once."""

import pytest

from analysis.lexicon import lexicon_names, load_lexicon


@pytest.mark.parametrize("name", lexicon_names())
def test_every_lexicon_row_says_where_it_comes_from(name):
    table = load_lexicon(name)
    assert len(table) > 0
    provenance = [c for c in table.columns if c in ("provenance", "source")]
    assert provenance, (name, list(table.columns))
    assert table[provenance[0]].fillna("").str.strip().ne("").all(), name


def test_loaded_tables_are_copies_a_caller_cannot_spoil():
    first = load_lexicon("hedges")
    first.loc[0, "cue"] = "spoiled"
    assert load_lexicon("hedges").loc[0, "cue"] != "spoiled"


def test_a_lexicons_words_of_one_category_are_read_in_lower_case():
    from analysis.lexicon import lexicon_words

    prepositions = lexicon_words("context_words", "circumstance_preposition")
    assert {"with", "after"} <= prepositions and "of" not in prepositions
    assert "monthly" in lexicon_words("context_words", "frequency")
