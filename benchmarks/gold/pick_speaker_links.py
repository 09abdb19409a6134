"""Sample sentences where a pronoun speaks ("he said", "she added", "they told") for the
speaker-linking gold (``speaker_links.csv``).

Reads only the article texts, never the tool's output: a sentence is picked when a regular
expression finds "he", "she" or "they" right before or right after a verb of speaking.
One sentence per article, at most; articles come from

- PolNeAR dev (never used to train or tune the project), 50 sentences;
- BBC articles no behaviour-preservation run reads (``table_snapshot.py`` takes every k-th
  article for k = 4, 5, 6, 11 ...; these are at odd positions that are no multiple of 3, 5,
  7 or 11), 40 sentences.

Prints CSV (``corpus, file, sentence, pronoun_index, pronoun``) with an empty ``speaker``
column to be written by a reader who sees the article, not the tool.

    python3 benchmarks/gold/pick_speaker_links.py [SHARED_DATA_DIR] > speaker_links.csv
"""

from __future__ import annotations

import csv
import random
import re
import sys
from pathlib import Path

DATA = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "shared" / "data")
SEED = 30
SPEAKING = (
    "said|says|added|adds|told|tells|explained|explains|argued|argues|insisted|insists|noted|notes|"
    "continued|wrote|writes|warned|warns|replied|asked|stated|declared|claimed|claims|recalled|"
    "acknowledged|admitted|suggested|suggests|maintained|stressed|predicted"
)
PRONOUN_FIRST = re.compile(rf"\b(he|she|they|He|She|They)\s+(?:also\s+|later\s+|then\s+|previously\s+)?(?:{SPEAKING})\b")
# "..., said he." speaks; "Stein said she plans" does not (she is the reported clause's subject).
VERB_FIRST = re.compile(rf"\b(?:{SPEAKING})\s+(he|she|they)\s*[.,;:]")
# A sentence ends after . ? ! (and closing quotes) before whitespace and a capital or quote.
BOUNDARY = re.compile(r"(?<=[.?!])[\"”’)]*\s+(?=[\"“‘A-Z])")


def sentences(text: str):
    for paragraph in text.split("\n"):
        start = 0
        for match in BOUNDARY.finditer(paragraph):
            yield paragraph[start : match.start() + len(match.group(0).rstrip())].strip()
            start = match.end()
        if paragraph[start:].strip():
            yield paragraph[start:].strip()


def _inside_quotation(sentence: str, offset: int) -> bool:
    before = sentence[:offset]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def candidates(path: Path) -> list[tuple[str, int, str]]:
    """(sentence, pronoun_index, pronoun) for each pronoun-speaker sentence after the first."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    found = []
    for number, sentence in enumerate(sentences(text)):
        if number < 2:  # the headline and first sentence have nobody before them
            continue
        for pattern in (PRONOUN_FIRST, VERB_FIRST):
            match = pattern.search(sentence)
            if match and not _inside_quotation(sentence, match.start(1)):
                pronoun = match.group(1)
                index = len(re.findall(rf"\b{pronoun}\b", sentence[: match.start(1)]))
                found.append((sentence, index, pronoun))
                break
    return found


def pick(files: list[Path], count: int, rng: random.Random) -> list[tuple[Path, tuple[str, int, str]]]:
    picked = []
    for path in rng.sample(files, len(files)):
        options = candidates(path)
        if options:
            picked.append((path, rng.choice(options)))
        if len(picked) == count:
            break
    return picked


def main() -> None:
    rng = random.Random(SEED)
    polnear = sorted((DATA / "polnear" / "dev" / "text").glob("*.txt"))
    bbc_all = sorted((DATA / "bbc").glob("*/*.txt"))
    bbc = [p for i, p in enumerate(bbc_all) if i % 2 and all(i % k for k in (3, 5, 7, 11))]
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["corpus", "file", "sentence", "pronoun_index", "pronoun", "speaker", "note"])
    for corpus, files, count, root in (("polnear_dev", polnear, 50, DATA / "polnear" / "dev" / "text"),
                                       ("bbc", bbc, 40, DATA / "bbc")):  # fmt: skip
        for path, (sentence, index, pronoun) in sorted(pick(files, count, rng)):
            writer.writerow([corpus, path.relative_to(root).as_posix(), sentence, index, pronoun, "", ""])


if __name__ == "__main__":
    main()
