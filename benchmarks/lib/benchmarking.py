"""Helpers for the scripts in ``benchmarks/``: find a data set, record measured figures.

Benchmarks print their figures and also record them in ``benchmarks/results.json``
(one entry per benchmark, with the command and date), which the report reads to tell a
reader how far to trust the labels. Nothing here is used at analysis time.
"""

from __future__ import annotations

import datetime as _dt
import json
from contextlib import contextmanager
import platform
import sys
from pathlib import Path

from analysis import config

__all__ = ["data_path", "record_results", "load_results", "RESULTS_FILE"]

#: Where benchmark scripts record their figures: the checkout's file, which the package
#: reads in a checkout and a built wheel carries a copy of (``setup.py``).
RESULTS_FILE = config.PROJECT_DIR / "benchmarks" / "results.json"


def data_path(argument: str | None, default_relative: str) -> Path:
    """The data folder or file: the argument, else ``config.SHARED_DATA_DIR/default_relative``.

    Exits with status 0 and a one-line message when it does not exist: the research
    corpora are not redistributed, so a clone without them skips the benchmark.
    """
    path = Path(argument) if argument else config.SHARED_DATA_DIR / default_relative
    if not path.exists():
        print(f"skipped: data not found at {path} (pass its path as the first argument)")
        sys.exit(0)
    return path


def load_results(path: Path = config.RESULTS_FILE) -> dict:
    """All recorded benchmark results, keyed by benchmark name ({} when none)."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def record_results(name: str, figures: dict, *, command: str, path: Path = RESULTS_FILE) -> None:
    """Store one benchmark's figures (replacing its previous entry)."""
    from analysis.presenting.export import atomic_write_text

    results = load_results(path)
    results[name] = {
        "figures": figures,
        "command": command,
        "date": _dt.date.today().isoformat(),
        "python": platform.python_version(),
    }
    atomic_write_text(Path(path), json.dumps(results, indent=1, sort_keys=True) + "\n")


@contextmanager
def rules_alone():
    """The analysis with the learned attribution tagger off while the block runs: what
    the rules give without the model, measured in the same run as the package."""
    from analysis.rules import attribution_model

    attribution_model.ENABLED = False
    try:
        yield
    finally:
        attribution_model.ENABLED = True
