"""``analyze()``: one call from an article to every table, and the :class:`Analysis` it returns.

The pipeline: ingest (read, decode, extract) -> paragraphs and their roles -> spaCy parse
with paragraph-bounded sentences -> sentences and tokens -> claims, sources, entities
(filled by their own modules as they land) -> tables. The CLI, the notebooks and the
report all go through :func:`analyze`.
"""

from __future__ import annotations

import warnings as _warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc, Span

from analysis import __version__
from analysis.rules.attribution import find_attributions
from analysis.rules.attribution_model import refine as refine_with_model
from analysis.rules.entities import correct_entities, entity_pairs, entity_summary, entity_table
from analysis.rules.claims import claims_tables
from analysis.rules.cues import HEDGE_DOMAINS, hedge_domains
from analysis.rules.embeds import embedded_posts, post_quotes
from analysis.rules.interviews import answer_quotes, interview_answers, transcript_turns
from analysis.rules.quotes import find_quotes
from analysis.rules.sources import WRITER, ContentIndex, attribution_table, claim_shares, label_sources, quote_columns, source_summary
from analysis.text.spans import attach_spans, register_extensions
from analysis.text.document import sentence_paragraphs, sentence_spans, sentence_table, token_columns
from analysis.reading.ingest import Article, read_article
from analysis.parse.nlp import load_nlp, model_name, parse
from analysis.rules.numbers import number_columns
from analysis.rules.dates import date_table
from analysis.rules.findings import finding_columns, headline_findings, provenance_findings
from analysis.schema import TABLES, TableColumns, check_tables, empty_table
from analysis.text.structure import assign_roles, paragraph_index, paragraph_table, split_paragraphs
from analysis.vocabulary import NOBODY_NAMED

__all__ = [
    "Analysis", "ArticleFailure", "analyze", "analyze_once", "analyze_article", "analyze_articles", "prepare",
    "structure_tables",
]  # fmt: skip


class ArticleWarning(UserWarning):
    """A problem with the input that did not stop the analysis (encoding, language)."""


