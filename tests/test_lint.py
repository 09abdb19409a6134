"""The code passes the linter configured in pyproject.toml ([tool.ruff]), and no function of the
package runs over 80 lines."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _ruff() -> list[str] | None:
    beside = Path(sys.executable).with_name("ruff")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("ruff")
    return [found] if found else None


def test_the_code_passes_the_linter():
    ruff = _ruff()
    if ruff is None:
        pytest.skip("ruff is not installed (it comes with the dev extra: pip install -r requirements.txt)")
    done = subprocess.run([*ruff, "check", "--output-format", "concise", "analysis", "tests", "benchmarks", "training"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-1000:]


#: The longest a function of the package may be, docstring included: a longer one is a
#: ladder of decisions that wants naming in smaller functions.
MAX_FUNCTION_LINES = 80


def test_no_function_in_the_package_runs_over_80_lines():
    import ast

    long = []
    for path in sorted((ROOT / "analysis").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES:
                long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)")
    assert not long, long
