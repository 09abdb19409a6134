import json
import re

import pytest

from analysis import analyze, config
from analysis.presenting.export import to_json_dict
from analysis.schema import LABELS, TABLES, check_tables

DATA_DICTIONARY = config.PROJECT_DIR / "docs" / "data-dictionary.md"


def test_seed_tables_meet_the_contract(seed):
    assert seed.check() == []
    assert list(seed.tables) == list(TABLES)


def test_every_span_round_trips_on_real_articles(seed, bbc_analyses):
    for analysis in [seed, *bbc_analyses.values()]:
        assert analysis.check() == [], analysis.article.source


def test_html_offsets_refer_to_the_extracted_text(nlp):
    from .conftest import HTML_PAGE

    result = analyze(HTML_PAGE, nlp=nlp)
    assert result.check() == []
    data = to_json_dict(result)
    assert data["text"] == result.text and "<p" not in data["text"]


def test_check_tables_catches_a_broken_span(seed):
    broken = dict(seed.tables)
    broken["sentences"] = seed.sentences.assign(start=seed.sentences["start"] + 1)
    assert any("sentences: span" in p for p in check_tables(broken, seed.text))


def test_check_tables_catches_a_bad_label(seed):
    broken = dict(seed.tables)
    broken["paragraphs"] = seed.paragraphs.assign(role="byline")
    assert any("paragraphs.role" in p for p in check_tables(broken, seed.text))


def test_json_form_has_nulls_and_lists(seed):
    data = json.loads(json.dumps(to_json_dict(seed)))
    sentence = data["sentences"][0]
    assert sentence["status"] is None and sentence["hedges"] == [] and sentence["boosters"] == []
    for table, columns in TABLES.items():
        assert isinstance(data[table], list)
        if data[table]:
            assert set(columns) <= set(data[table][0])


def test_the_data_dictionary_documents_every_table_column_and_label():
    readme = DATA_DICTIONARY.read_text(encoding="utf-8")
    section = readme
    for table, columns in TABLES.items():
        assert re.search(rf"^## `{table}`", section, re.M), table
        for column in columns:
            assert f"`{column}`" in section, (table, column)
    for (_, _), labels in LABELS.items():
        for label in labels:
            if label is not None:
                assert f"`{label}`" in section, label


def test_conform_builds_the_same_table_from_rows_as_pandas_would():
    import numpy as np
    import pandas as pd

    from analysis.schema import conform

    rows = [
        {"sent_id": 0, "source": "Officials", "source_type": "unnamed", "cue": "said", "cue_stance": "neutral",
         "content": "it was over", "quote_type": "indirect", "source_start": 0, "source_end": 9,
         "canonical_source": None, "source_type_reason": "plural", "cue_start": 10, "cue_end": 14,
         "cue_lemma": "say", "content_start": 15, "content_end": 26, "anonymity_reason": None, "relayed": False,
         "pattern": "p1", "speaks_for": None, "reason": "r1", "extra": 1.5},
        {"sent_id": 2, "source": None, "source_type": "unnamed", "cue": "reportedly", "cue_stance": "non_committal",
         "content": None, "quote_type": "indirect", "source_start": None, "source_end": None,
         "canonical_source": "Reuters", "source_type_reason": "no source", "cue_start": 40, "cue_end": 50,
         "cue_lemma": "reportedly", "content_start": None, "content_end": None, "anonymity_reason": "not allowed",
         "relayed": True, "pattern": "p2", "speaks_for": "Ukraine", "reason": "r2", "extra": np.nan},
    ]  # fmt: skip
    built = conform("attributions", rows)
    via_pandas = conform("attributions", pd.DataFrame(rows))
    pd.testing.assert_frame_equal(built, via_pandas)
    assert built["canonical_source"].tolist() == [None, "Reuters"]  # object columns keep None
    assert str(built["source_start"].dtype) == "Int64" and built["source_start"].isna().tolist() == [False, True]
    with pytest.raises(ValueError, match="lack contract columns"):
        conform("attributions", [{"sent_id": 0}])


def test_rows_with_differing_keys_build_the_same_table_as_uniform_rows():
    import pandas as pd

    from analysis.schema import conform, from_columns

    uniform = [
        {"sent_id": 0, "text": "5", "start": 0, "end": 1, "kind": "direct", "speaker": "Ann", "reason": "r"},
        {"sent_id": 1, "text": "6", "start": 2, "end": 3, "kind": "scare", "speaker": None, "reason": "s"},
    ]
    # The same rows with keys in another order, one extra column and one row lacking it:
    # the slow path (keys differ) must give what the fast path (same keys) gives.
    shuffled = [dict(reversed(list(uniform[0].items()))), {**uniform[1], "extra": 2}]
    fast, slow = conform("quotes", uniform), conform("quotes", shuffled)
    pd.testing.assert_frame_equal(fast, slow.drop(columns="extra"))
    assert slow["extra"].isna().tolist() == [True, False]
    by_columns = from_columns("quotes", {key: [row[key] for row in uniform] for key in uniform[0]})
    pd.testing.assert_frame_equal(fast, by_columns)
    with pytest.raises(ValueError, match="lack contract columns"):
        from_columns("quotes", {"sent_id": [0]})
