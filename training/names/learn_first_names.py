"""Learn which first names the news gives to men and which to women, from the titles it
puts before the same surname: "Donald Trump ... Mr. Trump", "Hillary Clinton ... Mrs.
Clinton", "Tessa Jowell ... Ms Jowell".

In each article, a surname that takes only men's titles (Mr, Sir, Lord) or only women's
(Mrs, Ms, Miss, Lady, Dame) lends that sex to every first name written right before it
("Donald Trump", "Donald J. Trump"). An article where the surname takes both (husband
and wife, "Mr. and Mrs. Clinton") lends nothing. A first name is kept when at least
``--min-people`` different people (surnames) lend it a sex, so that one person does
not decide it ("Joss Stone" alone does not make "Joss" a woman's name), or when the news
gives the name to one person in at least ``--one-person-articles`` articles ("Hillary",
"Donald"); and at least ``--min-share`` of the people agree. Days, months and a
people's or party's name ("Wednesday", "Tory") are no first names.
A word the articles write in lower case more often than capitalised inside a
sentence ("But", "Senator", "will") is no first name ("Mark" stays: 145 to 124). The counts, not the texts, go into the lexicon; its ``category`` is the sex.

    .venv/bin/python training/names/learn_first_names.py [DATA_DIR] [--out analysis/lexicons/first_names.csv]

DATA_DIR holds polnear/train/text and bbc (default ../shared/data).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
from analysis.lexicon import load_lexicon  # noqa: E402

#: Words of a title, never a first name ("Dr", "Baroness", "Senator"), nor a day, a month
#: or a people's or party's name.
TITLE_WORDS = frozenset(w.lower().rstrip(".") for title in load_lexicon("titles")["title"] for w in str(title).split())
NOT_NAMES = TITLE_WORDS | {d.lower() for d in load_lexicon("demonyms")["demonym"]} | {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "tory", "tories"}
MEN, WOMEN = ("Mr", "Sir", "Lord"), ("Mrs", "Ms", "Miss", "Lady", "Dame", "Baroness")
TITLED = re.compile(r"\b(" + "|".join(MEN + WOMEN) + r")\.? ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
# "Donald Trump", "Donald J. Trump", "Hillary Rodham Clinton": a first name, at most one
# middle name or initial, the surname.
FULL = re.compile(r"\b([A-Z][a-z]{1,14}) (?:[A-Z]\. |[A-Z][a-z]+ )?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


def article_votes(text: str) -> dict[tuple[str, str], str]:
    """(first name, surname) -> "male"/"female" as one article's titles say."""
    titles: dict[str, set[str]] = defaultdict(set)
    for title, surname in TITLED.findall(text):
        titles[surname].add("male" if title in MEN else "female")
    votes: dict[tuple[str, str], set[str]] = {}
    for first, surname in FULL.findall(text):
        if first in MEN + WOMEN or first.lower() in NOT_NAMES or len(titles.get(surname, ())) != 1:
            continue
        votes[(first, surname)] = titles[surname]
    return {person: next(iter(sexes)) for person, sexes in votes.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "analysis" / "lexicons" / "first_names.csv")
    parser.add_argument("--min-people", type=int, default=2)
    parser.add_argument("--one-person-articles", type=int, default=10)
    parser.add_argument("--min-share", type=float, default=0.9)
    args = parser.parse_args()
    files = sorted((args.data / "polnear" / "train" / "text").glob("*.txt")) + sorted((args.data / "bbc").glob("*/*.txt"))
    if not files:
        print(f"no articles under {args.data}: give the folder holding polnear/ and bbc/", file=sys.stderr)
        return 2
    people: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))  # first -> surname -> sex
    lower_case: Counter = Counter()
    capitalised: Counter = Counter()  # inside a sentence, after a lower-case word or a comma
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace")
        lower_case.update(re.findall(r"\b[a-z]+\b", text))
        capitalised.update(word.lower() for word in re.findall(r"(?<=[a-z,] )[A-Z][a-z]+\b", text))
        for (first, surname), sex in article_votes(text).items():
            people[first][surname][sex] += 1
    rows = []
    for first, surnames in sorted(people.items()):
        votes = Counter(sexes.most_common(1)[0][0] for sexes in surnames.values())  # one vote a person
        sex, agree = votes.most_common(1)[0]
        total = sum(votes.values())
        articles = sum(sum(sexes.values()) for sexes in surnames.values())
        if (total >= args.min_people or articles >= args.one_person_articles) and agree / total >= args.min_share and lower_case[first.lower()] < capitalised[first.lower()]:
            rows.append({"name": first, "category": sex, "people": total, "agreeing": agree, "articles": articles,
                         "provenance": f"titles before the surname of {agree} of {total} people so named in {articles} "
                                       "articles of PolNeAR train and BBC 2004-05; training/names/learn_first_names.py"})  # fmt: skip
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    by_sex = Counter(r["category"] for r in rows)
    print(f"{len(files)} articles; {len(rows)} first names kept ({by_sex['male']} male, {by_sex['female']} female) "
          f"of {len(people)} seen; written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