@dataclass
class Analysis:
    """Everything extracted from one article. Tables are pandas DataFrames.

    Attributes:
        text: The text every ``start``/``end`` offset refers to.
        article: Where the text came from (source, format, encoding, metadata).
        doc: The spaCy Doc (of the normalised text; same offsets as ``text``), with the
            findings as span groups (``doc.spans["hedges"]``, ``"sources"``, ``"claims"``...)
            and each sentence's status as ``span._.status`` (see :mod:`analysis.text.spans`).
        paragraphs, tokens, sentences, cues, entities, attributions, quotes, numbers:
            The contract's tables (see the README's data dictionary). Start from
            :attr:`body_sentences`: the article's claims, each with its status and
            who it rests on (``sentences`` also holds the headline and subheadings,
            which make no claim of their own).
        dates, findings: Date expressions, and what a careful reader would question
            (missing byline, outlet or dateline; a headline beyond its body).
        warnings: Problems with the input that did not stop the analysis.
        meta: Provenance: package version, model, source, format, encoding.
    """

    text: str
    article: Article
    doc: Doc | None
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    cues: pd.DataFrame = field(default_factory=lambda: empty_table("cues"))
    entities: pd.DataFrame = field(default_factory=lambda: empty_table("entities"))
    attributions: pd.DataFrame = field(default_factory=lambda: empty_table("attributions"))
    dates: pd.DataFrame = field(default_factory=lambda: empty_table("dates"))
    warnings: list[str] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    #: ``tokens``, ``quotes``, ``numbers`` and ``findings``: no rule reads them back, so
    #: they are kept as :class:`~analysis.schema.TableColumns` and become DataFrames when
    #: first read (a corpus run writes them to Arrow without building the DataFrames).
    unread_tables: dict[str, TableColumns | pd.DataFrame] = field(default_factory=dict, repr=False)

    TABLE_NAMES = tuple(TABLES)
    LAZY_TABLES = ("tokens", "quotes", "numbers", "findings")
    #: Views derived from the tables (properties), exported beside them.
    VIEW_NAMES = ("sources", "claim_shares", "entity_summary", "entity_pairs")

    def _lazy_table(name: str):  # noqa: N805 -- builds the properties below
        def read(self) -> pd.DataFrame:
            table = self.unread_tables.get(name)
            if not isinstance(table, pd.DataFrame):
                table = self.unread_tables[name] = empty_table(name) if table is None else table.frame()
            return table

        def write(self, frame: pd.DataFrame) -> None:
            self.unread_tables[name] = frame

        return property(read, write, doc=f"The ``{name}`` table (a DataFrame, built when first read).")

    tokens = _lazy_table("tokens")
    quotes = _lazy_table("quotes")
    numbers = _lazy_table("numbers")
    findings = _lazy_table("findings")
    del _lazy_table

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """The contract's tables by name, in the contract's order."""
        return {name: getattr(self, name) for name in TABLES}

    def table_source(self, name: str) -> pd.DataFrame | TableColumns:
        """Table ``name`` as it is held now: a DataFrame, or for a table in
        :attr:`LAZY_TABLES` not read yet, its :class:`~analysis.schema.TableColumns`
        (what a corpus run writes without building the DataFrame)."""
        if name in self.LAZY_TABLES and isinstance(self.unread_tables.get(name), TableColumns):
            return self.unread_tables[name]
        return getattr(self, name)

    @property
    def sources(self) -> pd.DataFrame:
        """One row per canonical source in the body: type, attributions, quotes, words given to it.

        Pull quotes, standfirsts and other non-body paragraphs repeat the body, so their
        attributions are left out here (they stay in the ``attributions`` table).
        """
        body = set(self.body_sentences["sent_id"])
        return source_summary(
            self.attributions[self.attributions["sent_id"].isin(body)], self.quotes[self.quotes["sent_id"].isin(body)]
        )

    @property
    def claim_shares(self) -> pd.DataFrame:
        """Share of body claims resting on named people, organisations, anonymous or
        unnamed sources, media, documents, or the author alone."""
        return claim_shares(self.sentences)

    @property
    def entity_summary(self) -> pd.DataFrame:
        """One row per canonical named entity in the body: type, mentions, as source, first sentence."""
        return entity_summary(self.entities, self.attributions[self.attributions["sent_id"].isin(set(self.body_sentences["sent_id"]))])

    @property
    def entity_pairs(self) -> pd.DataFrame:
        """Which canonical entities share body sentences, and how often."""
        return entity_pairs(self.entities)

    @property
    def headline(self) -> str | None:
        """The headline paragraph's text, if any."""
        # A list lookup, not a filtered frame: the corpus's articles table reads this for every article.
        roles = self.paragraphs["role"].tolist()
        return self.paragraphs["text"].iloc[roles.index("headline")] if "headline" in roles else None

    @property
    def body_sentences(self) -> pd.DataFrame:
        """Sentences of body paragraphs: the article's claims."""
        return self.sentences[self.sentences["in_body"]]

    def span(self, start: int, end: int) -> str:
        """The original text between two offsets."""
        return self.text[start:end]

    def check(self) -> list[str]:
        """Contract problems (empty when every table, label and span is valid)."""
        return check_tables(self.tables, self.text)

    def __getstate__(self) -> dict:
        # Pickled (a worker process's analysis sent back): the Doc travels as its own bytes,
        # without the pipeline's vocabulary and vectors a pickled Doc would carry each time.
        state = dict(self.__dict__)
        if self.doc is not None:
            state["doc"] = _PortableDoc(self.doc.to_bytes(exclude=["user_data", "tensor"]), dict(self.doc._.sentence_status or {}))
        return state

    def __setstate__(self, state: dict) -> None:
        if isinstance(state.get("doc"), _PortableDoc):
            state = {**state, "doc": state["doc"].restore()}
        self.__dict__.update(state)

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={len(frame)}" for name, frame in self.tables.items())
        return f"<Analysis of {self.article.source!r}: {counts}>"


@dataclass(frozen=True)
class _PortableDoc:
    """An analysed Doc as bytes (tokens, annotations, span groups) and its sentences'
    statuses. Restored on one blank vocabulary shared in the process, so a process that
    receives analyses need not load the pipeline."""

    data: bytes
    sentence_status: dict

    def restore(self) -> Doc:
        doc = Doc(_shared_vocab()).from_bytes(self.data)
        register_extensions()
        doc._.sentence_status = self.sentence_status
        return doc


@lru_cache(maxsize=1)
def _shared_vocab():
    from spacy.vocab import Vocab

    return Vocab()


