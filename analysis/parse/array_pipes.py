"""spaCy's attribute ruler and rule lemmatizer, run over token arrays: same attributes, less time.

What it produces: nothing new. The English pipelines' ``attribute_ruler`` (which maps
each token's fine-grained tag to its part of speech and morphology, with exceptions
for particular words) and ``lemmatizer`` set the same ``pos``, ``morph`` and ``lemma``
on every token as spaCy's own classes do; they only reach them faster.

Why: spaCy's attribute ruler runs a :class:`~spacy.matcher.Matcher` of ~180 patterns
over every token, and its word-list patterns (``{"LOWER": {"IN": [...]}}``) call a
Python predicate per token; its lemmatizer makes a ``Token`` and sets a string per
token. Together they took about a sixth of a parse of the BBC articles, more than the
tagger and the parser together (``benchmarks/parse_variants.py`` prints what switching saves).
Here:

- :class:`ArrayAttributeRuler` reads the attributes its patterns test as one array
  per article, matches each distinct combination of values once (values no pattern
  names count as one, so the combinations stay few and the cache stays small), finds
  patterns of several tokens by shifting those results, and writes the attributes back
  as arrays. Patterns it cannot read that way (operators, extension attributes,
  predicates other than IN, NOT_IN and REGEX) still go through a Matcher of their own;
  the results are merged in rule order, later rules winning, exactly as
  :meth:`spacy.pipeline.AttributeRuler.set_annotations` applies them.
- :class:`ArrayLemmatizer` lemmatises each distinct (word, part of speech,
  morphology) once, through spaCy's own ``rule_lemmatize``, looks candidate lemmas up
  in sets rather than lists, and writes the lemmas back as one array.

:func:`use_array_pipes` switches a loaded pipeline's components to these classes in
place (pipeline order, patterns, tables and serialisation unchanged). It leaves a
component alone when it is not exactly spaCy's class; a switched ruler one of whose
rules sets an attribute other than those it writes (a lexical one, say) runs spaCy's
own matching, and a lemmatizer in another mode spaCy's own lemmatising.
``tests/parse/test_array_pipes.py`` checks every token attribute against spaCy's own
components on real articles.
"""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import DEP, IDS, LEMMA, MORPH, POS, TAG
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc

from analysis import config

__all__ = ["ArrayAttributeRuler", "ArrayLemmatizer", "use_array_pipes"]

#: Token attributes a one-token pattern may test and still be matched over arrays:
#: ``Doc.to_array`` reads them exactly as the Matcher does.
ARRAY_TESTED = frozenset(IDS[name] for name in (
    "ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "SHAPE", "PREFIX", "SUFFIX", "ENT_TYPE",
    "IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_STOP", "LIKE_NUM",
))  # fmt: skip
#: Attributes a rule may set for the ruler to run over arrays: token-level only, so
#: nothing on the shared lexeme changes (spaCy's ruler sets lexical ones there too).
ARRAY_SET = (POS, TAG, MORPH, LEMMA, DEP)
#: One condition on one token: ``(column, "==" | "in" | "not in", value ids)``. A
#: column is ``(attribute id, None)`` for the attribute's value, or ``(attribute id,
#: regex)`` for whether the regex finds a match in its string (1 or 0).
Test = tuple[tuple[int, str | None], str, frozenset[int]]


def _token_tests(spec: dict, strings) -> list[Test] | None:
    """A pattern's token as tests the arrays can answer, or None when only the Matcher
    can (operators, extension attributes, predicates other than IN, NOT_IN, REGEX)."""
    tests: list[Test] = []
    for key, value in spec.items():
        if not isinstance(key, str):
            return None
        attr = IDS.get("ORTH" if key.upper() == "TEXT" else key.upper())
        if attr not in ARRAY_TESTED:
            return None
        if not isinstance(value, dict):
            if isinstance(value, str):
                value = strings.add(value)  # as the Matcher does
            elif not isinstance(value, int):  # bool is an int: True is 1
                return None
            tests.append(((attr, None), "==", frozenset((int(value),))))
            continue
        for predicate, operand in value.items():
            predicate = predicate.upper()
            if predicate == "REGEX" and isinstance(operand, str):
                tests.append(((attr, operand), "==", frozenset((1,))))
            elif predicate in ("IN", "NOT_IN") and isinstance(operand, (list, tuple)) and all(
                    isinstance(v, str) or (isinstance(v, int) and not isinstance(v, bool)) for v in operand):  # fmt: skip
                # The Matcher's set predicates compare string ids, without adding the strings.
                tests.append(((attr, None), "in" if predicate == "IN" else "not in", frozenset(map(get_string_id, operand))))
            else:
                return None
    return tests


