"""Peak memory on the longest article the package accepts, against a goal of 1 GB.

The article is built from BBC news articles (their bodies one after another, under the
first one's headline) up to ``config.MAX_TEXT_CHARS`` characters, the most one article may
hold. ``python -m analysis tables`` and ``python -m analysis report`` run on it in fresh
processes while the script samples, five times a second, the resident memory of every
process of the command (the report's notebook kernel included) and keeps the largest
single one. It also times the two commands once (wall clock), for scale.

    .venv/bin/python benchmarks/long_article.py [BBC_FOLDER]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from analysis import config
from lib.benchmarking import data_path, record_results

GOAL_MB = 1024


def longest_article(bbc: Path, limit: int) -> str:
    """BBC bodies, in file order, under the first headline, as long as ``limit`` allows."""
    files = sorted(bbc.glob("*/*.txt"))
    head = files[0].read_text(encoding="utf-8", errors="replace").split("\n", 1)[0]
    text = head + "\n\n"
    for path in files:
        body = path.read_text(encoding="utf-8", errors="replace").split("\n", 1)[1].strip() + "\n\n"
        if len(text) + len(body) > limit:
            break
        text += body
    return text


def peak_memory(command: list[str]) -> tuple[float, float]:
    """Run ``command``; its largest single process's peak resident memory (MB) and its seconds."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    root, peak = psutil.Process(process.pid), 0
    while process.poll() is None:
        try:
            family = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for member in family:
            try:
                peak = max(peak, member.memory_info().rss)
            except psutil.NoSuchProcess:
                continue
        time.sleep(0.2)
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed with exit status {process.returncode}")
    return peak / 2**20, time.perf_counter() - started


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bbc", nargs="?", help="the BBC folder (default: ../shared/data/bbc)")
    args = parser.parse_args(argv)
    bbc = data_path(args.bbc, "bbc")
    text = longest_article(bbc, config.MAX_TEXT_CHARS)
    figures = {"characters": len(text), "words": len(text.split()), "goal_mb": GOAL_MB}
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "longest.txt"
        article.write_text(text, encoding="utf-8")
        for name, extra in (("tables", ["tables", str(article), "--format", "csv", "--out", f"{folder}/tables"]),
                            ("report", ["report", str(article), "--out", f"{folder}/report"])):  # fmt: skip
            peak, seconds = peak_memory([sys.executable, "-m", "analysis", *extra])
            figures[name] = {"peak_mb": round(peak), "seconds": round(seconds, 1)}
            print(f"{name} on {len(text):,} characters ({figures['words']:,} words): largest process "
                  f"{peak:,.0f} MB (goal under {GOAL_MB:,} MB), {seconds:.1f} s")  # fmt: skip
    record_results("long_article", figures, command="python benchmarks/long_article.py")


if __name__ == "__main__":
    main()
