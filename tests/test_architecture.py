"""The package's shape: imports run down the pipeline, every module sits in a stage, and
the tests mirror the modules."""

from pathlib import Path

from analysis import config
from benchmarks.lib.architecture import _modules, backward_imports, stage_imports, stage_of

TESTS = Path(__file__).resolve().parent


def test_imports_run_down_the_pipeline_only():
    assert backward_imports() == []
    unplaced = [module for module, _ in _modules() if stage_of(module) is None]
    assert unplaced == [], "every module belongs to a stage of benchmarks/lib/architecture.STAGES"


def test_an_import_back_up_the_pipeline_is_reported(tmp_path):
    package = tmp_path / "analysis"
    (package / "rules").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "rules" / "__init__.py").write_text("")
    (package / "rules" / "cues.py").write_text("from analysis.presenting import charts\n")
    (package / "config.py").write_text("import os\n")
    assert stage_imports(package) == {("rules", "presenting"): ["analysis.rules.cues"]}
    assert backward_imports(package) == ["analysis.rules.cues (rules) imports a later stage (presenting)"]


def test_every_module_has_a_test_file_where_the_package_has_it():
    """``analysis/rules/cues.py`` is tested in ``tests/rules/test_cues.py``; the entry
    point ``__main__`` is tested with the command line."""
    missing = []
    for module, path in _modules():
        if path.stem in {"__init__", "__main__"}:
            continue
        relative = path.relative_to(config.PACKAGE_DIR)
        expected = TESTS.joinpath(*relative.parent.parts, f"test_{path.stem}.py")
        if not expected.is_file():
            missing.append(str(expected.relative_to(TESTS.parent)))
    assert missing == []