def structure_tables(
    text: str, doc: Doc, spans: list[tuple[int, int]], *, page_standfirst: str | None = None
) -> tuple[list[Span], pd.DataFrame, pd.DataFrame]:
    """Sentences, the ``paragraphs`` table and the ``sentences`` table of a parsed article.

    Sentences per paragraph feed the role rules (pull quotes are matched sentence by
    sentence), so roles are assigned after the parse.
    """
    sentences, paragraphs = _sentences_and_paragraphs(text, doc, spans, page_standfirst=page_standfirst)
    return sentences, paragraphs, sentence_table(text, sentences, paragraphs)


def _sentences_and_paragraphs(
    text: str, doc: Doc, spans: list[tuple[int, int]], *, page_standfirst: str | None = None
) -> tuple[list[Span], pd.DataFrame]:
    starts = [start for start, _ in spans]
    sentences = sentence_spans(doc, starts)
    by_para: list[list[str]] = [[] for _ in spans]
    for sent in sentences:
        by_para[paragraph_index(sent.start_char, starts)].append(sent.text)
    roles = assign_roles([text[s:e] for s, e in spans], by_para, page_standfirst=page_standfirst)
    return sentences, paragraph_table(text, spans, roles)


def _rest_claims_on_sources(claims: list[dict], labels: dict) -> None:
    """Fill each sentence's ``claim_source`` and ``claim_source_type``: who its claim rests
    on, the attribution's source (as :func:`~analysis.rules.sources.label_sources` named
    and typed it) or the author's own voice; "nobody named" for a quotation with no
    speaker found; nothing outside the body."""
    for row in claims:
        source = labels[row["claim_attribution"]] if row["claim_attribution"] is not None else None
        row["claim_source"], row["claim_source_type"] = (
            (None, None) if row["status"] is None
            # A quotation with no speaker found: someone the article does not name.
            else (NOBODY_NAMED, "anonymous") if source is None and row["status"] == "reported"
            else ("author", "author") if source is None or source.canonical == WRITER
            else (source.canonical or NOBODY_NAMED, source.source_type)
        )  # fmt: skip


def analyze_article(
    article: Article, *, nlp: Language | None = None, doc: Doc | None = None, hedge_domain: str | None = None
) -> Analysis:
    """Analyse an already-read :class:`~analysis.reading.ingest.Article`.

    Args:
        article: The article.
        nlp: The pipeline (default: loaded once per process).
        doc: The article already parsed by :func:`analyze_articles` (``nlp.pipe``); else
            it is parsed here.
        hedge_domain: ``news`` (the default), ``bio`` or ``wiki``: which hedge lexicon
            (see :data:`analysis.rules.cues.HEDGE_DOMAINS`).
    """
    nlp = nlp or load_nlp()
    domains = hedge_domains(hedge_domain)
    text = article.text
    spans = split_paragraphs(text)
    if doc is None:
        doc = parse(text, [start for start, _ in spans], nlp=nlp)
    correct_entities(doc)
    sentences, paragraphs = _sentences_and_paragraphs(text, doc, spans, page_standfirst=article.metadata.get("standfirst"))
    in_body = [body for _, body in sentence_paragraphs(sentences, paragraphs)]
    # The rules link sources, cues and contents; the learned tagger moves their edges.
    relations = refine_with_model(doc, find_attributions(doc))
    # A post embedded from another site is its poster's words, signed at its end; an
    # answer in an interview printed as questions and answers is the interviewee's, and a
    # transcript's turn is the speaker's its label names.
    posts = embedded_posts(text, doc, spans)
    answers = interview_answers(text, doc, spans) + transcript_turns(text, doc, spans)
    relations = sorted([*relations, *posts, *answers], key=lambda r: r.cue)
    set_aside = frozenset(int(i) for i in paragraphs.index[paragraphs["role"].isin(["related_link", "artifact"])])
    quotes = answer_quotes(doc, answers, post_quotes(doc, posts, find_quotes(text, doc, spans, sentences, relations, set_aside=set_aside)))
    labels = label_sources(text, doc, relations, quotes=quotes)
    cues, claims = claims_tables(doc, sentences, in_body, attributions=relations, quotes=quotes, domains=domains,
                                 source_types={relation: "author" if label.canonical == WRITER else label.source_type
                                               for relation, label in labels.items()})  # fmt: skip
    _rest_claims_on_sources(claims, labels)
    sentence_rows = sentence_table(text, sentences, paragraphs, claims=claims)

    attributions = attribution_table(text, doc, sentences, relations, quotes, labels=labels)
    entities = entity_table(
        text, doc, sentences, in_body, source_tokens={doc[r.source[0] : r.source[1]].root.i for r in relations if r.source}
    )
    dates = date_table(text, doc, sentences, in_body)
    contents = ContentIndex(attributions)  # who each span of reported content rests on
    numbers = number_columns(text, doc, sentences, sentence_rows, attributions, contents=contents)
    number_rows = [dict(zip(("sent_id", "text", "value", "unit", "counted", "in_body"), row)) for row in zip(
        *(numbers.values.get(c, []) for c in ("sent_id", "text", "value", "unit", "counted", "in_body")))]  # fmt: skip
    findings = provenance_findings(paragraphs, dates, dict(article.metadata)) + headline_findings(
        sentences, sentence_rows, paragraphs, entities, cues, attributions, contents=contents, numbers=number_rows, reparse=nlp
    )
    quote_rows = quote_columns(text, sentences, quotes)
    attach_spans(doc, {"cues": cues, "attributions": attributions, "quotes": quote_rows, "sentences": sentence_rows})
    return Analysis(
        text=text,
        article=article,
        doc=doc,
        paragraphs=paragraphs,
        sentences=sentence_rows,
        cues=cues,
        entities=entities,
        attributions=attributions,
        dates=dates,
        unread_tables={
            "tokens": token_columns(text, sentences),
            "quotes": quote_rows,
            "numbers": numbers,
            "findings": finding_columns(findings),
        },
        warnings=list(article.warnings),
        meta={
            "package_version": __version__,
            "model": model_name(nlp),
            "hedge_domain": next(name for name, value in HEDGE_DOMAINS.items() if value == domains),
            "source": article.source,
            "format": article.format,
            "encoding": article.encoding,
            "page_metadata": dict(article.metadata),
        },
    )


