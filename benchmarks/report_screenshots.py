"""Screenshots of the report in headless Chromium, for the README and the docs: the seed
and a BBC article, at desktop width (1280 px) and phone width (390 px), the top of each
page (what a reader sees first) cropped to a fixed height.

    .venv/bin/python benchmarks/report_screenshots.py [--bbc ../shared/data/bbc/politics/001.txt]

Writes ``docs/img/report-<article>-<width>.png``, ``docs/img/report.png`` (the seed at
desktop width, the README's picture), ``docs/img/compare.png`` (the comparison page
of the two made-up sample reports in ``seeds/``) and ``docs/img/kwic.png`` (the seed's
"Russia" in context, as ``analysis.kwic`` shows it in a notebook). Needs Debian's ``chromium``; without it, or
without the BBC file, it says so and skips that part.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from analysis import config  # noqa: E402
from analysis.presenting.report import build_report  # noqa: E402

IMAGES = HERE.parent / "docs" / "img"
#: (name, window width, window height, height kept)
VIEWS = [("desktop", 1280, 800, 1700), ("phone", 390, 844, 1700)]


def shoot(page: Path, out: Path, *, width: int, height: int, keep: int) -> None:
    from PIL import Image

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with tempfile.TemporaryDirectory() as tmp:
        full = Path(tmp) / "full.png"
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        "--proxy-server=127.0.0.1:9", f"--window-size={width},{keep}", f"--screenshot={full}", page.as_uri()],
                       capture_output=True, timeout=120, check=True)  # fmt: skip
        with Image.open(full) as image:
            image.crop((0, 0, width, min(keep, image.height))).save(out, optimize=True)
    print(f"wrote {out.relative_to(HERE.parent)} ({width} px wide)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bbc", type=Path, default=HERE.parent.parent / "shared" / "data" / "bbc" / "politics" / "001.txt")
    args = parser.parse_args(argv)
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        print("skipped: chromium is not installed (Debian: apt install chromium)")
        return 0
    articles = [("seed", Path(config.SEED_ARTICLE))]
    if args.bbc.exists():
        articles.append(("bbc", args.bbc))
    else:
        print(f"skipped the BBC article: {args.bbc} not found")
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, article in articles:
            page = build_report(article, Path(tmp) / name, timeout=300, progress=lambda line: None)
            for view, width, height, keep in VIEWS:
                shoot(page, IMAGES / f"report-{name}-{view}.png", width=width, height=height, keep=keep)
    shutil.copyfile(IMAGES / "report-seed-desktop.png", IMAGES / "report.png")
    print("wrote docs/img/report.png (the README's picture)")
    # The comparison page of the two made-up sample reports.
    from analysis.comparing import compare
    from analysis.comparing.page import write_comparison

    with tempfile.TemporaryDirectory() as tmp:
        samples = [Path(config.SEEDS_DIR) / "sample_coverage_wire.txt", Path(config.SEEDS_DIR) / "sample_coverage_local.txt"]
        write_comparison(compare(samples), Path(tmp))
        shoot(Path(tmp) / "compare.html", IMAGES / "compare.png", width=1100, height=800, keep=1500)
    # A concordance as a notebook shows it: the table's own HTML, in JupyterLab's font.
    from analysis import analyze, kwic

    lines = kwic(analyze(config.SEED_ARTICLE), "Russia")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "kwic.html"
        page.write_text("<!doctype html><meta charset='utf-8'><style>body {font: 13px system-ui, sans-serif; margin: 12px;}"
                        " td, th {padding: 3px 8px;} tr:nth-child(even) {background: #f5f5f5;}</style>"
                        f"<pre style='color:#333'>kwic(result, \"Russia\")</pre>{lines._repr_html_()}", encoding="utf-8")  # fmt: skip
        shoot(page, IMAGES / "kwic.png", width=1000, height=600, keep=440)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
