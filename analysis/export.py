"""Write an :class:`~analysis.core.Analysis` as JSON (one object keyed by table) or CSV
(one file per table), atomically: a file is either complete or absent.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from .schema import TABLES

__all__ = ["to_records", "to_json_dict", "to_json", "write_json", "write_csv", "atomic_write_text"]


def _plain(value):
    """A JSON-ready Python value: NaN/NA become None, numpy scalars become Python."""
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, np.ndarray):
        return [_plain(v) for v in value.tolist()]
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
    return [{col: _plain(val) for col, val in zip(columns, row)} for row in frame.itertuples(index=False, name=None)]


def to_json_dict(analysis) -> dict:
    """The JSON form: ``meta``, ``text``, ``warnings`` and one list of rows per table."""
    data = {"meta": _plain(analysis.meta), "text": analysis.text, "warnings": list(analysis.warnings)}
    for name, frame in analysis.tables.items():
        data[name] = to_records(frame)
    # Derived views, for convenience (not part of the span contract).
    for name in analysis.VIEW_NAMES:
        data[name] = to_records(getattr(analysis, name))
    return data


def to_json(analysis, *, indent: int | None = 1) -> str:
    """The JSON form as a string."""
    return json.dumps(to_json_dict(analysis), ensure_ascii=False, indent=indent)


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


def write_json(analysis, out_dir: Path, *, name: str = "tables.json") -> Path:
    """Write the JSON form to ``out_dir/name``; returns the path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / name
    atomic_write_text(path, to_json(analysis))
    return path


def _csv_ready(frame: pd.DataFrame) -> pd.DataFrame:
    """Lists become JSON strings in CSV, so they read back unambiguously (also lists
    read back from Parquet, which arrive as numpy arrays)."""
    frame = frame.copy()
    for col in frame.columns:
        if frame[col].dtype == object and frame[col].map(lambda v: isinstance(v, (list, dict, np.ndarray))).any():
            frame[col] = frame[col].map(lambda v: json.dumps(_plain(v), ensure_ascii=False))
    return frame


def write_csv(analysis, out_dir: Path) -> list[Path]:
    """Write one CSV per table, then per derived view, into ``out_dir``; returns the paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in (*TABLES, *analysis.VIEW_NAMES):
        path = out_dir / f"{name}.csv"
        atomic_write_text(path, _csv_ready(getattr(analysis, name)).to_csv(index=False))
        paths.append(path)
    return paths
