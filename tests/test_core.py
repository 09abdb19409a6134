"""analyze(): one call, one object whose tables are DataFrames; analyze_once parses a
file once per process until it changes."""

import pandas as pd

from analysis import analyze, analyze_once
from analysis.schema import TABLES


def test_every_contract_table_is_a_dataframe_and_passes_the_checks(seed):
    for name in TABLES:
        assert isinstance(seed.tables[name], pd.DataFrame), name
    assert seed.check() == []
    assert seed.headline == "North Korean troops in Ukraine seen as a major escalation"


def test_analyze_once_reuses_the_analysis_until_the_file_changes(tmp_path, nlp):
    path = tmp_path / "story.txt"
    path.write_text("Talks\n\nThe talks failed on Monday, the minister said, and no new date was set for them.", encoding="utf-8")
    first = analyze_once(path)
    assert analyze_once(path) is first
    path.write_text("Talks\n\nThe talks resumed on Tuesday, the minister said, and a deal was signed by both sides.", encoding="utf-8")
    second = analyze_once(path)
    assert second is not first and "resumed" in second.text


def test_text_is_analysed_as_text_not_read_as_a_path(nlp):
    result = analyze("The council voted to merge the two trusts on Tuesday night, after a long debate.", nlp=nlp)
    assert result.meta["source"] == "<text>"
