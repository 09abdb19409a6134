import json
import re
from pathlib import Path

from analysis import analyze, config
from analysis.export import to_json_dict
from analysis.schema import LABELS, TABLES, check_tables

README = config.PROJECT_DIR / "README.md"


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


def test_readme_data_dictionary_documents_every_table_column_and_label():
    readme = README.read_text(encoding="utf-8")
    section = readme[readme.index("## Data dictionary") :]
    for table, columns in TABLES.items():
        assert re.search(rf"^### `{table}`", section, re.M), table
        for column in columns:
            assert f"`{column}`" in section, (table, column)
    for (_, _), labels in LABELS.items():
        for label in labels:
            if label is not None:
                assert f"`{label}`" in section, label