class _CompiledRules:
    """An attribute ruler's patterns as tests over token arrays, and a Matcher of the
    patterns that cannot be (those with operators, say)."""

    def __init__(self, ruler: AttributeRuler):
        strings = ruler.vocab.strings
        self.usable = all(set(attrs) <= set(ARRAY_SET) for attrs in ruler.attrs)
        specs: dict[tuple, int] = {}  # a token's tests -> spec number
        self.one_token: list[tuple[int, int]] = []  # (rule, spec)
        self.several: list[tuple[int, list[int], int]] = []  # (rule, specs, index of the token set)
        self.matcher = Matcher(ruler.vocab, validate=False)
        self.matcher_rules = 0
        for rule in range(len(ruler.attrs)):
            for pattern in ruler.matcher.get(str(rule))[1]:
                tokens = [_token_tests(spec, strings) for spec in pattern]
                if not pattern or any(tests is None for tests in tokens):
                    self.matcher.add(str(rule), [pattern])
                    self.matcher_rules += 1
                    continue
                ids = [specs.setdefault(tuple(sorted(tests, key=repr)), len(specs)) for tests in tokens]
                if len(ids) == 1:
                    self.one_token.append((rule, ids[0]))
                else:
                    self.several.append((rule, ids, ruler.indices[rule]))
        # Each column's values as small codes: 0 for any value no test names, else
        # 1 + its place among the named ones; a token's codes, in mixed radix, are one key.
        named: dict[tuple[int, str | None], set[int]] = {}
        for tests in specs:
            for column, _, ids in tests:
                named.setdefault(column, set()).update(ids)
        self.columns = sorted(named, key=repr)
        self.named = [np.array(sorted(named[column]), dtype=np.uint64) for column in self.columns]
        number = {column: n for n, column in enumerate(self.columns)}
        code = [{int(v): k + 1 for k, v in enumerate(values)} for values in self.named]
        # Each spec's tests on codes: (column number, how, codes of the values named).
        self.specs = [[(number[column], how, frozenset(code[number[column]][v] for v in ids)) for column, how, ids in tests]
                      for tests in specs]  # fmt: skip
        self.radix = [len(values) + 1 for values in self.named]
        self.keyed = float(np.prod(self.radix, dtype=float)) < 2**62  # else rows are told apart as rows
        self.attributes = sorted({attr for attr, _ in self.columns})
        self.regexes = {column: re.compile(column[1]) for column in self.columns if column[1] is not None}
        self.regex_results: dict[tuple, dict[int, int]] = {column: {} for column in self.regexes}
        self.rows: dict[tuple[int, ...], tuple[np.ndarray, tuple[int, ...]]] = {}

    def row(self, codes: tuple[int, ...]) -> tuple[np.ndarray, tuple[int, ...]]:
        """For a token with these column codes: which specs it satisfies, and the
        one-token rules it matches, in rule order."""
        known = self.rows.get(codes)
        if known is None:
            satisfied = np.array([all((codes[n] in named) == (how != "not in") for n, how, named in tests)
                                  for tests in self.specs], dtype=bool)  # fmt: skip
            rules = tuple(sorted({rule for rule, spec in self.one_token if satisfied[spec]}))
            known = self.rows[codes] = (satisfied, rules)
        return known

    def codes(self, doc: Doc) -> np.ndarray:
        """Each token's code in each column (tokens x columns)."""
        if not self.columns:  # only patterns of any-token specs ({})
            return np.zeros((len(doc), 0), dtype=np.int64)
        raw = doc.to_array(self.attributes).astype(np.uint64).reshape(len(doc), len(self.attributes))
        strings = doc.vocab.strings
        codes = np.empty((len(doc), len(self.columns)), dtype=np.int64)
        for n, (attr, regex) in enumerate(self.columns):
            column = raw[:, self.attributes.index(attr)]
            if regex is not None:
                results = self.regex_results[(attr, regex)]
                if len(results) > config.ARRAY_REGEX_CACHE:
                    results.clear()
                found = self.regexes[(attr, regex)].search
                distinct, where = np.unique(column, return_inverse=True)
                hits = [results[v] if v in results else results.setdefault(v, int(bool(found(strings[v]))))
                        for v in distinct.tolist()]  # fmt: skip
                column = np.array(hits, dtype=np.uint64)[where.reshape(-1)]
            named = self.named[n]
            if not len(named):  # only tests of empty lists ({"IN": []})
                codes[:, n] = 0
                continue
            place = np.searchsorted(named, column)
            hit = named[np.minimum(place, len(named) - 1)] == column
            codes[:, n] = np.where(hit, place + 1, 0)
        return codes

    def distinct_rows(self, doc: Doc) -> tuple[list[tuple[np.ndarray, tuple[int, ...]]], list[int]]:
        """The distinct rows of a Doc's codes, as :meth:`row` gives them, and which row
        each token has."""
        codes = self.codes(doc)
        if self.keyed:
            keys = np.zeros(len(doc), dtype=np.int64)
            for n, radix in enumerate(self.radix):
                keys = keys * radix + codes[:, n]
            _, first, which = np.unique(keys, return_index=True, return_inverse=True)
            distinct = codes[first]
        else:
            distinct, which = np.unique(codes, axis=0, return_inverse=True)
        return [self.row(tuple(row)) for row in distinct.tolist()], which.reshape(-1).tolist()


