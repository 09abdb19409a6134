"""Source criticism for news articles: what an article claims, how sure each claim is,
and who says so.

Use :func:`analyze` on a path or a text; it returns an :class:`Analysis` whose tables
are pandas DataFrames::

    from analysis import analyze
    result = analyze("seeds/000_d9c7288233712f85.txt")
    result.body_sentences[["text", "status", "claim_source"]]

Many articles at once, and the words in them: :func:`analyze_many` (the same tables,
``article_id`` first), :func:`kwic` (keyword in context, with each line's status and
source), :func:`word_frequencies` and :func:`keyness`.
"""

def _installed_version() -> str:
    """The version written once, in pyproject.toml, as the installed package reports it."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("source-criticism-analysis")
    except PackageNotFoundError:  # run from a source folder that was never installed
        return "0+unknown"


__version__ = _installed_version()

# Names are imported on first use (PEP 562), so that `python -m analysis report` and the
# ingest checks do not pay for importing spaCy in a process that never parses.
_EXPORTS = {
    "Analysis": "core", "ArticleWarning": "core", "analyze": "core", "analyze_article": "core",
    "analyze_once": "core", "AnalysisError": "errors", "InputError": "errors", "ModelNotFoundError": "errors",
    "Article": "reading.ingest", "read_article": "reading.ingest", "load_nlp": "parse.nlp",
    "ManyAnalyses": "corpus.many", "analyze_many": "corpus.many", "kwic": "presenting.kwic",
    "word_frequencies": "presenting.frequencies", "keyness": "presenting.frequencies",
}  # fmt: skip

__all__ = [*sorted(_EXPORTS), "__version__"]


def __getattr__(name: str):
    if name in _EXPORTS:
        from importlib import import_module

        value = getattr(import_module(f"analysis.{_EXPORTS[name]}"), name)
        globals()[name] = value  # later lookups skip this function
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    # The lazy names too, so that tab completion (`analysis.<Tab>`) lists them.
    return sorted(set(globals()) | set(__all__))
