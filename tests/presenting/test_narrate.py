"""Narration: prose computed from the data, the trust table from the shipped figures, the glossary from the vocabulary."""

from analysis.presenting import narrate
from analysis.vocabulary import SOURCE_TYPE, STATUS


def test_the_overview_counts_what_the_tables_hold(seed):
    text = narrate.overview(seed)
    assert f"{len(seed.paragraphs)} paragraphs" in text
    assert f"{int(seed.sentences['in_body'].sum())} sentences" in text


def test_the_trust_table_reads_the_figures_and_says_when_one_is_missing():
    table = narrate.trust_table({"claim_status": {"figures": {"strict accuracy %": 88.5}, "date": "2026-12-02", "command": "c"}})
    row = table[table["label"] == "How sure a claim is (status)"].iloc[0]
    assert (row["figure"], row["measured"]) == ("88.5", "2026-12-02")
    assert (table["figure"] == "not measured").sum() == len(table) - 1


def test_the_shipped_figures_load():
    assert "claim_status" in narrate.load_results()


def test_the_glossary_explains_every_status_and_source_type():
    text = narrate.glossary_markdown()
    for labels in (STATUS, SOURCE_TYPE):
        for name in labels:
            assert f"| `{name}` | {labels.describe(name)} |" in text


def test_the_status_legend_is_the_vocabulary():
    text = narrate.status_meanings()
    for name in STATUS:
        assert f"- *{name}*: {STATUS.describe(name)}" in text