class ArrayAttributeRuler(AttributeRuler):
    """:class:`spacy.pipeline.AttributeRuler`, matching its patterns over token arrays.

    The same patterns, serialisation and results; see the module docstring.
    """

    _compiled: _CompiledRules | None = None

    def add(self, patterns, attrs, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._compiled = None

    def clear(self) -> None:
        super().clear()
        self._compiled = None

    def __call__(self, doc: Doc) -> Doc:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = _CompiledRules(self)
        if not compiled.usable:
            return super().__call__(doc)
        error_handler = self.get_error_handler()
        try:
            self._apply(doc, compiled)
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)

    def _target(self, doc: Doc, rule: int, start: int, end: int) -> int:
        """The token a match of ``rule`` over ``start:end`` sets (the span's ``index``-th)."""
        index = self.indices[rule]
        target = start + index if index >= 0 else end + index
        if not start <= target < end:
            # As spaCy's ruler says it (span[index] out of range).
            raise ValueError(Errors.E1001.format(patterns=self.matcher.get(str(rule)), span=[t.text for t in doc[start:end]], index=index))
        return target

    def _apply(self, doc: Doc, compiled: _CompiledRules) -> None:
        n = len(doc)
        if not n:
            return
        # Rules matching each token, in rule order: one-token rules by distinct rows...
        known, which = compiled.distinct_rows(doc)
        token_rules = [known[k][1] for k in which]
        extra: dict[int, set[int]] = {}
        # ...then rules of several tokens, on the token each sets...
        if compiled.several:
            satisfied = np.stack([found for found, _ in known])[which]  # tokens x specs
            for rule, specs, _ in compiled.several:
                width = len(specs)
                if width > n:
                    continue
                starts = np.ones(n - width + 1, dtype=bool)
                for k, spec in enumerate(specs):
                    starts &= satisfied[k : n - width + 1 + k, spec]
                for start in np.flatnonzero(starts).tolist():
                    extra.setdefault(self._target(doc, rule, start, start + width), set()).add(rule)
        # ...and those only a Matcher can match.
        if compiled.matcher_rules:
            for match_id, start, end in compiled.matcher(doc, allow_missing=True, as_spans=False):
                rule = int(self.vocab.strings[match_id])
                extra.setdefault(self._target(doc, rule, start, end), set()).add(rule)
        for target, rules in extra.items():
            token_rules[target] = tuple(sorted(rules.union(token_rules[target])))
        # Each distinct list of rules gives one result: later rules win, attribute by attribute.
        outcome: dict[tuple[int, ...], int] = {(): 0}
        token_outcome = [outcome.setdefault(rules, len(outcome)) for rules in token_rules]
        sets = np.zeros((len(outcome), len(ARRAY_SET)), dtype=bool)
        values = np.zeros((len(outcome), len(ARRAY_SET)), dtype=np.uint64)
        for rules, k in outcome.items():
            result: dict[int, int] = {}
            for rule in rules:
                result.update(self.attrs[rule])
            for attr, value in result.items():
                sets[k, ARRAY_SET.index(attr)], values[k, ARRAY_SET.index(attr)] = True, value
        current = doc.to_array(list(ARRAY_SET)).astype(np.uint64)
        new = np.where(sets[token_outcome], values[token_outcome], current)
        changed = [k for k in range(len(ARRAY_SET)) if not np.array_equal(new[:, k], current[:, k])]
        if changed:
            doc.from_array([ARRAY_SET[k] for k in changed], new[:, changed])


