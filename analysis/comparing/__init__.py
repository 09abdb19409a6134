"""Find better coverage: compare how two to five outlets report the same story.

:func:`compare` takes analyses (or paths or texts) and returns a :class:`Comparison`
whose tables are DataFrames: the articles and how similar they are, what they share,
every claim aligned to the closest claim of each other article, and where they differ.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

__all__ = ["Comparison", "compare", "MAX_ARTICLES"]

#: How many articles one comparison takes.
MIN_ARTICLES, MAX_ARTICLES = 2, 5


@dataclass
class Comparison:
    """The comparison of two to five articles.

    Attributes:
        articles: One row per article: article, headline, body claims, statuses.
        similarity: Each pair of articles and how similar their bodies are (0 to 1),
            whether that looks like the same story, and whether they are the same text.
        shared: The people, organisations, places, dates and numbers each pair shares.
        alignment: Each claim's best match in each other article, with its evidence.
        differences: Where the outlets differ (``vocabulary.COVERAGE_DIFFERENCE``).
        claims: One row per body sentence of each article, with its status and source.
        units: The claim units the alignment matched (:func:`analysis.comparing.units.claim_units`).
        analyses: Article name -> its :class:`~analysis.core.Analysis`, in the order given.
    """

    articles: pd.DataFrame
    similarity: pd.DataFrame
    shared: pd.DataFrame
    alignment: pd.DataFrame
    differences: pd.DataFrame
    claims: pd.DataFrame
    units: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)
    analyses: dict = field(default_factory=dict, repr=False)

    TABLES = ("articles", "similarity", "shared", "alignment", "differences")

    @property
    def same_texts(self) -> list[tuple[str, str]]:
        """Pairs of articles whose texts are identical (the same article given twice)."""
        rows = self.similarity[self.similarity["same_text"]] if "same_text" in self.similarity else self.similarity.iloc[:0]
        return list(zip(rows["article"], rows["other"]))

    @property
    def same_story(self) -> bool:
        """Whether every pair of articles looks like the same story."""
        return bool(len(self.similarity)) and bool(self.similarity["same_story"].all())


def _names(articles) -> list[str]:
    """A name for each article: the outlet its page states (``sitename``), else its file
    name; two of one outlet, or one file name twice, are told apart."""
    bases = []
    for article in articles:
        site = " ".join(str(article.metadata.get("sitename") or "").split())
        bases.append(site[:60] if site else Path(str(article.source)).name or "text")
    names, taken = [], set()
    for article, name in zip(articles, bases):
        if bases.count(name) > 1 and name != (Path(str(article.source)).name or "text"):
            name = f"{name} ({Path(str(article.source)).name or 'text'})"
        base, n = name, 2
        while name in taken:  # two files of one name from different folders
            name, n = f"{base} ({n})", n + 1
        taken.add(name)
        names.append(name)
    return names


def compare(items, *, nlp=None) -> Comparison:
    """Compare two to five articles.

    Args:
        items: Analyses, or paths or texts for :func:`analysis.analyze`.
        nlp: A loaded pipeline to analyse with (the default model otherwise).

    Raises:
        InputError: Fewer than two or more than five articles.
    """
    from analysis.comparing.align import align_claims
    from analysis.comparing.claims import claim_and_headline_rows
    from analysis.comparing.differences import find_differences
    from analysis.comparing.story import SAME_STORY_AT, shared_facts, story_similarity
    from analysis.comparing.units import claim_units
    from analysis.core import Analysis, analyze
    from analysis.errors import InputError
    from analysis.vocabulary import STATUS

    items = list(items)
    if not MIN_ARTICLES <= len(items) <= MAX_ARTICLES:
        raise InputError(f"compare takes {MIN_ARTICLES} to {MAX_ARTICLES} articles, not {len(items)}")
    analyses_list = [item if isinstance(item, Analysis) else analyze(item, nlp=nlp) for item in items]
    names = _names([a.article for a in analyses_list])
    analyses = dict(zip(names, analyses_list))
    read = [claim_and_headline_rows(result, name) for name, result in analyses.items()]
    claims = pd.concat([body for body, _ in read], ignore_index=True)
    headlines = pd.concat([heads for _, heads in read], ignore_index=True)
    similarity = story_similarity(claims)
    similarity["same_story"] = similarity["similarity"] >= SAME_STORY_AT
    # One text given twice compares nothing: said in the page and by the command, not
    # left as a similarity of 1.0 that reads like a finding.
    similarity["same_text"] = [analyses[a].text == analyses[b].text for a, b in zip(similarity["article"], similarity["other"])]
    units = pd.concat([claim_units(result, name) for name, result in analyses.items()], ignore_index=True)
    alignment = align_claims(units)
    articles = pd.DataFrame([
        {"article": name, "headline": r.headline, "body_claims": len(r.body_sentences),
         **{status: int((r.body_sentences["status"] == status).sum()) for status in STATUS}}
        for name, r in analyses.items()
    ])  # fmt: skip
    differences = find_differences(claims, alignment, analyses, headlines=headlines, units=units)
    same = {frozenset(pair) for pair in zip(similarity.loc[similarity["same_text"], "article"], similarity.loc[similarity["same_text"], "other"])}
    if same:  # one text given twice differs from itself in nothing, whatever the matcher paired
        differences = differences[[frozenset(pair) not in same for pair in zip(differences["article"], differences["other"])]]
        differences = differences.reset_index(drop=True)
    return Comparison(articles, similarity, shared_facts(analyses), alignment, differences, claims, units, analyses)
