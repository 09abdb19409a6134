"""Hostile files, round two: what a careful tester broke with one file each, kept fixed.

Sources of the article text: ``tests/data/bbc/politics_001.txt`` and ``tests/data/news_page.html``
(see ``tests/data/README.md``) and made-up strings written for these tests.
"""

from __future__ import annotations

import csv
import errno
import json
import time
from pathlib import Path

import pytest

from analysis import analyze
from analysis.cli import main, report_folder_names
from analysis.errors import InputError
from analysis.parse import nlp as nlp_module
from analysis.presenting import export
from analysis.presenting.export import PLAIN_NUMBER, csv_text
from analysis.reading.ingest import inert_copy_name, read_article, read_path

from .conftest import DATA_DIR, HTML_PAGE

POLITICS = DATA_DIR / "bbc" / "politics_001.txt"
#: A line of an old Mac file whose next line starts like a formula.
MAC_FORMULA = "he wrote\r=cmd|' /C calc'!A0 on the board"
FORMULA_START = tuple("=+-@\uff1d\uff0b\uff0d\uff20")


def _one_line(err: str) -> bool:
    lines = err.strip().splitlines()
    return len(lines) == 1 and "Traceback" not in err


def _mac_article() -> str:
    """The BBC article as an old Mac file (CR line endings), with a paragraph holding a
    line that starts like a formula."""
    text = POLITICS.read_text(encoding="utf-8").replace("\n", "\r")
    return text + f"\r\rThe teacher said: {MAC_FORMULA}.\r"


def unsafe_cells(folder: Path) -> list[tuple[str, int, str]]:
    """Every cell of every CSV under ``folder``, read with Python's csv module, that a
    spreadsheet would run (starts like a formula, not guarded, not a plain number); and
    every row whose width differs from its header's (a line break that split a row)."""
    import re

    plain = re.compile(PLAIN_NUMBER)
    found = []
    for path in sorted(folder.rglob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        for number, row in enumerate(rows[1:], start=2):
            if len(row) != len(rows[0]):
                found.append((path.name, number, f"{len(row)} cells, header has {len(rows[0])}"))
            found += [(path.name, number, cell) for cell in row
                      if cell.startswith(FORMULA_START) and not plain.fullmatch(cell)]  # fmt: skip
    return found


# 1. A lone CR inside a cell stays in its cell ---------------------------------------------


def test_a_cell_holding_a_lone_cr_is_quoted_and_reads_back_as_one_cell():
    import pandas as pd

    text = csv_text(pd.DataFrame({"text": [MAC_FORMULA, "\r=x", "plain"], "n": [1, 2, 3]}))
    rows = list(csv.reader(text.splitlines(keepends=True)))
    assert rows == [["text", "n"], [MAC_FORMULA, "1"], ["'\r=x", "2"], ["plain", "3"]]


@pytest.mark.slow
def test_every_csv_the_commands_write_reads_back_row_for_row_with_no_formula(tmp_path, capsys):
    article = tmp_path / "mac.txt"
    article.write_bytes(_mac_article().encode("utf-8"))
    other = tmp_path / "other.txt"
    other.write_text(POLITICS.read_text(encoding="utf-8"), encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "\r=id", "text": _mac_article()}) + "\n", encoding="utf-8")
    assert main(["tables", str(article), "--format", "csv", "--out", str(tmp_path / "tables")]) == 0
    assert main(["compare", str(article), str(other), "--out", str(tmp_path / "compare")]) == 0
    assert main(["corpus", str(corpus), "--out", str(tmp_path / "corpus"), "--no-progress"]) == 0
    assert main(["report", str(article), "--out", str(tmp_path / "report")]) == 0
    assert main(["exercise", str(article), "--out", str(tmp_path / "lesson")]) == 0
    key = json.loads((tmp_path / "lesson" / "teacher" / "key.json").read_text(encoding="utf-8"))
    hostile = {"status": "\r=x", "source": "he wrote\r=cmd|' /C calc'!A0", "source_type": "@x", "cues": "\r+1+1"}
    answers = tmp_path / "answers" / "ada.json"
    answers.parent.mkdir()
    answers.write_text(json.dumps({"format": "analysis-exercise-answers", "version": 1, "exercise": key["exercise"],
                                   "name": "=Ada\r=x", "class": "-10B", "cards": {str(c["card"]): hostile for c in key["cards"]},
                                   "questions": {}, "urls": {}}), encoding="utf-8")  # fmt: skip
    assert main(["grade", str(answers.parent), "--key", str(tmp_path / "lesson" / "teacher" / "key.json"),
                 "--out", str(tmp_path / "feedback")]) == 0  # fmt: skip
    capsys.readouterr()
    written = {p.parent.name for p in tmp_path.rglob("*.csv")}
    assert {"tables", "compare", "corpus", "mac", "feedback"} <= written
    assert unsafe_cells(tmp_path) == []
    # The paragraph with the CR is one row, its text whole.
    with (tmp_path / "tables" / "paragraphs.csv").open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    assert any(MAC_FORMULA in t for t in texts)


