"""Who wrote it, who published it and when: the report's identity box against a blind gold.

The gold (``benchmarks/gold/identity.csv``) holds 24 saved English news pages of the
public article-extraction benchmark and 6 BBC articles, labelled by a reader who saw the
pages, never the tool: the byline (the people credited, or ``none``), the outlet and the
publication date (``YYYY-MM-DD`` or ``none``). Each page is analysed as a user gives it,
and the identity box's answers are read as the report shows them
(``presenting.narrate.identity_fields``). A field is right when:

- **byline**: both say nobody, or they share a name word (a surname) other than a title;
- **outlet**: both say none, or one holds the other once lower-cased, "the", ".com" and
  spaces taken out ("The Hill" / "thehill.com");
- **date**: both say none, or the same day.

    .venv/bin/python benchmarks/identity.py [SHARED_DATA_DIR] [--show]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
import warnings

from analysis import config
from lib.benchmarking import data_path, record_results

GOLD = config.PROJECT_DIR / "benchmarks" / "gold" / "identity.csv"
NOT_NAMES = frozenset({"By", "And", "The", "Staff", "Writer", "Reporter", "Editor", "Correspondent", "Mr", "Mrs", "Ms", "Dr"})


def _name_words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Z][\w'’-]+", text or "") if w not in NOT_NAMES}


def _site_key(text: str) -> str:
    text = re.sub(r"^the\s+", "", (text or "").strip().lower())
    text = re.sub(r"(\.com|\.co\.uk|\.ca|\.org)$", "", text)
    return re.sub(r"[\s.'’-]+", "", text)


def byline_right(gold: str, tool: str | None) -> bool:
    if gold == "none":
        return not tool
    return bool(tool) and bool(_name_words(gold) & _name_words(tool))


def outlet_right(gold: str, tool: str | None) -> bool:
    if gold == "none":
        return not tool
    a, b = _site_key(gold), _site_key(tool or "")
    return bool(a and b) and (a in b or b in a)


def date_right(gold: str, tool: str | None) -> bool:
    if gold == "none":
        return not tool
    return bool(tool) and str(tool)[:10] == gold


def main(argv=None) -> None:
    from analysis import analyze, load_nlp
    from analysis.presenting.narrate import identity_fields

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", help="the shared data folder (holding extraction/ and bbc/)")
    parser.add_argument("--show", action="store_true", help="print every field the tool gets wrong")
    args = parser.parse_args(argv)
    data = data_path(args.data, "")
    if not (data / "extraction" / "html").is_dir() or not (data / "bbc").is_dir():
        print(f"skipped: {data} holds no extraction/html and bbc folders (pass the shared data folder)")
        return
    gold = list(csv.DictReader(GOLD.open(encoding="utf-8")))
    nlp = load_nlp()
    right = {"byline": 0, "outlet": 0, "date": 0}
    wrong = []
    for row in gold:
        if row["corpus"] == "bbc":
            source = (data / "bbc" / row["page"]).read_bytes()
        else:
            path = next((data / "extraction" / "html").glob(f"{row['page']}*.html.gz"))
            source = gzip.decompress(path.read_bytes())
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fields = identity_fields(analyze(source, nlp=nlp))
        for field, judge in (("byline", byline_right), ("outlet", outlet_right), ("date", date_right)):
            if judge(row[field], fields[field]):
                right[field] += 1
            else:
                wrong.append((row, field, fields[field]))
    n = len(gold)
    figures = {"pages": n, **right, **{f"{k}_share": round(v / n, 3) for k, v in right.items()}}
    print(f"identity on {n} pages (24 saved pages, 6 BBC texts; labelled blind): "
          + "; ".join(f"{k} right {v} of {n} ({v / n:.0%})" for k, v in right.items()) + "; goal 95% each")
    if args.show:
        for row, field, tool in wrong:
            print(f"  - [{row['corpus']} {row['page']}] {field}: gold {row[field]!r}, tool {tool!r}")
    record_results("identity", figures, command="python benchmarks/identity.py")


if __name__ == "__main__":
    main()
