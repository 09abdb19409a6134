"""The HTML report: the numbered notebooks, executed for one article, as one offline page.

What it builds: for each article, a folder holding ``report.html`` (the four notebooks
run top to bottom in one kernel, code hidden, charts embedded as images, no script or
style loaded from the web) and the tables as CSV beside it.

The notebooks are joined into one before they run, so the kernel starts once and the
article is parsed once (the notebooks call :func:`analysis.analyze_once`, and the
set-up cell writes the tables as CSV from that same analysis); the parameters
(``article_path``, ``model``, ``hedge_domain``, ``tables_dir``) are injected after the
first notebook's ``parameters`` cell, as papermill does. Later
notebooks' parameter and set-up cells are dropped: the first notebook's already ran.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from analysis import config
from analysis.errors import AnalysisError, InputError
from analysis.presenting.export import output_folder, print_progress, publish, staged_output
from analysis.reading.ingest import read_article
from analysis.text.structure import first_paragraph

if TYPE_CHECKING:
    import nbformat
    from jupyter_client.manager import KernelManager

__all__ = [
    "notebook_paths", "combined_notebook", "start_kernel", "execute", "render_html", "build_report", "with_parameters",
]  # fmt: skip

TEMPLATE_DIR = config.PACKAGE_DIR / "templates"
_ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
#: Exceptions in the kernel that are a failed write, passed on as an OSError of this process.
_OS_ERRORS = frozenset({"OSError", "PermissionError", "IOError"})
TEMPLATE_NAME = "offline"
KERNEL = "python3"


def notebook_paths() -> list[Path]:
    """The numbered notebooks of the one-article report, in order: those whose notebook
    metadata does not say ``"analysis": {"report": false}`` (the comparison of several
    articles, ``05_compare_coverage``, has its own page)."""
    import json

    paths = sorted(config.NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))
    return [p for p in paths if json.loads(p.read_text(encoding="utf-8")).get("metadata", {}).get("analysis", {}).get("report", True)]


def _is_setup(cell) -> bool:
    tags = cell.get("metadata", {}).get("tags", [])
    return cell.cell_type == "code" and bool({"parameters", "setup"} & set(tags))


def combined_notebook(
    article_path: Path,
    paths: list[Path] | None = None,
    *,
    tables_dir: Path | None = None,
    model: str | None = None,
    hedge_domain: str | None = None,
) -> nbformat.NotebookNode:
    """The notebooks joined into one, with their parameters injected after the first
    notebook's ``parameters`` cell, as papermill does: ``article_path``, ``model``,
    ``hedge_domain`` and ``tables_dir`` (where the set-up cell writes the tables the
    notebooks show as CSV, so the CSVs and the report come from one analysis, and the
    article is parsed once).
    """
    import nbformat

    paths = notebook_paths() if paths is None else paths
    if not paths:
        raise AnalysisError(f"no notebooks found in {config.NOTEBOOKS_DIR}")
    parameters = {"article_path": str(article_path), "model": model or "", "hedge_domain": hedge_domain or "",
                  "tables_dir": str(tables_dir) if tables_dir is not None else ""}  # fmt: skip
    combined = with_parameters(nbformat.read(paths[0], as_version=4), **parameters)
    cells = list(combined.cells)
    for path in paths[1:]:
        cells.extend(cell for cell in nbformat.read(path, as_version=4).cells if not _is_setup(cell))
    for number, cell in enumerate(cells):
        cell["id"] = f"cell-{number}"  # ids are unique per notebook, not across the four
    combined.cells = cells
    return combined


#: What a report's kernel imports while it starts (IPython's ``exec_lines``): the package,
#: its charts and spaCy's model, so they are loaded when the first cell asks for them.
WARM_UP = "import analysis.core, analysis.presenting.charts, analysis.presenting.narrate, analysis.presenting.annotate"


def start_kernel(*, cwd: Path | None = None, model: str | None = None) -> KernelManager:
    """Start a ``python3`` kernel in the notebooks folder, without waiting for it.

    The report starts it before it imports nbformat and joins the notebooks, so the
    kernel boots, and runs :data:`WARM_UP`, meanwhile. (Work is given at start-up rather
    than sent as a request: a request sent before the kernel answers ``kernel_info``
    can stall it.) The kernel's own log (a warning that local TCP is unencrypted) is not
    for the reader: its stderr is discarded; cell errors arrive as messages.
    """
    from jupyter_client.manager import KernelManager

    manager = KernelManager(kernel_name=KERNEL)
    warm_up = f"{WARM_UP}; analysis.core.load_nlp({model!r})"  # the model the notebooks will ask for
    manager.start_kernel(
        cwd=str(cwd or config.NOTEBOOKS_DIR), stderr=subprocess.DEVNULL, extra_arguments=[f"--IPKernelApp.exec_lines={warm_up}"]
    )
    return manager


def stop_kernel(manager: KernelManager) -> None:
    """Stop a kernel from :func:`start_kernel` (no-op when it has stopped)."""
    if manager.has_kernel:
        manager.shutdown_kernel(now=True)


def execute(
    notebook: nbformat.NotebookNode, *, timeout: int = 600, kernel: KernelManager | None = None
) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in a ``python3`` kernel, in the notebooks folder.

    Args:
        notebook: The notebook (executed in place).
        timeout: Seconds any one cell may run.
        kernel: A kernel from :func:`start_kernel` (default: a fresh one, stopped after).

    Raises:
        AnalysisError: A cell failed; the message names the cell and the error.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    manager = kernel or start_kernel()
    client = NotebookClient(notebook, km=manager, timeout=timeout, kernel_name=KERNEL)
    try:
        client.execute()
    except CellExecutionError as error:
        failed_write = re.search(r"\[Errno (\d+)\] ([^:']+)", error.evalue or "") if error.ename in _OS_ERRORS else None
        if failed_write:  # a full or read-only disk while the kernel wrote the tables: said as any failed write
            raise OSError(int(failed_write.group(1)), failed_write.group(2).strip()) from None
        text = _ANSI_ESCAPE.sub("", str(error)).strip()  # the kernel colours its tracebacks
        last = text.splitlines()[-1] if text else type(error).__name__
        raise AnalysisError(f"a notebook cell failed: {last}") from None
    finally:
        # nbclient leaves the channels of a client it made for a kernel it was given running
        # (their threads and sockets live on until garbage collection, which then warns).
        if client.kc is not None:
            client.kc.stop_channels()
            client.kc = None
        if kernel is None:
            stop_kernel(manager)
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


def build_report(
    article: str | Path,
    out_dir: str | Path,
    *,
    model: str | None = None,
    hedge_domain: str | None = None,
    progress: Callable[[str], None] = print_progress,
    timeout: int = 600,
) -> Path:
    """Write ``report.html`` for one article, and the tables' CSVs, into ``out_dir``.

    The analysis runs once, in the notebooks' kernel, which also writes the CSVs; the
    page is rendered here.

    Args:
        article: Path to a .txt, .html or .htm article.
        out_dir: The folder to write into (created if needed).
        model: The spaCy model to parse with (default: the installed one).
        hedge_domain: Extra hedge words, ``bio`` or ``wiki`` (see :func:`analysis.analyze`).
        progress: Called with one line per step.
        timeout: Seconds any one notebook cell may run.

    Returns:
        The path of ``report.html``.

    Raises:
        InputError: The article cannot be read.
        AnalysisError: A notebook failed to run.
    """
    path = Path(article).absolute()
    if str(article) == "-" or not path.is_file():
        raise InputError(f"{article}: the report needs an article file (.txt, .html or .htm)")
    # Resolved here, against the caller's working directory: the notebooks' kernel runs
    # in another one, and writes the tables into the staging folder by this path.
    out = output_folder(out_dir)
    # Everything is made in a staging folder inside OUT and moved in at the end, so a
    # failed step leaves nothing behind.
    with staged_output(out, prefix=".report-") as staging:
        progress(f"[1/3] analysing {path} and running {len(notebook_paths())} notebooks in one kernel")
        # The kernel boots while the notebooks are read and joined.
        kernel = start_kernel(model=model)
        try:
            combined = combined_notebook(path, tables_dir=staging, model=model, hedge_domain=hedge_domain)
            # The page's title is the headline, the first paragraph: reading the article
            # finds it without a parse.
            headline = first_paragraph(read_article(path).text)
            notebook = execute(combined, timeout=timeout, kernel=kernel)
        finally:
            stop_kernel(kernel)
        progress("[2/3] rendering HTML (code hidden, images embedded, nothing loaded from the web)")
        (staging / "report.html").write_text(render_html(notebook, title=f"Source criticism: {headline or path.name}"), encoding="utf-8")
        progress(f"[3/3] writing report.html and the tables as CSV to {out}")
        publish(staging, out)
    return out / "report.html"


# --- Exercises: student and teacher copies ------------------------------------------

def with_parameters(notebook: nbformat.NotebookNode, **parameters: str) -> nbformat.NotebookNode:
    """The notebook with a cell setting ``parameters`` right after its ``parameters`` cell,
    as papermill injects it."""
    import nbformat

    cells = []
    for cell in notebook.cells:
        cells.append(cell)
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            assignments = "".join(f"{name} = {value!r}\n" for name, value in parameters.items())
            cells.append(nbformat.v4.new_code_cell("# Parameters\n" + assignments, metadata={"tags": ["injected-parameters"]}))
    notebook.cells = cells
    return notebook