# 2. A saved page is kept as inert text ----------------------------------------------------


def test_a_saved_page_copy_is_named_as_text_and_still_reads_as_the_page(tmp_path):
    assert inert_copy_name(HTML_PAGE, "article") == "article.html.txt"
    assert inert_copy_name(POLITICS, "article_A") == "article_A.txt"
    copy = tmp_path / "article.html.txt"
    copy.write_bytes(HTML_PAGE.read_bytes())
    original, kept = read_path(HTML_PAGE), read_path(copy)
    assert kept.format == "html" and kept.text == original.text and kept.metadata == original.metadata


# 4. Numbers too large for a float ---------------------------------------------------------


def test_a_figure_of_hundreds_of_digits_is_kept_as_text_with_a_note(nlp):
    huge = "1" + "0" * 450
    text = (f"Critics say {huge} jobs lost\n\n{POLITICS.read_text(encoding='utf-8').split(chr(10), 1)[1]}\n\n"
            f"Critics said about {huge} jobs were lost, sources said. Officials said {huge}% went.\n")  # fmt: skip
    result = analyze(text, nlp=nlp)
    rows = result.numbers[result.numbers["text"].str.contains("0" * 400)]
    assert len(rows) >= 2
    assert rows["value"].isna().all()
    assert all("too_large" in flags for flags in rows["flags"])
    assert rows["flag_reason"].str.contains("too large to hold as a number").all()
    json.dumps(export.to_json_dict(result), allow_nan=False)  # valid JSON: no Infinity


# 5. Write failures are one line -----------------------------------------------------------


