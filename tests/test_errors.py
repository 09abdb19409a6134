"""Errors carry one line for the user; input errors say the stage where reading stopped."""

import pytest

from analysis.errors import AnalysisError, InputError, ModelNotFoundError


def test_input_errors_are_analysis_errors_and_value_errors():
    error = InputError("empty.txt: no article text", stage="check")
    assert isinstance(error, AnalysisError) and isinstance(error, ValueError)
    assert error.stage == "check"
    assert str(error) == "empty.txt: no article text"


def test_the_default_stage_is_reading():
    assert InputError("missing.txt: no such file").stage == "read"


def test_a_missing_model_is_an_analysis_error():
    with pytest.raises(AnalysisError):
        raise ModelNotFoundError("no English spaCy model")


def test_the_command_line_prints_one_line_for_an_analysis_error(tmp_path, capsys):
    from analysis.cli import main

    assert main(["tables", str(tmp_path / "missing.txt")]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
