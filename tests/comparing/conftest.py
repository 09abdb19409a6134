"""Two made-up reports of one story in two house styles (``seeds/sample_coverage_*``),
compared once for the tests of this folder."""

import pytest

from analysis import analyze, config
from analysis.comparing import compare

WIRE = config.SEEDS_DIR / "sample_coverage_wire.txt"
LOCAL = config.SEEDS_DIR / "sample_coverage_local.txt"


@pytest.fixture(scope="session")
def samples(nlp):
    return analyze(WIRE, nlp=nlp), analyze(LOCAL, nlp=nlp)


@pytest.fixture(scope="session")
def comparison(samples):
    return compare(list(samples))