@pytest.mark.parametrize(
    "code, says",
    [(errno.EACCES, "you may not write there"), (errno.ENOSPC, "the disk is full"), (errno.EROFS, "read-only")],
)
def test_an_output_that_cannot_be_written_is_exit_2_with_one_line_and_no_folder(tmp_path, capsys, monkeypatch, code, says):
    out = tmp_path / "new" / "out"

    def refuse(*args, **kwargs):
        raise OSError(code, "refused", str(out / "paragraphs.csv"))

    monkeypatch.setattr(export, "csv_text", refuse)
    assert main(["tables", str(POLITICS), "--format", "csv", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert _one_line(err) and says in err and "internal error" not in err
    assert not out.parent.exists()  # neither the folder nor the parent made for it


def test_tables_as_csv_are_written_all_or_none(tmp_path, monkeypatch, nlp):
    out = tmp_path / "out"
    real = export.csv_text
    calls = []

    def fail_on_the_fourth(frame):
        calls.append(1)
        if len(calls) == 4:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(frame)

    monkeypatch.setattr(export, "csv_text", fail_on_the_fourth)
    with pytest.raises(OSError):
        export.write_csv(analyze(POLITICS, nlp=nlp), out)
    assert not out.exists()  # neither 3 of 14 files nor an empty folder


def test_staging_happens_inside_the_output_folder(tmp_path):
    out = tmp_path / "out"
    with export.staged_output(out, prefix=".x-") as staging:
        assert staging.parent == out
        (staging / "a.csv").write_text("a\r\n", encoding="utf-8")
        (staging / "sub").mkdir()
        (staging / "sub" / "b.txt").write_text("b", encoding="utf-8")
        assert export.publish(staging, out) == [out / "a.csv", out / "sub" / "b.txt"]
    assert sorted(p.name for p in out.iterdir()) == ["a.csv", "sub"]


# 6. Two inputs with one name --------------------------------------------------------------


def test_reports_of_two_articles_with_one_name_go_to_two_folders():
    assert report_folder_names(["a.txt", "a.html"]) == ["a-txt", "a-html"]
    assert report_folder_names(["x/a.txt", "y/a.txt"]) == ["x_a-txt", "y_a-txt"]
    assert report_folder_names(["a.txt", "b.txt"]) == ["a", "b"]
    same = report_folder_names(["a.txt", "a.txt"])
    assert len(set(same)) == 2


@pytest.mark.slow
def test_the_report_command_says_where_an_article_of_a_repeated_name_goes(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(POLITICS.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "a.html").write_bytes(HTML_PAGE.read_bytes())
    out = tmp_path / "rep"
    assert main(["report", str(tmp_path / "a.txt"), str(tmp_path / "a.html"), "--out", str(out)]) == 0
    assert (out / "a-txt" / "report.html").is_file() and (out / "a-html" / "report.html").is_file()
    assert "more than one article is named 'a'" in capsys.readouterr().err
    # 11. The report page, like the package's other pages, forbids scripts and remote loads.
    page = (out / "a-html" / "report.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in page and "default-src 'none'" in page and "<script" not in page


# 8. Long runs of punctuation parse in seconds ---------------------------------------------


@pytest.mark.parametrize("run", ["=" * 40_000, '"' * 20_000, "(" * 20_000, "=(" * 10_000, "\u20ac" * 20_000, "_" * 20_000 + "%"])
def test_a_long_run_of_punctuation_is_cut_short_for_the_parse_with_offsets_kept(nlp, run):
    text = POLITICS.read_text(encoding="utf-8") + "\n\n" + run + "\n"
    started = time.monotonic()
    result = analyze(text, nlp=nlp)
    # Not a speed measure: the uncut run took minutes (quadratic in the tokenizer).
    assert time.monotonic() - started < 60
    assert result.check() == []
    last = result.paragraphs.iloc[-1]
    assert last["text"] == run  # the tables index and show the original text


# 9. A long article is parsed in pieces ----------------------------------------------------


def test_pieces_cover_the_text_and_cut_only_at_paragraph_starts_or_inside_a_long_one():
    text = "aaaa\n\nbbbbbbbb\n\ncc. dd ee\n\nf"
    starts = [0, 6, 16, 27]
    cut = nlp_module.pieces(text, starts, size=10)
    assert "".join(text[a:b] for a, b in cut) == text
    assert cut == [(0, 6), (6, 16), (16, 20), (20, 28)]  # the 11-character paragraph cut after "cc. "
    assert nlp_module.pieces(text, starts, size=100) == [(0, len(text))]
    assert nlp_module.pieces("x" * 25, [0], size=10) == [(0, 10), (10, 20), (20, 25)]


def test_a_text_longer_than_a_piece_is_parsed_in_pieces_into_one_doc(nlp, monkeypatch):
    text = POLITICS.read_text(encoding="utf-8")
    monkeypatch.setattr(nlp_module, "PIECE_CHARS", 600)
    cut = []
    real = nlp_module.pieces
    monkeypatch.setattr(nlp_module, "pieces", lambda *a, **k: cut.extend(real(*a, **k)) or cut)
    result = analyze(text, nlp=nlp)
    assert len(cut) > 3
    assert result.check() == []
    assert result.sentences["text"].str.len().sum() > 0.9 * len(text.strip())
    # Every piece starts a sentence; no sentence runs across a cut.
    starts = set(result.sentences["start"])
    assert all(a in starts or not text[a:].strip() for a, _ in cut[1:])


# 11. Small ones ---------------------------------------------------------------------------


def test_a_pdf_saved_as_text_is_refused_as_a_pdf(tmp_path, capsys):
    pdf = tmp_path / "article.txt"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    assert main(["tables", str(pdf)]) == 2
    err = capsys.readouterr().err
    assert _one_line(err) and "is a PDF file" in err


def test_standard_input_is_read_only_to_the_size_limit(monkeypatch):
    import io
    import sys

    from analysis import config

    class Endless(io.RawIOBase):
        read_bytes = 0

        def readable(self):
            return True

        def readinto(self, buffer):
            Endless.read_bytes += len(buffer)
            assert Endless.read_bytes < 3 * config.MAX_INPUT_BYTES, "read past the limit"
            buffer[:] = b"x" * len(buffer)
            return len(buffer)

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(Endless())))
    with pytest.raises(InputError, match="more than 10 MB; the limit is 10 MB"):
        read_article("-")


@pytest.mark.slow
def test_the_report_says_the_encoding_fallback_as_tables_does(tmp_path, capsys, monkeypatch):
    article = tmp_path / "cp1252.txt"
    article.write_bytes(POLITICS.read_text(encoding="utf-8").encode("cp1252", "replace"))  # "£" is byte A3: not UTF-8
    # Only the message is checked: the notebooks need not run.
    monkeypatch.setattr("analysis.presenting.report.build_report", lambda path, out, **k: out / "report.html")
    assert main(["report", str(article), "--out", str(tmp_path / "rep")]) == 0
    assert "is not valid UTF-8" in capsys.readouterr().err


def test_an_article_compared_with_itself_is_said_to_be_the_same_text(tmp_path, capsys):
    out = tmp_path / "cmp"
    assert main(["compare", str(POLITICS), str(POLITICS), "--out", str(out)]) == 0
    assert "are the same text" in capsys.readouterr().err
    assert "They are the same text" in (out / "compare.html").read_text(encoding="utf-8")
    with (out / "differences.csv").open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.reader(handle))) == 1  # the header alone: a text does not differ from itself


def test_a_full_disk_inside_the_report_kernel_is_said_as_any_failed_write(monkeypatch):
    import nbclient
    import nbformat
    from nbclient.exceptions import CellExecutionError

    from analysis.errors import output_problem
    from analysis.presenting import report

    def full(self, **kwargs):
        raise CellExecutionError("Traceback ...", "OSError", "[Errno 28] No space left on device: '/out/sentences.csv'")

    monkeypatch.setattr(nbclient.NotebookClient, "execute", full)
    with pytest.raises(OSError) as raised:
        report.execute(nbformat.v4.new_notebook(), kernel=object())
    assert raised.value.errno == errno.ENOSPC
    assert output_problem(raised.value, out="rep") == (
        "cannot write rep: No space left on device; the disk is full: free some space or choose another --out folder")
