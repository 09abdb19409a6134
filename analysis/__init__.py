"""Source criticism for news articles: what an article claims, how sure each claim is,
and who says so.

Use :func:`analyze` on a path or a text; it returns an :class:`Analysis` whose tables
are pandas DataFrames::

    from analysis import analyze
    result = analyze("seeds/000_d9c7288233712f85.txt")
    result.paragraphs[["role", "reason", "text"]]
"""

__version__ = "0.1.0"

from .core import Analysis, ArticleWarning, analyze, analyze_article, analyze_once  # noqa: E402
from .errors import AnalysisError, InputError, ModelNotFoundError  # noqa: E402
from .ingest import Article, read_article  # noqa: E402
from .nlp import load_nlp  # noqa: E402

__all__ = [
    "Analysis",
    "AnalysisError",
    "Article",
    "ArticleWarning",
    "InputError",
    "ModelNotFoundError",
    "analyze",
    "analyze_article",
    "analyze_once",
    "load_nlp",
    "read_article",
    "__version__",
]