def analyze(
    source: str | Path | bytes, *, nlp: Language | None = None, model: str | None = None, hedge_domain: str | None = None
) -> Analysis:
    """Analyse one article.

    Args:
        source: A path (``str`` or ``Path``) to a .txt/.html/.htm file, ``"-"`` for
            stdin, raw bytes, or the article text itself. A one-line string ending in
            .txt/.html/.htm, or naming an existing file, is a path.
        nlp: A loaded spaCy pipeline to reuse (default: loaded once per process).
        model: A spaCy model name to load instead of the default.
        hedge_domain: ``news`` (default; ``$ANALYSIS_HEDGE_DOMAIN`` when set), ``bio``
            for science and health writing, ``wiki`` for encyclopaedic text: adds the
            cues learned from that domain's CoNLL-2010 training data.

    Returns:
        The :class:`Analysis` holding every table.

    Raises:
        InputError: The article cannot be read (missing, binary, empty, too large...).
        ModelNotFoundError: No spaCy English model is installed.

    Warns:
        ArticleWarning: For problems that do not stop the analysis (encoding fallback,
        text that does not look like English); also listed in ``Analysis.warnings``.
    """
    article = read_article(source)
    for message in article.warnings:
        _warnings.warn(message, ArticleWarning, stacklevel=2)
    return analyze_article(article, nlp=nlp or load_nlp(model), hedge_domain=hedge_domain)


@lru_cache(maxsize=8)
def _analyze_file(path: str, mtime_ns: int, size: int, model: str | None, hedge_domain: str | None) -> Analysis:
    return analyze(Path(path), model=model, hedge_domain=hedge_domain)


def analyze_once(source: str | Path, *, model: str | None = None, hedge_domain: str | None = None) -> Analysis:
    """:func:`analyze`, once per process for a file that has not changed since, with the
    same ``model`` and ``hedge_domain`` (see :func:`analyze`).

    The notebooks call this, so that when the report runs them in one kernel the article
    is parsed once. Text that is not a file is analysed afresh each time.
    """
    path = Path(source)
    try:
        stat = path.stat() if path.is_file() else None
    except (OSError, ValueError):
        stat = None
    if stat is None:
        return analyze(source, model=model, hedge_domain=hedge_domain)
    return _analyze_file(str(path.resolve()), stat.st_mtime_ns, stat.st_size, model, hedge_domain)


def prepare(nlp: Language) -> None:
    """Build the lexicon matchers bound to ``nlp``'s vocabulary now.

    They are cached for the life of the process, so they must be built outside any
    ``nlp.memory_zone()`` (the strings they add would otherwise be freed with the zone).
    """
    from analysis.rules.attribution import _matcher
    from analysis.rules.cues import _default_matcher
    from analysis.rules.numbers import _approximators
    from analysis.rules.sources import _anonymity_matcher

    _matcher(nlp.vocab)
    _default_matcher(nlp.vocab, ("general",))
    _approximators(nlp.vocab)
    _anonymity_matcher(nlp.vocab)


