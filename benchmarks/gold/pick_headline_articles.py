"""Sample articles for the blind headline-against-body gold (``headline_gold.csv``).

Reads only the article texts, never the tool's output. Articles come from

- BBC, 160 articles drawn with a fixed seed from the sections where headlines carry claims
  (business 52, politics 40, tech 36, entertainment 24, sport 8), leaving out the articles
  of the earlier headline gold files (``headline_findings*.csv``), of ``speaker_links.csv``
  and of the behaviour-preservation runs (``table_snapshot.py`` reads every 6th file);
- the saved pages of ``../shared/data/extraction`` whose true body is English, 20 pages,
  with the page's own headline (its ``og:title``, else its first ``<h1>``, else its
  ``<title>``) for the reader to trim.

Round 2 (``--round 2``) draws 120 more BBC articles and every other English saved page,
leaving out round 1's, from the articles where a headline finding is likelier: the
headline has no quotation marks and no verb or hedge that holds its claim at a distance
("says", "may", "set to"), and the first three body paragraphs attribute or hedge
("according to", "reportedly", "could", "is expected to", "claims"). The filter is a
regular expression over the text; the tool never runs on the sample.

Round 3 (``--round 3``) draws articles of PolNeAR's train split (its dev split is kept
apart for the attribution figures): up to 29 from each of its seven outlets, fewer where
fewer pass round 2's filter (148 in all): US campaign news from partisan and mainstream outlets, where
headlines that state what the body attributes are likelier than in the BBC set.

Round 4 (``--round 4``) draws more of PolNeAR's train split, leaving out round 3's
articles (drawn again from the same seed), through the headline half of round 2's filter
only (round 3 took nearly every article that passes the whole filter): up to 60 from The
Western Journal, whose headlines most often carried a finding in round 3, and up to 30
from each of Politico, HuffPost, USA Today and Breitbart.

Round 5 (``--round 5``) draws 150 more BBC articles through round 2's whole filter (the
same sections, in proportion to round 2's counts), leaving out every article already in
``headline_gold.csv`` and those round 1 leaves out.

Every other article in the order drawn is for tuning, the rest is held out (``split``).
Writes one text file per article (``HEADLINE:`` line, blank line, ``BODY:`` and the text)
into OUT_DIR/batch_<n>/ for the readers, and prints the list as CSV.

    python3 benchmarks/gold/pick_headline_articles.py OUT_DIR [SHARED_DATA_DIR] [--round 2|3] > list.csv
"""

from __future__ import annotations

import csv
import gzip
import html
import json
import random
import re
import sys
from pathlib import Path

ROUND = int(sys.argv[sys.argv.index("--round") + 1]) if "--round" in sys.argv else 1
ARGS = [a for i, a in enumerate(sys.argv[1:], 1) if a != "--round" and sys.argv[i - 1] != "--round"]
OUT = Path(ARGS[0])
DATA = Path(ARGS[1] if len(ARGS) > 1 else Path(__file__).resolve().parents[3] / "shared" / "data")
GOLD = Path(__file__).resolve().parent
SEED = 32
PER_SECTION = {"business": 52, "politics": 40, "tech": 36, "entertainment": 24, "sport": 8}
PAGES = 20
BATCHES = 5
ENGLISH = re.compile(r"\b(the|and|of|to|in|is|that|was)\b", re.I)
ROUND_3_PER_OUTLET = 29
ROUND_4_PER_OUTLET = {"west-journal": 60, "politico": 30, "huff-post": 30, "usa-today": 30, "breitbart": 30}
ROUND_2_PER_SECTION = {"business": 40, "politics": 35, "tech": 25, "entertainment": 15, "sport": 5}
HEADLINE_HOLDS_BACK = re.compile(r"['\"\u2018\u2019\u201c\u201d?]|\b(says?|claims?|warns?|predicts?|urges?|may|might|could|set to|likely|fears?|hopes?|denies|deny|rejects?|vows?|pledges?|promises?)\b", re.I)
BODY_ATTRIBUTES = re.compile(r"\b(according to|reportedly|could|may|might|is expected|are expected|is likely|are likely|claims?|claimed|alleged|allegedly|suggests?|thought to|believed to|predicted|forecasts?|estimates?)\b", re.I)


def used_bbc() -> set[str]:
    used = set()
    for path in GOLD.glob("headline_findings*.csv"):
        used |= {row["article"].split("/", 1)[1] for row in csv.DictReader(path.open(encoding="utf-8"))}
    for row in csv.DictReader((GOLD / "speaker_links.csv").open(encoding="utf-8")):
        if row["corpus"] == "bbc":
            used.add(row["file"].removesuffix(".txt"))
    files = sorted((DATA / "bbc").glob("*/*.txt"))
    used |= {f"{p.parent.name}/{p.stem}" for p in files[::6]}
    return used


def page_headline(raw: str) -> str:
    for pattern in (r'<meta[^>]+property=["\']og:title["\'][^>]+content=["\']([^"\']+)', r"<h1[^>]*>(.*?)</h1>", r"<title[^>]*>(.*?)</title>"):
        match = re.search(pattern, raw, re.I | re.S)
        if match:
            text = html.unescape(re.sub(r"<[^>]+>", " ", match.group(1)))
            return " ".join(text.split())
    return ""


def likelier(lines: list[str]) -> bool:
    """Round 2's filter: a headline that states its claim plainly over a body opening that
    attributes or hedges."""
    paragraphs = [line for line in lines[1:] if line.strip()][:3]
    return not HEADLINE_HOLDS_BACK.search(lines[0]) and bool(BODY_ATTRIBUTES.search(" ".join(paragraphs)))


