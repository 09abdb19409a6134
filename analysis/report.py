"""The HTML report: the numbered notebooks, executed for one article, as one offline page.

What it builds: for each article, a folder holding ``report.html`` (the four notebooks
run top to bottom in one kernel, code hidden, charts embedded as images, no script or
style loaded from the web) and the tables as CSV beside it.

The notebooks are joined into one before they run, so the kernel starts once and the
article is parsed once (the notebooks call :func:`analysis.analyze_once`); the
``article_path`` parameter is injected after the first notebook's ``parameters`` cell,
as papermill does. Later notebooks' parameter and set-up cells are dropped: the first
notebook's already ran.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import nbformat

from . import config
from .core import Analysis, analyze
from .errors import AnalysisError, InputError
from .export import atomic_write_text, write_csv

__all__ = ["notebook_paths", "combined_notebook", "execute", "render_html", "build_report"]

TEMPLATE_DIR = config.PACKAGE_DIR / "templates"
TEMPLATE_NAME = "offline"
KERNEL = "python3"


def notebook_paths() -> list[Path]:
    """The numbered notebooks, in order."""
    return sorted(config.NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))


def _is_setup(cell) -> bool:
    tags = cell.get("metadata", {}).get("tags", [])
    return cell.cell_type == "code" and ("parameters" in tags or "analyze_once(" in cell.source)


def combined_notebook(article_path: Path, paths: list[Path] | None = None) -> nbformat.NotebookNode:
    """The notebooks joined into one, with ``article_path`` injected after the parameters cell."""
    paths = notebook_paths() if paths is None else paths
    if not paths:
        raise AnalysisError(f"no notebooks found in {config.NOTEBOOKS_DIR}")
    combined = nbformat.read(paths[0], as_version=4)
    cells = []
    for cell in combined.cells:
        cells.append(cell)
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            injected = nbformat.v4.new_code_cell(
                f"# Parameters\narticle_path = {str(article_path)!r}\n",
                metadata={"tags": ["injected-parameters", "remove-input"]},
            )
            cells.append(injected)
    for path in paths[1:]:
        cells.extend(cell for cell in nbformat.read(path, as_version=4).cells if not _is_setup(cell))
    combined.cells = cells
    return combined


def execute(notebook: nbformat.NotebookNode, *, timeout: int = 600) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in a fresh ``python3`` kernel, in the notebooks folder.

    Raises:
        AnalysisError: A cell failed; the message names the cell and the error.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    client = NotebookClient(
        notebook, timeout=timeout, kernel_name=KERNEL, resources={"metadata": {"path": str(config.NOTEBOOKS_DIR)}}
    )
    try:
        # The kernel's own log (a warning that local TCP is unencrypted) is not for the
        # reader; cell errors arrive as messages and are reported below.
        client.execute(stderr=subprocess.DEVNULL)
    except CellExecutionError as error:
        last = str(error).strip().splitlines()[-1] if str(error).strip() else type(error).__name__
        raise AnalysisError(f"a notebook cell failed: {last}") from None
    return notebook


def render_html(notebook: nbformat.NotebookNode, *, title: str) -> str:
    """The executed notebook as one self-contained HTML page with the code hidden."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name=TEMPLATE_NAME,
        extra_template_basedirs=[str(TEMPLATE_DIR)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    notebook.metadata["title"] = title
    body, _ = exporter.from_notebook_node(notebook)
    return body


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build_report(
    article: str | Path,
    out_dir: str | Path,
    *,
    progress: Callable[[str], None] = _stderr,
    timeout: int = 600,
) -> Path:
    """Analyse one article and write ``report.html`` and the tables' CSVs into ``out_dir``.

    Args:
        article: Path to a .txt, .html or .htm article.
        out_dir: The folder to write into (created if needed).
        progress: Called with one line per step.
        timeout: Seconds any one notebook cell may run.

    Returns:
        The path of ``report.html``.

    Raises:
        InputError: The article cannot be read.
        AnalysisError: A notebook failed to run.
    """
    path = Path(article)
    if str(article) == "-" or not path.is_file():
        raise InputError(f"{article}: the report needs an article file (.txt, .html or .htm)")
    out = Path(out_dir)
    progress(f"[1/4] analysing {path}")
    result: Analysis = analyze(path)
    progress(f"[2/4] running {len(notebook_paths())} notebooks in one kernel")
    notebook = execute(combined_notebook(path.resolve()), timeout=timeout)
    progress("[3/4] rendering HTML (code hidden, images embedded, nothing loaded from the web)")
    page = render_html(notebook, title=f"Source criticism: {result.headline or path.name}")
    # Only now, with everything computed, is anything written.
    out.mkdir(parents=True, exist_ok=True)
    report = out / "report.html"
    atomic_write_text(report, page)
    progress(f"[4/4] writing the tables as CSV to {out}")
    write_csv(result, out)
    return report