def _parse_batches(articles, batch_size: int, batch_chars: int):
    """Consecutive articles, at most ``batch_size`` of them and, past the first, at most
    ``batch_chars`` characters together: the parser's memory grows with the tokens it
    holds, so a run of long articles is parsed in smaller batches."""
    batch: list[Article] = []
    chars = 0
    for article in articles:
        if batch and (len(batch) >= batch_size or chars + len(article.text) > batch_chars):
            yield batch
            batch, chars = [], 0
        batch.append(article)
        chars += len(article.text)
    if batch:
        yield batch


@dataclass(frozen=True)
class ArticleFailure:
    """What :func:`analyze_articles` yields, with ``keep_going``, for an article that
    failed: the ``stage`` (``parse`` or ``rules``) and the exception."""

    article: Article
    stage: str
    error: Exception


def _parse_each(docs: list[Doc], nlp: Language) -> list[Doc | Exception]:
    """Parse a batch with ``nlp.pipe``; if that fails, each Doc on its own, so one Doc
    the pipeline cannot parse costs only itself (its exception stands in its place)."""
    try:
        return list(nlp.pipe(docs, batch_size=len(docs)))
    except Exception:  # noqa: BLE001 - which Doc failed is found below
        parsed: list[Doc | Exception] = []
        for doc in docs:
            try:
                parsed.append(nlp(doc))
            except Exception as error:  # noqa: BLE001 - this article's failure, reported as such
                parsed.append(error)
        return parsed


def analyze_articles(
    articles, *, nlp: Language | None = None, batch_size: int = 8, batch_chars: int = 25_000, keep_going: bool = False,
    hedge_domain: str | None = None,
):
    """Analyse many read articles, parsing them in batches with ``nlp.pipe``.

    Args:
        articles: An iterable of :class:`~analysis.reading.ingest.Article` (consumed lazily).
        nlp: The pipeline (default: loaded once per process).
        batch_size: At most this many articles are parsed together...
        batch_chars: ...and, beyond the first, at most this many characters.
        keep_going: Yield an :class:`ArticleFailure` for an article whose parse or
            rules raise, and go on with the others (a corpus run); else the exception
            propagates.
        hedge_domain: As for :func:`analyze`.

    Yields:
        One :class:`Analysis` (or :class:`ArticleFailure`) per article, in order.
    """
    from analysis.parse.nlp import PIECE_CHARS, make_doc

    nlp = nlp or load_nlp()
    for batch in _parse_batches(articles, batch_size, batch_chars):
        if not keep_going:
            # A text too long to parse whole is parsed in pieces by analyze_article (doc None).
            docs = [make_doc(a.text, [start for start, _ in split_paragraphs(a.text)], nlp)
                    for a in batch if len(a.text) <= PIECE_CHARS]  # fmt: skip
            parsed_docs = iter(nlp.pipe(docs, batch_size=max(1, len(docs))))
            for article in batch:
                doc = next(parsed_docs) if len(article.text) <= PIECE_CHARS else None
                yield analyze_article(article, nlp=nlp, doc=doc, hedge_domain=hedge_domain)
            continue
        made: list[Doc | Exception] = []
        for article in batch:
            try:
                paragraph_starts = [start for start, _ in split_paragraphs(article.text)]
                if len(article.text) > PIECE_CHARS:
                    made.append(parse(article.text, paragraph_starts, nlp=nlp))  # parsed here, in pieces
                else:
                    made.append(make_doc(article.text, paragraph_starts, nlp))
            except Exception as error:  # noqa: BLE001 - reported as this article's failure
                made.append(error)
        parsed = iter(_parse_each([doc for doc in made if isinstance(doc, Doc) and not doc.has_annotation("DEP")], nlp))
        for article, doc in zip(batch, made):
            if isinstance(doc, Doc) and not doc.has_annotation("DEP"):
                doc = next(parsed)
            if isinstance(doc, Exception):
                yield ArticleFailure(article, "parse", doc)
                continue
            try:
                result: Analysis | ArticleFailure = analyze_article(article, nlp=nlp, doc=doc, hedge_domain=hedge_domain)
            except Exception as error:  # noqa: BLE001 - reported as this article's failure
                result = ArticleFailure(article, "rules", error)
            yield result
