"""Readers for the research corpora the benchmarks measure against.

What it reads: CoNLL-2010 BioScope XML (sentences with speculation cue spans), the
CoNLL-2010 Wikipedia weasel CSV (sentences with a 0/1 uncertainty label), CoNLL-2003
(tokens with IOB2 entity tags) and PolNeAR BRAT standoff (Source, Cue, Content spans).
These corpora are research-only and never ship with the project; the readers take a
path and the benchmarks skip when it is absent.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["LabelledSentence", "read_bioscope", "read_weasel", "ptb_to_text"]


@dataclass
class LabelledSentence:
    """A sentence with a sentence-level uncertainty label and, when annotated, cue spans."""

    text: str
    uncertain: bool
    cues: list[tuple[int, int]] = field(default_factory=list)
    source: str = ""


def read_bioscope(path: str | Path) -> list[LabelledSentence]:
    """Sentences of a CoNLL-2010 BioScope XML file.

    A sentence is uncertain when it holds a ``<cue type="speculation">``. Cue spans are
    character offsets into the sentence text (discontinuous cues give several spans).
    """
    sentences = []
    root = ET.parse(path).getroot()
    for element in root.iter("sentence"):
        parts: list[str] = []
        cues: list[tuple[int, int]] = []

        def walk(node) -> None:
            start = sum(len(p) for p in parts)
            if node.text:
                parts.append(node.text)
            for child in node:
                walk(child)
                if child.tail:
                    parts.append(child.tail)
            if node.tag == "cue" and node.get("type") == "speculation":
                cues.append((start, sum(len(p) for p in parts)))

        walk(element)
        text = "".join(parts)
        sentences.append(LabelledSentence(text, bool(cues), cues, element.get("id", "")))
    return sentences


_PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}", "``": '"', "''": '"'}
_PTB_RE = re.compile("|".join(re.escape(k) for k in _PTB))


def ptb_to_text(text: str) -> str:
    """Undo Penn Treebank escapes (``-LRB-`` -> ``(``, `````` -> ``"``)."""
    return _PTB_RE.sub(lambda m: _PTB[m.group(0)], text).strip()


def read_weasel(path: str | Path) -> list[LabelledSentence]:
    """Sentences of the CoNLL-2010 Wikipedia weasel CSV (``text,label``; 1 = uncertain)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return [
            LabelledSentence(ptb_to_text(row["text"]), row["label"].strip() == "1", [], f"row {n}")
            for n, row in enumerate(csv.DictReader(handle))
        ]
