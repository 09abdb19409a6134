"""Report rendering time for the seed, in a fresh process, against the floor.

The floor is what any notebook report pays: a fresh Python process that starts the same
``python3`` kernel through nbclient and executes an empty notebook. The report is
``python -m analysis report`` on the seed, also in a fresh process (analyse, run the
four notebooks in one kernel, render HTML, write CSVs). Each is timed over several runs;
the medians and their ratio are printed. Goal: at most 2.5x the floor.

    .venv/bin/python benchmarks/report_render.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time

from analysis import config
from lib.benchmarking import record_results

FLOOR = """
import nbformat
from nbclient import NotebookClient
nb = nbformat.v4.new_notebook()
nb.cells = [nbformat.v4.new_code_cell("")]
NotebookClient(nb, kernel_name="python3").execute()
"""


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each (default 3)")
    args = parser.parse_args(argv)
    floors, reports = [], []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(args.runs):
            floors.append(timed([sys.executable, "-c", FLOOR]))
            reports.append(timed([sys.executable, "-m", "analysis", "report", str(config.SEED_ARTICLE), "--out", out]))
    floor, report = statistics.median(floors), statistics.median(reports)
    ratio = report / floor
    print(f"floor (fresh process, empty notebook, python3 kernel): median {floor:.1f} s over {args.runs} runs")
    print(f"report on the seed (fresh process, 4 notebooks, HTML, CSV): median {report:.1f} s over {args.runs} runs")
    print(f"ratio {ratio:.2f}x (goal at most 2.5x)")
    record_results(
        "report_render",
        {"floor_seconds": round(floor, 2), "report_seconds": round(report, 2), "ratio": round(ratio, 2), "runs": args.runs},
        command="python benchmarks/report_render.py",
    )


if __name__ == "__main__":
    main()
