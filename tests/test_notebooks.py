"""The numbered notebooks: committed clean, tagged as the contract says, and each runs top
to bottom in a fresh kernel on the seed."""

import json
import re
import subprocess
import sys

import nbformat
import pytest

from analysis import config
from analysis.presenting.report import combined_notebook, execute, notebook_paths

pytestmark = pytest.mark.slow

NOTEBOOKS = notebook_paths()
ALL_NOTEBOOKS = sorted(config.NOTEBOOKS_DIR.glob("*.ipynb"))


def test_there_are_four_numbered_notebooks():
    assert [p.name[:3] for p in NOTEBOOKS] == ["01_", "02_", "03_", "04_"]


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=[p.stem for p in ALL_NOTEBOOKS])
def test_notebook_is_committed_without_outputs(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in data["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code), path.name
    # The same check CI users know: nbstripout --verify exits 1 on anything to strip.
    verify = subprocess.run([sys.executable, "-m", "nbstripout", "--verify", str(path)], capture_output=True, text=True)
    assert verify.returncode == 0, verify.stdout + verify.stderr


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=[p.stem for p in ALL_NOTEBOOKS])
def test_notebook_opening_follows_the_convention(path):
    nb = nbformat.read(path, as_version=4)
    title, parameters, imports = nb.cells[:3]
    assert title.cell_type == "markdown" and title.source.startswith("# ") and "question" in title.source.lower()
    assert "parameters" in parameters.metadata.get("tags", [])
    # Every parameter typed, with a default and a comment.
    assert parameters.source.strip() and all(
        re.match(r"^\w+: \w+ = .+  # .+", line) for line in parameters.source.strip().splitlines()
    ), parameters.source
    assert "from analysis import" in imports.source
    assert nb.metadata["kernelspec"]["name"] == "python3"
    # Logic lives in the package: no function or class is defined in a notebook.
    assert not any(c.cell_type == "code" and ("def " in c.source or "class " in c.source) for c in nb.cells)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_top_to_bottom_on_the_seed(path):
    nb = execute(combined_notebook(config.SEED_ARTICLE, [path]), timeout=300)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    # Every chart cell produced an image (with its caption), not a "<Figure ...>" text.
    charts = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith("charts.")]
    for cell in charts:
        assert any("image/png" in o.get("data", {}) or "data:image/png;base64," in o.get("data", {}).get("text/html", "")
                   for o in cell.outputs), cell.source  # fmt: skip
        assert not any("text/html" in o.get("data", {}) and "<figcaption" not in o["data"]["text/html"] for o in cell.outputs), cell.source


def _run_outside_the_report(name: str) -> tuple[str, str]:
    """Run a notebook that is not part of the report top to bottom on its defaults;
    its HTML and Markdown outputs, after checking it raised nothing."""
    path = config.NOTEBOOKS_DIR / name
    assert path not in NOTEBOOKS
    nb = execute(nbformat.read(path, as_version=4), timeout=300)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    return (" ".join(o.get("data", {}).get("text/html", "") for o in outputs),
            " ".join(o.get("data", {}).get("text/markdown", "") for o in outputs))  # fmt: skip


def test_the_comparison_notebook_runs_on_its_samples_and_is_not_in_the_report():
    html, _ = _run_outside_the_report("05_compare_coverage.ipynb")
    assert "Dana Whitlock" in html and "<figcaption" in html


def test_the_words_notebook_runs_on_the_seed_and_the_samples_and_is_not_in_the_report():
    html, markdown = _run_outside_the_report("06_words_in_context.ipynb")
    assert "<mark><b>Ukraine</b></mark>" in html and "<mark><b>said</b></mark>" in html  # the concordances
    assert "displacy" in html or "spans" in html  # the hedges drawn by displaCy
    assert "“Ukraine” occurs" in markdown and "Used more in the headline and standfirst" in markdown
    assert "3 articles analysed" in markdown
