"""Shared fixtures: the seed article, real BBC articles, and one loaded spaCy pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import analyze, config, load_nlp

DATA_DIR = Path(__file__).parent / "data"
BBC_FILES = sorted((DATA_DIR / "bbc").glob("*.txt"))
HTML_PAGE = DATA_DIR / "news_page.html"


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return config.SEED_ARTICLE


@pytest.fixture(scope="session")
def seed(nlp, seed_path):
    return analyze(seed_path, nlp=nlp)


@pytest.fixture(scope="session")
def bbc_analyses(nlp):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # sport_199 warns about its encoding, on purpose
        return {path.name: analyze(path, nlp=nlp) for path in BBC_FILES}
