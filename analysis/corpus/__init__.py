"""Corpus runs: the same analysis over many articles, streamed, resumable, in parallel.

What it produces, in the output folder: every contract table for every article with an
``article_id`` column first, plus an ``articles`` table (one row per article: headline,
words, body sentences, shares by status and by source type, anonymous and unnamed
sources, hedge density) and an ``errors`` table (articles that could not be analysed,
with the reason), each as Parquet and CSV.

How it stays safe and flat:

- Articles are read lazily and parsed with ``nlp.pipe`` (a few articles, a bounded
  number of characters at a time); with ``jobs > 1`` batches go to worker processes,
  each loading spaCy once. Each batch runs in ``nlp.memory_zone()``, so the strings
  and lexemes its words add to the vocabulary are freed after it.
- Each finished batch is written as one Parquet part per table (to a temporary name,
  then renamed) and only then are its article ids appended to ``done.jsonl``. A rerun
  skips ids listed there, so a crash or Ctrl-C loses at most the batch in flight.
- Whatever goes wrong with one article (reading its file or record, decoding it,
  extracting an HTML page, parsing, any rule, building or writing its rows) becomes one
  row of ``errors`` (article id, source, stage, exception type, one-line message) and
  the run goes on; a rerun does not try it again.
- Ids must be unique (``7`` and ``"7"`` are one id): a corpus with duplicates is
  refused before anything runs, naming them. An id made from a line or row number
  (``line-2``, for a record with none) that a record also gives as its own becomes
  ``line-2-2``. Done ids are stored one JSON string a line (``done.jsonl``), so any id,
  newlines included, round-trips; a last line torn by a killed run is cut off on resume.
- In a folder, a link whose target is outside the folder is not followed: it is one row
  of ``errors``.
- One run at a time per output folder: a lock file (``OUT/.lock``, held with
  ``filelock``: a run that dies leaves no lock behind) makes a second run refuse at once.
- A full disk stops the run with one line saying what to free; its temporary files are
  removed, the final tables are replaced all together or not at all, and a rerun resumes.
- The final tables are assembled part by part, so memory does not grow with the corpus.
"""

from analysis.corpus.inputs import CorpusItem, group_of, iter_items
from analysis.corpus.run import run_corpus
from analysis.corpus.store import CORPUS_TABLES
from analysis.corpus.summary import ERROR_STAGES, article_row, compare_groups, error_row, extremes
from analysis.corpus.workers import analyze_batch

__all__ = [
    "CorpusItem", "iter_items", "article_row", "error_row", "analyze_batch", "run_corpus", "group_of", "compare_groups",
    "extremes", "CORPUS_TABLES", "ERROR_STAGES",
]  # fmt: skip
