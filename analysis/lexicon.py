"""Load the lexicons kept as data in ``analysis/lexicons/*.csv``.

Every lexicon row carries a ``category`` and a ``provenance`` note, so any label built
on it can say which list, which category and which source the cue came from.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from analysis import config

__all__ = ["load_lexicon", "lexicon_names", "lexicon_words"]

REQUIRED_COLUMNS = frozenset({"category", "provenance"})


def lexicon_names() -> list[str]:
    """Names of the lexicons shipped with the package, sorted."""
    return sorted(p.stem for p in config.LEXICON_DIR.glob("*.csv"))


@lru_cache(maxsize=None)
def _load(name: str) -> pd.DataFrame:
    path = config.LEXICON_DIR / f"{name}.csv"
    if not path.exists():
        raise KeyError(f"no lexicon named {name!r} in {config.LEXICON_DIR} (have: {', '.join(lexicon_names())})")
    table = pd.read_csv(path, dtype=str, keep_default_na=False, comment=None)
    missing = REQUIRED_COLUMNS - set(table.columns)
    if missing:
        raise ValueError(f"lexicon {name!r} lacks columns {sorted(missing)}")
    empty = table[(table["category"] == "") | (table["provenance"] == "")]
    if len(empty):
        raise ValueError(f"lexicon {name!r}: rows {list(empty.index)} lack a category or provenance")
    return table


def load_lexicon(name: str) -> pd.DataFrame:
    """Return the lexicon ``name`` as a DataFrame of strings (a copy: callers may edit it).

    Args:
        name: File stem in ``analysis/lexicons`` (e.g. ``"boilerplate"``).

    Raises:
        KeyError: No such lexicon.
        ValueError: A row lacks its category or provenance.
    """
    return _load(name).copy()


@lru_cache(maxsize=None)
def lexicon_words(name: str, category: str, *, column: str = "word") -> frozenset[str]:
    """The words of one category of a lexicon, in lower case ("circumstance_preposition"
    of ``context_words``)."""
    table = _load(name)
    return frozenset(str(w).lower() for w in table.loc[table["category"] == category, column])