def round_3(rng: random.Random) -> list[tuple[str, str, str]]:
    """PolNeAR train articles, the same number from each outlet, through round 2's filter."""
    files = sorted((DATA / "polnear" / "train" / "text").glob("*.txt"))
    chosen = []
    for outlet in sorted({p.name.split("_", 1)[0] for p in files}):
        mine = [p for p in files if p.name.split("_", 1)[0] == outlet]
        mine = [p for p in mine if likelier(p.read_text(encoding="utf-8").split("\n"))]
        for path in rng.sample(mine, min(ROUND_3_PER_OUTLET, len(mine))):
            lines = path.read_text(encoding="utf-8").split("\n")
            chosen.append((f"polnear/{path.stem}", lines[0].strip(), "\n".join(lines[1:]).strip()))
    rng.shuffle(chosen)
    return chosen


def round_4(already: set[str]) -> list[tuple[str, str, str]]:
    """More PolNeAR train articles whose headline does not hold its claim back, none of
    ``already`` (round 3's)."""
    rng = random.Random(SEED + 4)
    files = sorted((DATA / "polnear" / "train" / "text").glob("*.txt"))
    chosen = []
    for outlet, count in ROUND_4_PER_OUTLET.items():
        mine = [p for p in files if p.name.split("_", 1)[0] == outlet and f"polnear/{p.stem}" not in already]
        mine = [p for p in mine if not HEADLINE_HOLDS_BACK.search(p.read_text(encoding="utf-8").split("\n")[0])]
        for path in rng.sample(mine, min(count, len(mine))):
            lines = path.read_text(encoding="utf-8").split("\n")
            chosen.append((f"polnear/{path.stem}", lines[0].strip(), "\n".join(lines[1:]).strip()))
    rng.shuffle(chosen)
    return chosen


ROUND_5_PER_SECTION = {"business": 50, "politics": 45, "tech": 30, "entertainment": 19, "sport": 6}


def round_5(used: set[str]) -> list[tuple[str, str, str]]:
    """More BBC articles through round 2's filter, none already labelled."""
    with (GOLD / "headline_gold.csv").open(encoding="utf-8", newline="") as handle:
        labelled = {row["article"] for row in csv.DictReader(handle)}
    rng = random.Random(SEED + 5)
    chosen = []
    for section, count in ROUND_5_PER_SECTION.items():
        files = [p for p in sorted((DATA / "bbc" / section).glob("*.txt"))
                 if f"{section}/{p.stem}" not in used and f"bbc/{section}/{p.stem}" not in labelled]  # fmt: skip
        files = [p for p in files if likelier(p.read_bytes().decode("utf-8", errors="replace").split("\n"))]
        for path in rng.sample(files, min(count, len(files))):
            lines = path.read_bytes().decode("utf-8", errors="replace").split("\n")
            chosen.append((f"bbc/{section}/{path.stem}", lines[0].strip(), "\n".join(lines[1:]).strip()))
    rng.shuffle(chosen)
    return chosen


def main() -> None:
    rng = random.Random(SEED)
    used = used_bbc()
    chosen: list[tuple[str, str, str]] = []  # (article, headline, body)
    round_1: list[str] = []
    for section, count in PER_SECTION.items():
        files = [p for p in sorted((DATA / "bbc" / section).glob("*.txt")) if f"{section}/{p.stem}" not in used]
        for path in rng.sample(files, count):
            lines = path.read_bytes().decode("utf-8", errors="replace").split("\n")
            chosen.append((f"bbc/{section}/{path.stem}", lines[0].strip(), "\n".join(lines[1:]).strip()))
    truth = json.loads((DATA / "extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    english = [k for k in sorted(truth) if len(ENGLISH.findall(truth[k]["articleBody"])) > 0.08 * len(truth[k]["articleBody"].split())]
    pages = rng.sample(english, PAGES)
    if ROUND == 2:
        round_1 = [article for article, _, _ in chosen]
        chosen = []
        for section, count in ROUND_2_PER_SECTION.items():
            files = [p for p in sorted((DATA / "bbc" / section).glob("*.txt"))
                     if f"{section}/{p.stem}" not in used and f"bbc/{section}/{p.stem}" not in round_1]  # fmt: skip
            files = [p for p in files if likelier(p.read_bytes().decode("utf-8", errors="replace").split("\n"))]
            for path in rng.sample(files, count):
                lines = path.read_bytes().decode("utf-8", errors="replace").split("\n")
                chosen.append((f"bbc/{section}/{path.stem}", lines[0].strip(), "\n".join(lines[1:]).strip()))
        pages = [k for k in english if k not in pages]
    if ROUND == 3:
        chosen, pages = round_3(rng), []
    if ROUND == 5:
        chosen, pages = round_5(used), []
    if ROUND == 4:
        chosen, pages = round_4({article for article, _, _ in round_3(rng)}), []
    for key in pages:
        raw = gzip.open(DATA / "extraction" / "html" / f"{key}.html.gz", "rt", encoding="utf-8", errors="replace").read()
        chosen.append((f"extraction/{key[:12]}", page_headline(raw), truth[key]["articleBody"].strip()))
    rng.shuffle(chosen)
    writer = csv.writer(sys.stdout)
    writer.writerow(["article", "split", "batch", "headline"])
    for number, (article, headline, body) in enumerate(chosen):
        batch = number % BATCHES + 1
        folder = OUT / f"batch_{batch}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / (article.replace("/", "__") + ".txt")).write_text(f"HEADLINE: {headline}\n\nBODY:\n{body}\n", encoding="utf-8")
        writer.writerow([article, "tuning" if number % 2 == 0 else "held_out", batch, headline])


if __name__ == "__main__":
    main()