class _WordIndex(list):
    """A word list of the lemmatizer's ``lemma_index`` table that answers ``in`` from a
    set: ``rule_lemmatize`` asks whether each candidate lemma is a known word, and a
    list of 57,000 nouns answers that by reading them all. Still a list (same order,
    same serialisation); the tables are not changed after loading."""

    def __init__(self, words):
        super().__init__(words)
        self.words = frozenset(self)

    def __contains__(self, word) -> bool:
        return word in self.words


class ArrayLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer, lemmatising each distinct word form once.

    ``rule_lemmatize`` reads only a token's text, part of speech and morphology (its
    own cache is keyed by them) and the lookup tables, so its first lemma for each
    such triple is kept here too: spaCy's cache leaves out base forms, which are most
    words, and those were lemmatised again at every occurrence. Its word index is
    searched through sets (:class:`_WordIndex`).
    """

    _first_lemmas: dict[tuple[int, int, int], str] | None = None
    _for_lookups = None  # the lookup tables _first_lemmas was filled from

    def from_bytes(self, *args, **kwargs):
        loaded = super().from_bytes(*args, **kwargs)
        self._for_lookups = None  # the tables were replaced in place: start again
        return loaded

    def from_disk(self, *args, **kwargs):
        loaded = super().from_disk(*args, **kwargs)
        self._for_lookups = None
        return loaded

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            self._apply(doc)
            return doc
        except Exception as e:
            error_handler(self.name, self, [doc], e)

    def _use_lookups(self) -> None:
        """Start the lemma store afresh for the current tables, their word index as sets."""
        self._first_lemmas, self._for_lookups = {}, self.lookups
        if "lemma_index" in self.lookups:
            index = self.lookups.get_table("lemma_index")
            for pos, words in list(index.items()):
                if isinstance(words, list) and not isinstance(words, _WordIndex):
                    index[pos] = _WordIndex(words)

    def _apply(self, doc: Doc) -> None:
        if not len(doc):
            return
        keys = doc.to_array(["ORTH", "POS", "MORPH", "LEMMA"]).astype(np.uint64)
        todo = np.arange(len(doc)) if self.overwrite else np.flatnonzero(keys[:, 3] == 0)
        if not len(todo):
            return
        if self._for_lookups is not self.lookups:
            self._use_lookups()
        elif len(self._first_lemmas) > config.ARRAY_LEMMA_CACHE:
            self._first_lemmas = {}
        first_lemmas = self._first_lemmas
        lemmas = keys[:, 3].copy()
        add = doc.vocab.strings.add
        ids: dict[str, int] = {}  # added once per Doc (a memory zone may have freed them)
        for i, form in zip(todo.tolist(), map(tuple, keys[todo, :3].tolist())):
            lemma = first_lemmas.get(form)
            if lemma is None:
                lemma = self.lemmatize(doc[i])[0]
                if form[1]:  # no part of speech: spaCy warns each time, so no shortcut
                    first_lemmas[form] = lemma
            lemma_id = ids.get(lemma)
            if lemma_id is None:
                lemma_id = ids[lemma] = add(lemma)
            lemmas[i] = lemma_id
        doc.from_array([LEMMA], lemmas)


def use_array_pipes(nlp: Language) -> Language:
    """Switch ``nlp``'s attribute ruler and English rule lemmatizer to the array
    versions above, in place, and return ``nlp``.

    Only components that are exactly spaCy's :class:`~spacy.pipeline.AttributeRuler`
    and :class:`~spacy.lang.en.lemmatizer.EnglishLemmatizer` are switched (a subclass
    may behave differently); everything they hold stays as it is.
    """
    for _, component in nlp.pipeline:
        if type(component) is AttributeRuler:
            component.__class__ = ArrayAttributeRuler
        elif type(component) is EnglishLemmatizer:
            component.__class__ = ArrayLemmatizer
    return nlp
