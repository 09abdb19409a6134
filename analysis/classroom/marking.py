"""Marking a student's claim cards against an exercise key, in plain words.

Everything here works from the key (``teacher/key.json``, see
:func:`analysis.classroom.exercises.exercise_key`) and the student's answers: no
analysis runs, so marking is quick and gives the same verdicts wherever it runs.

How each field is marked (points: 2 for the key's answer, 1 for an accepted alternative):

- ``status`` and ``source_type``: the key's answer, or one of the card's accepted
  alternatives (from :data:`analysis.vocabulary.DEFENSIBLE_ANSWERS`: "reported" for a
  claim a named source confirmed, never the other way round).
- ``source``: any form the article uses for the source ("Defence Secretary Lloyd
  Austin", "Austin"), with or without a title, "the" or a first name, in British or
  American spelling, with straight or curly apostrophes, one or many ("an analyst" for
  "analysts"), a name's initials ("UKIP") or a known short form ("NYT", "CEO")
  (:func:`same_source`); not a piece that names something else ("New York", "Office",
  "Mr"). A claim nobody is given for takes "the writer", "nobody" and the like.
- ``surer`` and ``cite`` (a comparison card, :mod:`analysis.classroom.coverage`): the
  article letter the key gives, "same", "either" or "neither", or an accepted alternative; "article
  b" counts as "B".
- ``evidence`` (a comparison card): like ``cues``, any one deciding word of either sentence.
- ``cues``: one of the words the worksheet's definitions teach for the status: the
  reporting verb for a reported claim, the hedge for a hedged one, in any form ("said"
  for "says", "do not know" for "don't know") (:func:`cue_matches`).
  Approximate numbers ("thousands") are never required. Cues may be one string
  ("said; may") or a list.

Feedback is written for a student: one or two sentences per field, no rule names or
character offsets (those stay in the teacher's view).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from functools import lru_cache

from analysis.lexicon import load_lexicon
from analysis.vocabulary import SOURCE_TYPE, STATUS

__all__ = [
    "FIELDS",
    "MARKED_FIELDS",
    "POINTS",
    "normalise_words",
    "compared_form",
    "same_source",
    "split_cues",
    "cue_matches",
    "mark_card",
    "mark_student",
]

#: What a student fills in for each claim card.
FIELDS = ("status", "source", "source_type", "cues")
#: A comparison card's fields that are a choice of article, with how feedback names them.
OPTION_FIELDS = {"surer": "which article puts it more surely", "cite": "which article you would cite"}
#: Fields answered with words from the text: a claim card's cues, a comparison card's evidence.
WORD_FIELDS = frozenset({"cues", "evidence"})
#: Every field a key's card can ask to be marked: a claim card's, then a comparison card's.
MARKED_FIELDS = (*FIELDS, "surer", "evidence", "cite")
#: Words a student may give for a claim nobody is cited for.
NOBODY_FORMS = ("author", "the writer", "the reporter", "the journalist", "the article", "nobody", "no one",
                "none", "no source", "not said", "not given", "unknown", "no source given", "nobody named",
                "no one named", "the writer's own claim", "the writer's own", "own claim", "the journalist's own",
                "the journalist's own claim", "the reporter's own", "the reporter's own claim", "nobody is named",
                "no one is named", "not named", "no name", "the article does not say", "no one says")  # fmt: skip
#: Points for the key's own answer and for an accepted alternative.
POINTS = {"best": 2, "accepted": 1, "wrong": 0, "missing": 0}

#: Words that carry no identity in a source's name.
_NOISE = frozenset({"the", "a", "an", "s", "of"})
#: British spellings written as American ones on both sides of a comparison, so either
#: spelling matches ("organisation", "Defence Secretary").
_SPELLING = (
    (re.compile(r"isation"), "ization"),
    (re.compile(r"ise(d|s)?$"), r"ize\1"),
    (re.compile(r"^(defen|offen|licen|pretens)ce$"), r"\1se"),
    (re.compile(r"(\w{3})our(s|ed|ing)?$"), r"\1or\2"),
    (re.compile(r"(\w{2})tre$"), r"\1ter"),
    (re.compile(r"^programme$"), "program"),
    # One word for one speaker or one thing, whichever the student writes.
    (re.compile(r"^spokes(man|woman|men|women|people)$"), "spokesperson"),
    (re.compile(r"^(video|videotape|tape)$"), "footage"),
    (re.compile(r"^company$"), "firm"), (re.compile(r"^companies$"), "firms"),
)


def _plain(text: str) -> str:
    """Lower case, curly quotes and apostrophes made straight, accents dropped
    ("Castaignède" is "castaignede", as the article may write it), dotted abbreviations
    closed up ("U.S." is "us", "F.B.I." is "fbi")."""
    text = unicodedata.normalize("NFKD", str(text))
    text = unicodedata.normalize("NFKC", "".join(c for c in text if not unicodedata.combining(c))).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\b((?:[a-z]\.){2,})", lambda m: m.group(1).replace(".", "") + " ", text)


@lru_cache(maxsize=1)
def _short_forms() -> dict[str, set[tuple[str, ...]]]:
    """Each known short form's words and the long forms it stands for, both ways ("nyt"
    and "new york times"; ``lexicons/short_forms.csv``)."""
    table: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for row in load_lexicon("short_forms").itertuples(index=False):
        short, long = tuple(normalise_words(row.short)), tuple(normalise_words(row.long))
        table.setdefault(short, set()).add(long)
        table.setdefault(long, set()).add(short)
    return table


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    """The last word of every title of ``lexicons/titles.csv`` ("secretary", "minister",
    "director"): a post that names its holder ("the Defence Secretary", "the FBI director")."""
    titles = load_lexicon("titles")
    # An honorific ("Mr", "Dr", "Sir") names nobody on its own: no post.
    posts = titles[~titles["category"].isin(["honorific", "royal_religious"])]["title"]
    return frozenset(w[-1] for w in (normalise_words(t) for t in posts) if w)


@lru_cache(maxsize=1)
def _document_heads() -> frozenset[str]:
    """The document nouns of ``lexicons/source_nouns.csv`` ("figure", "report", "survey"),
    as answers are compared: a document named without its maker names nobody."""
    table = load_lexicon("source_nouns")
    return frozenset(_singular([compared_form(str(w).lower()) for w in table.loc[table["category"] == "document", "cue"]]))


@lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    """ "mr", "mrs", "dr", "prof" (``lexicons/titles.csv``, category honorific): words a
    student may put before a surname ("Mr Blair" for "Tony Blair")."""
    titles = load_lexicon("titles")
    return frozenset(w for t in titles.loc[titles["category"] == "honorific", "title"] for w in normalise_words(t))


#: Words that make a post another person's: "the speaker" is not "the deputy speaker",
#: "the chancellor" not "the shadow chancellor".
_OTHER_HOLDER = frozenset({"deputy", "vice", "former", "ex", "shadow", "acting", "assistant", "junior", "co", "under"})
@lru_cache(maxsize=1)
def _long_titles() -> tuple[tuple[str, ...], ...]:
    """Titles of two words or more, as compared ("attorney", "general"; ``lexicons/titles.csv``)."""
    titles = {tuple(normalise_words(str(t))) for t in load_lexicon("titles")["title"]}
    return tuple(t for t in titles if len(t) >= 2)


def _half_a_title(words: list[str], said: set[str]) -> bool:
    """Whether the student gives only part of a title of two words or more in the form
    ("general" or "attorney" for "the attorney general"): another post, or none."""
    for title in _long_titles():
        n = len(title)
        if any(tuple(words[k : k + n]) == title for k in range(len(words) - n + 1)) and said & set(title) and not set(title) <= said:
            return True
    return False


def _other_holder(words: list[str], said: set[str]) -> bool:
    """Whether the student's words leave out a word that makes the post another
    person's, right before a word they give ("speaker" of "deputy speaker")."""
    return any(w in _OTHER_HOLDER and w not in said and k + 1 < len(words) and words[k + 1] in said for k, w in enumerate(words))


#: Words after which a name's head has come ("Officials in Moscow": the head is "officials").
_AFTER_HEAD = frozenset({"in", "at", "for", "from", "with", "on", "to"})
#: Heads of a body's name, where a title word is part of the name ("the Justice Department").
_BODY_HEADS = frozenset({"department", "ministry", "office", "agency", "bureau", "committee", "council", "court", "party",
                         "service", "commission", "board", "authority", "administration", "house", "company", "group"})  # fmt: skip


#: Letters after a name that are no part of who it is ("Guy Mansfield QC").
_POSTNOMINALS = frozenset({"qc", "kc", "mp", "msp", "mep", "jr", "sr", "obe", "mbe", "cbe", "phd"})
#: Words of a body's or a law's name that name nothing alone ("Office" of the Home Office).
_GENERIC_HEADS = _BODY_HEADS | frozenset({"act", "law", "bill", "treaty", "council", "association", "union", "institute"})


def _head(words: list[str]) -> str:
    """A name's head word: the last word before "of", "in", "at", "for"... ("officials" of
    "officials in Moscow", "chairman" of "chairman of the Bar Council"), else the last
    word that is not letters after a name ("Mansfield" of "Guy Mansfield QC")."""
    cut = next((i for i, w in enumerate(words) if w in _AFTER_HEAD and i > 0), len(words))
    while cut > 1 and words[cut - 1] in _POSTNOMINALS:
        cut -= 1
    return words[cut - 1]


#: Words that head a post "of" something ("head of research", "chairman of the Bar Council").
_POST_HEADS = frozenset({"head", "chief", "leader", "member", "chairman", "chairwoman", "chair", "president", "director",
                         "secretary", "spokesman", "spokeswoman", "spokesperson", "governor", "minister", "editor",
                         "officer", "executive", "manager", "founder", "partner", "professor", "analyst", "economist",
                         "commissioner", "adviser", "advisor", "deputy", "correspondent", "general"})  # fmt: skip


def _head_words(text: str) -> list[str]:
    """:func:`normalise_words` with the "of" after a post kept (as "in"), for finding a
    name's head: "chairman of the Bar Council" is a chairman, while "Bank of England
    deputy governor Rachel Lomax" is Rachel Lomax."""
    marked = re.sub(r"\b(\w+)\s+of\b", lambda m: f"{m.group(1)} in" if m.group(1).lower() in _POST_HEADS else m.group(0), str(text))
    return normalise_words(marked)


def _variants(words: list[str]) -> list[list[str]]:
    """A name's words, and the same with a known short form written out or shortened
    (the whole name or a run inside it: "nyt", "new york times"; "fbi officials",
    "federal bureau investigation officials")."""
    out = [words]
    table = _short_forms()
    for size in range(len(words), 0, -1):
        for start in range(len(words) - size + 1):
            for other in table.get(tuple(words[start : start + size]), ()):
                out.append(words[:start] + list(other) + words[start + size :])
    return out


def normalise_words(text: str) -> list[str]:
    """The words of a name or phrase as they are compared: lower case, no possessive
    's, no "the"/"a"/"of", American spelling."""
    # "O'Sullivan" is one word ("Sullivan" is another name); a possessive 's is dropped first.
    words = re.findall(r"\w+(?:'\w+)*", re.sub(r"'s\b", "", _plain(text)))
    return [compared_form(word) for word in words if word not in _NOISE]


def compared_form(word: str) -> str:
    """One lower-case word as answers are compared: in American spelling
    ("organisation" is "organization"), one word for a spokesperson or a video."""
    for pattern, replacement in _SPELLING:
        word = pattern.sub(replacement, word)
    return word


def _singular(words: list[str]) -> list[str]:
    """Words with a plural -s dropped ("analysts" as "analyst"; "us", "press" kept), so a
    source's number does not decide ("an analyst" for "analysts")."""
    # "mps" is "mp" too: a plural of initials.
    return [w[:-1] if (len(w) > 3 or (len(w) == 3 and not set(w[:2]) & set("aeiouy"))) and w.endswith("s") and not w.endswith("ss")
            else w for w in words]  # fmt: skip


def _initials(form: str, *, small_words: bool = False) -> str:
    """A name's initials as one word ("ukip" of "UK Independence Party", "fbi" of "Federal
    Bureau of Investigation"; with ``small_words``, "boe" of "Bank of England"): a word in
    capitals gives itself, any other its first letter."""
    words = [w for w in re.findall(r"[^\W\d_]+", unicodedata.normalize("NFKC", str(form)))
             if w.lower() not in _NOISE | {"and"} or (small_words and w.lower() in ("of", "and"))]  # fmt: skip
    return "".join(w.lower() if w.isupper() and len(w) > 1 else w[0].lower() for w in words)


def _is_initials_of(short: str, form: str) -> bool:
    """Whether ``short`` (one word, at least two letters) is the initials of ``form`` (of
    at least two words): "UKIP" for "UK Independence Party", "BoE" for "Bank of England"."""
    short = re.sub(r"^the\s+", "", _plain(short).strip()).replace(".", "")  # "the IRB"
    return (bool(re.fullmatch(r"[a-z]{2,}", short)) and len(normalise_words(form)) >= 2
            and short in (_initials(form), _initials(form, small_words=True)))  # fmt: skip


def same_source(given: str, forms: Iterable[str]) -> bool:
    """Whether a student's source names one of ``forms`` (the words the article uses for
    it), after :func:`normalise_words` (case, "the", possessives, spelling, "U.S." as
    "US") and with known short forms written out ("NYT", "F.B.I."; ``lexicons/short_forms.csv``):
    the student's words are all in one form and include its head word ("Austin" for
    "Lloyd Austin", "the official" for "a senior US military official", "officials" for
    "Officials in Moscow") or end in a post ("the Defence Secretary", "the FBI director");
    or a whole form is in the student's words ("Lloyd Austin, the defence secretary"). A
    piece of a name is not the name ("New York" for "The New York Times", "Lloyd" for
    "Lloyd Austin", "Moscow" for "Officials in Moscow", "Justice" for "the Justice
    Department")."""
    student = normalise_words(given)
    if not student or _surname_in_another_name(given, forms) or _names_someone_else_too(given, forms):
        return False
    # A name with the body the article says it is of ("Ms Ferstman of Redress"): the name
    # must be the source, and the body words the article's own for it.
    with_body = re.match(r"^(.+?)\s+(?:of|at|from)\s+(.+)$", str(given).strip())
    if with_body and not re.search(r"\b(?:of|at|from)\b", with_body.group(1)):
        form_words = {w for form in forms for w in normalise_words(form)}
        body = set(normalise_words(with_body.group(2)))
        if body and body <= form_words and same_source(with_body.group(1), forms):
            return True
    # A name the student writes as someone's ("Dergarabedian's firm") names what belongs
    # to them, not them.
    # ("Jones's attorney", "Jones' lawyer": compared as the forms are, plural -s dropped.)
    possessors = re.findall(r"([\w.-]+)['’]s\b|([\w.-]+s)['’](?=\s)", str(given))
    owners = set(_singular(normalise_words(" ".join(a or b for a, b in possessors))))
    owned = bool(owners) and normalise_words(re.sub(r"^.*(?:['’]s\b|s['’](?=\s))", "", str(given)))
    # A name in apposition is a form of its own ("The Shadow Secretary of State for the
    # Family, Theresa May": "Theresa May").
    forms = [part for form in forms for part in dict.fromkeys([form, *str(form).split(", ")]) if part.strip()]
    # A name's initials, either way round ("UKIP" for "UK Independence Party").
    if any(_is_initials_of(given, form) or _is_initials_of(form, given) for form in forms):
        return True
    if _knight_by_first_name(student, forms) or _description_of_name(student, forms):
        return True
    # "Mr Blair" for "Tony Blair": the honorific says who, the surname is the name.
    bare = student[1:] if len(student) > 1 and student[0] in _honorifics() else None
    for as_said in [*_variants(student), *(_variants(bare) if bare else []), *_initials_written_out(student, forms)]:
        said_words = _singular(as_said)
        said = set(said_words)
        for form in forms:
            # A name in the form: a student may say more ("Lloyd Austin, the defence
            # secretary"); a description alone ("analysts") may not be made particular
            # ("Renaissance Capital analysts" is someone else).
            named = any(c.isupper() for c in re.sub(r"^(?:the|a|an)\s+", "", str(form), flags=re.IGNORECASE))  # not "The party"
            # Whose the source is, when the form says so ("Tony Blair's" spokesman).
            owner_text = re.match(r"^(.*)['’]s\b", str(form))
            form_owner = set(_singular(normalise_words(owner_text.group(1)))) if owner_text else set()
            # The names in a document's phrase (its maker), its first word aside.
            makers = set(_singular(normalise_words(" ".join(w for w in str(form).split()[1:] if w[:1].isupper()))))
            form_head = _singular([_head(_head_words(form))])[0] if normalise_words(form) else ""
            for words in _variants(normalise_words(form)):
                words = _singular(words)
                if not words:
                    continue
                head = form_head if form_head in words else _head(words)
                if len(said) == 1 and head in said and head in _GENERIC_HEADS and len(words) > 1:
                    continue  # "Office" for "the Home Office", "Act" for "the Securities Trading Act"
                if head in _document_heads() and makers and not said & makers:
                    continue  # "recent figures" for "Recent figures from the UK's regulator Ofcom": whose?
                if form_owner and said <= form_owner and head not in said:
                    continue  # "the Prime Minister" for "Prime Minister Tony Blair's official spokesman": his boss
                # A post in place of its holder's name ("the Defence Secretary" for
                # "Defence Secretary Lloyd Austin"), not a word of a body's name ("Justice").
                post = as_said[-1] in _role_words() | _POST_HEADS and head not in _BODY_HEADS
                # Half of a hyphenated name is not the name ("Secure" for "F-Secure", "Silk" for "Kilroy-Silk").
                whole = _hyphenated_parts(str(form), head) <= said
                if said <= set(words) and (head in said or post) and whole and not _other_holder(words, said) \
                        and not _half_a_title(words, said) and not (owned and head in owners):
                    return True  # (not "Pound's agency" for "World Anti-Doping Agency chief Dick Pound")
                # One more word may describe ("senior officials"), but before a body's noun it
                # names another body ("the Labour Party" for "the party").
                described = said_words[-1] == words[-1] and len(said) <= len(words) + 1 and not (said - set(words) and head in _GENERIC_HEADS)
                if set(words) <= said and (named or described):
                    if owned and set(words) <= owners and not set(owned) <= _STATE_WORDS:
                        continue  # "Dergarabedian's firm" is not Dergarabedian ("Cameroon's government" is Cameroon)
                    return True
    return False


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """Words for a people ("irish", "french"; ``lexicons/demonyms.csv``), as compared."""
    return frozenset(compared_form(str(w).lower()) for w in load_lexicon("demonyms")["demonym"])


def _surname_in_another_name(given: str, forms: list[str]) -> bool:
    """Whether the student's words use the source's surname, which the article also
    gives alone, as part of something else: another name, when a capitalised word the
    article never uses for the source follows it ("Irish Times" or "Irish Christmas" for
    Oliver Irish), or a people ("the Irish"). A post after it still names the source
    ("Blair Prime Minister")."""
    names = [normalise_words(f) for f in forms]
    surnames = {words[-1] for words in names if len(words) >= 2} & {words[0] for words in names if len(words) == 1}
    if not surnames:
        return False
    form_words = {w for words in names for w in words}
    raw = re.findall(r"[\w'’.?!-]+", str(given))
    for k, word in enumerate(raw):
        said = normalise_words(word)
        if said != [w for w in said if w in surnames] or not said:
            continue
        after = raw[k + 1] if k + 1 < len(raw) else ""
        after_words = set(normalise_words(after))
        if after[:1].isupper() and after_words and not after_words <= form_words and not after_words & _role_words():
            return True
        if len(raw) == 2 and k == 1 and raw[0].lower() == "the" and said[0] in _demonyms():
            return True
    return False


@lru_cache(maxsize=1)
def title_and_place_words() -> frozenset[str]:
    """Words of titles, places and peoples as compared ("prime", "minister", "united",
    "states", "irish"): a student may add them to a name without naming anyone else, and
    lateral reading does not widen a name over them."""
    titles = {w for t in load_lexicon("titles")["title"] for w in normalise_words(str(t))}
    places = {w for t in load_lexicon("places")["name"] for w in normalise_words(str(t))}
    return frozenset(titles | places | set(_demonyms()))


def _names_someone_else_too(given: str, forms: list[str]) -> bool:
    """Whether the student's words name another body or person beside the source: one
    joined by "and" ("HSBC and Standard Chartered"), or a name of two or more capitalised
    words the article never uses for the source ("Standard Chartered chief executive
    Mervyn Davies" for the bank, "Oliver Irish of What Hi-Fi?"). A title or a place
    ("Prime Minister", "the United States") names no one else."""
    if any(_is_initials_of(str(f), given) for f in forms):
        return False  # the long name of a short form ("the Entertainment and Leisure ... Association" for "Elspa")
    # The forms' words, with known short forms written out ("Liberal Democrats" of "Lib Dems").
    form_words = {w for f in forms for variant in _variants(normalise_words(f)) for w in [*variant, *_singular(variant)]}
    if not any(re.search(r"\band\b|&", str(f)) for f in forms):
        parts = [p.strip() for p in re.split(r"\s+(?:and|&)\s+", str(given)) if p.strip()]
        if len(parts) > 1 and any(p[:1].isupper() and normalise_words(p) and not set(normalise_words(p)) <= form_words for p in parts):
            return True
    for run in re.findall(r"(?:[A-Z][\w'’.?!-]*\s+){1,3}[A-Z][\w'’.?!-]*", str(given)):
        if re.search(r"['’]s?$", run):
            continue  # "Mr Galloway's spokesman": whose the source is, not another source
        words = set(normalise_words(run))
        if words and not words & form_words and not words <= title_and_place_words() | _honorifics():
            return True
    return False


def _initials_written_out(student: list[str], forms: list[str]) -> list[list[str]]:
    """The student's words with a word that spells the initials of a name inside a form
    written out ("the WADA chief" for "World Anti-Doping Agency chief Dick Pound")."""
    out = []
    for form in forms:
        for run in re.findall(r"(?:[A-Z][\w'’-]*\s+){2,}[A-Z][\w'’-]*|(?:[A-Z][\w'’-]*-){1,}[A-Z][\w'’-]*\s+[A-Z][\w'’-]*", str(form)):
            short = _initials(run)
            if len(short) >= 2 and short in student:
                k = student.index(short)
                out.append(student[:k] + normalise_words(run) + student[k + 1 :])
    return out


#: What a country speaks through: "Cameroon's government" is Cameroon as a source.
_STATE_WORDS = frozenset({"government", "authority", "authorities", "administration", "state", "officials", "official"})


def _knight_by_first_name(student: list[str], forms: list[str]) -> bool:
    """ "Sir Alex" for "Sir Alex Ferguson": a knight or dame is called by the first name."""
    return len(student) == 2 and student[0] in ("sir", "dame") and any(_phrase_in(student, normalise_words(f)) for f in forms)


def _description_of_name(student: list[str], forms: list[str]) -> bool:
    """The student's words are the description the article puts before a name it also
    gives alone ("Wales number eight" of "Wales number eight Michael Owen", with "Michael
    Owen" a form too)."""
    for form in forms:
        for name in forms:
            if name != form and len(normalise_words(name)) >= 2 and str(form).endswith(" " + str(name)):
                before = normalise_words(str(form)[: -len(str(name))])
                while before and before[-1] in _honorifics():
                    before = before[:-1]  # "Theatre impresario Sir" of "... Sir Cameron Mackintosh"
                if len(before) >= 2 and student == before:
                    return True
    return False


def _hyphenated_parts(form: str, head: str) -> set[str]:
    """The parts of the hyphenated word of ``form`` that ends in its head word, as
    compared ("f", "secure" of "F-Secure"), or none."""
    for word in re.findall(r"[\w']+(?:-[\w']+)+", _plain(form)):
        parts = set(_singular([compared_form(part) for part in word.split("-")]))
        if head in parts:
            return parts
    return set()


def written_differently(given: str, forms: Iterable[str]) -> bool:
    """Whether a right answer is written other than any way the article writes it (the
    feedback then says "Right (written differently)")."""
    key = " ".join(str(given).split()).casefold().removeprefix("the ").strip(" .")
    return all(key != " ".join(str(f).split()).casefold().removeprefix("the ").strip(" .") for f in forms)


#: What a student or a teacher writes for "no cue words" (the worksheet's own word is "none").
NO_CUE_WORDS = frozenset({"none", "no cue", "no cues", "no cue words", "nothing", "-", "n/a", "no word", "no words"})


def split_cues(value) -> list[str]:
    """A student's cue words as a list: one string is split at ``;``, ``,``, ``/`` or a
    new line; quotation marks around a word are dropped."""
    if value is None:
        return []
    if isinstance(value, str) and value.strip().lower() in NO_CUE_WORDS:
        return [value.strip()]  # "n/a" is one answer, not "n" and "a"
    items = value if isinstance(value, (list, tuple)) else re.split(r"[;,/\n]", str(value))
    cleaned = [unicodedata.normalize("NFKC", str(item)).strip().strip("\"'\u201c\u201d\u2018\u2019").strip() for item in items if item is not None]
    return [c for c in cleaned if c]


def _phrase_in(short: list[str], long: list[str]) -> bool:
    n = len(short)
    return n > 0 and any(long[i : i + n] == short for i in range(len(long) - n + 1))


#: Words that carry no meaning of a cue on their own ("don't" of "don't know").
_FUNCTION_WORDS = frozenset({"don't", "do", "does", "did", "not", "no", "to", "be", "is", "are", "was", "were", "been", "has",
                             "have", "had", "or", "and", "it", "that", "would", "will", "can", "cannot", "can't", "won't",
                             "didn't", "doesn't", "isn't", "wasn't", "a", "the"})  # fmt: skip


#: Particles that make a phrasal verb another verb ("call on", "rule out", "back up").
_PARTICLES = frozenset({"on", "up", "out", "off", "for", "in", "down", "back", "over", "away"})


def cue_matches(given: str, forms: Iterable[str]) -> bool:
    """Whether one cue a student gave is one of the key's cue words: the word itself or
    its dictionary form ("says" for "said", "refuse to confirm" for "refused to confirm"),
    part of a longer cue that keeps its first word and a word of meaning ("refused to
    confirm" for "refused to confirm or deny", not "don't" for "don't know"), or a phrase
    around it ("has confirmed")."""
    student = _cue_words(given)
    if not student:
        return False
    for words in (variant for form in forms for variant in _cue_variants(_cue_words(form))):
        # A shorter phrase keeps the cue's first word and a word that carries meaning
        # ("refused to confirm" for "refused to confirm or deny"; not "don't" for "don't know").
        fragment = _phrase_in(student, words) and student[0] == words[0] and (student == words or bool(set(student) - _FUNCTION_WORDS))
        # A verb without its particle is another verb ("called" for "called on").
        fragment = fragment and not (len(words) == len(student) + 1 and words[-1] in _PARTICLES)
        # A phrase around the cue ("has confirmed"), but not the cue as a noun ("have a say" for "said").
        around = _phrase_in(words, student) and not any(student[k] in ("a", "an", "the") and student[k + 1 : k + 1 + len(words)] == words
                                                        for k in range(len(student) - len(words)))  # fmt: skip
        if student == words or fragment or around:
            return True
        if len(student) == len(words) and all(_same_lemma(a, b) for a, b in zip(student, words)):
            # Not a label's name for an adverb ("reported" for "reportedly"): a status, not the word.
            return not (len(student) == 1 and student[0] in STATUS and words[0].endswith("ly"))
        if len(student) == len(words) > 1 and all(_same_lemma(_MODAL_FORMS.get(a, a), _MODAL_FORMS.get(b, b)) for a, b in zip(student, words)):
            return True  # "could not say" for "can't say"
    return False


#: Contractions written out, so "do not know" and "don't know" are one cue.
_CONTRACTIONS = ((re.compile(r"\bwon't\b"), "will not"), (re.compile(r"\bcan't\b"), "can not"), (re.compile(r"\bcannot\b"), "can not"),
                 (re.compile(r"n't\b"), " not"))  # fmt: skip


def _cue_words(text: str) -> list[str]:
    """A cue's words as compared: contractions written out, American spelling ("rumors"
    for "rumours")."""
    plain = _plain(text)
    for pattern, replacement in _CONTRACTIONS:
        plain = pattern.sub(replacement, plain)
    return [compared_form(word) for word in re.findall(r"[\w']+", plain)]


#: Words that open an impersonal cue and carry none of its meaning ("it seems", "it is
#: thought", "there are reports").
_IMPERSONAL_OPENING = frozenset({"it", "there"})
_AUXILIARIES = frozenset({"is", "was", "has", "had", "have", "been", "be", "are", "were"})


def _cue_variants(words: list[str]) -> list[list[str]]:
    """A key's cue and, for an impersonal one, its meaningful words alone: "seems" for
    "it seems", "thought" for "it is thought"."""
    variants = [words] if words else []
    if len(words) > 1 and words[0] in _IMPERSONAL_OPENING:
        rest = words[1:]
        while len(rest) > 1 and rest[0] in _AUXILIARIES:
            rest = rest[1:]
        variants.append(rest)
    return variants


#: Past forms of reporting verbs that no suffix rule finds ("said" is "say").
_IRREGULAR = {"said": "say", "told": "tell", "thought": "think", "wrote": "write", "spoke": "speak", "knew": "know",
              "felt": "feel", "held": "hold", "gave": "give", "made": "make", "saw": "see", "found": "find",
              "heard": "hear", "taught": "teach", "understood": "understand", "foresaw": "foresee"}  # fmt: skip
#: Modal verbs that are one in a longer cue ("could not say" for "can't say"); alone,
#: "can" is no hedge like "could".
_MODAL_FORMS = {"could": "can"}


def _same_lemma(a: str, b: str) -> bool:
    """Whether the student's word ``a`` is a form of the key's word ``b`` ("warns",
    "warned", "warning"; "confirm", "confirmed"; "said", "says"; "alleged" for the key's
    "allegedly", not "admittedly" for its "admitted"; "can't", "couldn't"): a simple suffix
    check and the forms of :data:`_IRREGULAR`, enough for the cue words a key holds."""
    a, b = _IRREGULAR.get(a, a), _IRREGULAR.get(b, b)

    def stems(word: str, *, adverb: bool) -> set[str]:
        if adverb and word.endswith("bly"):
            word = word[:-1] + "e"  # the key's "probably" is "probable"
        elif adverb and word.endswith("ly") and len(word) > 6:
            word = word[:-2]  # the key's "allegedly" is "alleged"
        if word.endswith("ions"):
            word = word[:-1]  # "allegations" is "allegation"
        if word.endswith(("ied", "ies")) and len(word) >= 5:
            return {word[:-3] + "y"}  # "denied", "denies" are "deny" (not "den" or "deni", fragments)
        found = {word[: -len(suffix)].rstrip("e") for suffix in ("ing", "ed", "es", "s", "d")
                 if word.endswith(suffix) and len(word) - len(suffix) >= 3}  # fmt: skip
        # A noun of the verb: "speculation" is "speculated", "confirmation" is "confirmed".
        found |= {word[: -len(suffix)] for suffix in ("ation", "ion") if word.endswith(suffix) and len(word) - len(suffix) >= 4}
        return found or {word.rstrip("e")}

    return a == b or bool(stems(a, adverb=False) & stems(b, adverb=True))


def _given(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value if v is not None and str(v).strip())
    return str(value).strip()


def _mark_choice(field: str, given: str, answer: dict, explain: str) -> tuple[str, int, str]:
    """Status or source type: best, an accepted alternative, wrong or missing."""
    best = answer["best"]
    labels = STATUS if field == "status" else SOURCE_TYPE
    name = "status" if field == "status" else "source type"
    choice = " ".join(normalise_words(given)) if given.strip() else ""
    if not choice:
        return "missing", 0, f"You left the {name} empty. The answer is *{best}*. {explain}"
    if choice == best:
        # "Yes: *author*. Nobody but the writer ...", not "Yes: *author*. *Author*: Nobody ...".
        return "best", POINTS["best"], f"Yes: *{best}*. {explain.removeprefix(f'*{best.capitalize()}*: ')}"
    if choice in answer.get("also", []):
        # What the student's own label means, not the explanation of the key's first one.
        return "best", POINTS["best"], (f"Yes: *{choice}*. The key takes *{best}* and *{choice}* alike here. "
                                        f"*{choice.capitalize()}*: {labels.describe(choice)}")  # fmt: skip
    if choice in answer.get("accepted", {}):
        reason = answer["accepted"][choice]
        return "accepted", POINTS["accepted"], (f"You said *{choice}*. {explain} *{choice.capitalize()}* is accepted "
                                                f"({reason}), but *{best}* fits better.")  # fmt: skip
    if choice not in labels:
        return "wrong", 0, f"*{given}* is not one of the {'statuses' if field == 'status' else 'source types'} on the worksheet. The answer is *{best}*. {explain}"
    return "wrong", 0, f"You said *{choice}*, but the answer is *{best}*. {explain}"


def _option(value: str) -> str:
    """A comparison card's choice as compared: "article B", "b" and "B" are "B"; "both
    the same" is "same"."""
    words = re.findall(r"\w+", _plain(value))
    words = [w for w in words if w not in {"article", "the", "both", "outlet"}]
    if len(words) == 1 and len(words[0]) == 1:
        return words[0].upper()
    # "neither until I check it", "either will do": the option's first word.
    if words[:1] in (["neither"], ["either"]):
        return words[0]
    # "they do not tell the same claim", "not the same", "different claims": the card's
    # two sentences are about different things.
    if words[:1] == ["different"] or ("not" in words and ("same" in words or "claim" in words)):
        return "different"
    return " ".join(words)


#: How feedback names the options of a comparison card that are not an article.
OPTION_WORDS = {"same": "the same", "either": "either", "neither": "neither until it is checked",
                "different": "they do not tell the same claim"}  # fmt: skip


def _mark_option(field: str, given: str, answer: dict | None, explain: str) -> tuple[str, int, str] | None:
    """A comparison card's choice (which article is surer, which to cite): the key's
    answer, an accepted alternative, wrong or missing; None (not marked) where the key
    has no answer (which to cite, on a card whose sentences tell different claims)."""
    if answer is None:
        return None
    best = answer["best"]
    shown = {c: OPTION_WORDS.get(c, c if len(c) > 1 else f"article {c}") for c in answer.get("choices", [])}
    name = OPTION_FIELDS[field]
    if not given.strip():
        return "missing", 0, f"You left {name} empty. The answer is *{shown.get(best, best)}*. {explain}"
    choice = _option(given)
    if choice == best:
        return "best", POINTS["best"], f"Yes: *{shown.get(best, best)}*. {explain}"
    if choice in answer.get("accepted", {}):
        return "accepted", POINTS["accepted"], (f"You said *{shown.get(choice, choice)}*. {explain} That is accepted "
                                                f"({answer['accepted'][choice]}), but *{shown.get(best, best)}* fits better.")  # fmt: skip
    return "wrong", 0, f"You said *{given}*, but the answer is *{shown.get(best, best)}*. {explain}"


def _names_the_source(given: str, forms: list[str]) -> bool:
    """Whether the student's words name the key's source: a name or description by
    :func:`same_source`; the writer or "nobody" only as a whole answer ("the writer", not
    "virus writers")."""
    # "the writers own claim": a possessive without its apostrophe is still the writer's.
    nobody = [_singular(normalise_words(f)) for f in forms if f in NOBODY_FORMS]
    # "nobody, the journalist": each part one of the writer's forms.
    # "nobody, the journalist", "the writer (no source)", "nobody - it's the journalist".
    parts = [_singular(normalise_words(p)) for p in re.split(r"[,;/()]|\s[-\u2013\u2014]\s|\bor\b|\band\b|\bit'?s\b", str(given))
             if normalise_words(p)]  # fmt: skip
    writer = [part for part in parts if part in nobody or _the_writer_described(part)]
    # "writer (BBC)": a part about the writing beside a part that names the writer.
    if nobody and writer and all(part in writer or set(part) <= _WRITING_WORDS for part in parts):
        return True
    return same_source(given, [f for f in forms if f not in NOBODY_FORMS])


#: Words a student may put around "the writer" ("the obituary writer", "the BBC journalist",
#: "the author of the article"), which still mean the writer.
_WRITER_NOUNS = frozenset({"writer", "journalist", "reporter", "author", "correspondent"})
_WRITING_WORDS = frozenset({"obituary", "article", "story", "piece", "report", "text", "news", "bbc", "own", "claim"})


def _the_writer_described(words: list[str]) -> bool:
    """Whether compared words name the writer with words about the writing around them
    ("obituary writer", "writer of the obituary", "bbc journalist")."""
    return bool(words) and bool(set(words) & _WRITER_NOUNS) and set(words) <= _WRITER_NOUNS | _WRITING_WORDS


def _mark_source(given: str, answer: dict, explain: str, *, sentence: str = "") -> tuple[str, int, str]:
    if not given:
        return "missing", 0, f"You left the source empty. {explain}"
    if _names_the_source(given, answer["forms"]):
        # The writer's own claims have no words in the article to show ("the article
        # writes *author*" would name a label, not the text).
        if written_differently(given, answer["forms"]) and "author" not in answer["forms"]:
            # The words the card's own sentence uses ("the French coach"), else the key's name.
            in_sentence = sorted((f for f in answer["forms"] if f and f in sentence), key=len, reverse=True)
            shown = in_sentence[0] if in_sentence else answer["best"] if answer.get("best") in answer["forms"] else answer["forms"][0]
            return "best", POINTS["best"], f"Right (written differently): the article writes *{shown}*. {explain}"
        return "best", POINTS["best"], f"Yes. {explain}"
    near = next((reason for form, reason in (answer.get("nearby") or {}).items() if same_source(given, [form])), None)
    if near is not None:
        closely = near.startswith(("the sentence itself", "the article takes"))
        best = str(answer.get("best") or "the writer")
        holder = "the writer" if best.lower() in NOBODY_FORMS else best
        how = "You read the sentence closely" if closely else "You read around the sentence, as the worksheet asks"
        return "accepted", POINTS["accepted"], (f"You said *{given}*. {how}: "
                                                f"{near}. The key gives this sentence to {holder}; if you think the claim comes from "
                                                f"*{given}* too, show your teacher the words that say so. {explain}")  # fmt: skip
    # Why not, in words a student can use: the names the article gives the source (the
    # writer's own claims have no other name).
    names = [f for f in answer["forms"] if f[:1].isupper() and f.lower() not in ("author",)][:3]
    accepted = (f" The key takes any of: {', '.join(f'*{n}*' for n in names)}; your teacher may accept another fair answer."
                if names else " If you think your answer is fair too, show your teacher the words that say so.")  # fmt: skip
    return "wrong", 0, f"You said *{given}*. {explain}{accepted}"


def _mark_cues(given: list[str], answer: dict | None, explain: str) -> tuple[str, int, str] | None:
    if answer is None:
        return None  # no word decides this claim: the field is not marked
    if not given:
        return "missing", 0, f"You gave no cue words. {explain}"
    found = [g for g in given if cue_matches(g, answer["forms"])]
    if found:
        if answer.get("words") and not cue_matches(found[0], [str(w) for w in answer["words"]]):
            # "could" for a claim the key gives as "said": the student's word counts, and
            # the explanation that follows is about the key's words.
            # Said as a fact, not as advice to look elsewhere ("Yes ..., look for 'said'" reads as a no).
            words = [str(w) for w in answer["words"]]
            shown = " and ".join(f"“{w}”" for w in words)
            return "best", POINTS["best"], f"Yes: *{found[0]}* counts. The key's {'word is' if len(words) == 1 else 'words are'} {shown}."
        return "best", POINTS["best"], f"Yes: *{found[0]}*. {explain}"
    return "wrong", 0, f"You gave *{'; '.join(given)}*. {explain}"


def mark_card(card: dict, given: dict | None) -> list[dict]:
    """One row per field of one claim card (the card's ``fields``, else :data:`FIELDS`): field, given, verdict (``best``,
    ``accepted``, ``wrong``, ``missing``), points, out_of, feedback (plain words for
    the student). The cue field is left out when no word decides the claim."""
    given = given or {}
    answers, explain = card["answers"], card["explain"]
    rows = []
    for field in card.get("fields") or FIELDS:
        value = given.get(field)
        if field in WORD_FIELDS:
            cues = split_cues(value)
            marked = _mark_cues(cues, answers.get(field), explain[field])
            shown = "; ".join(cues)
        elif field in OPTION_FIELDS:
            shown = _given(value)
            marked = _mark_option(field, shown, answers[field], explain[field])
        elif field == "source":
            shown = _given(value)
            marked = _mark_source(shown, answers["source"], explain["source"], sentence=str(card.get("text") or ""))
        else:
            shown = _given(value)
            marked = _mark_choice(field, shown, answers[field], explain[field])
        if marked is None:
            continue
        verdict, points, feedback = marked
        # "none" is what the worksheet asks for when no word decides: nothing to talk over.
        if (field == "status" and "cues" in (card.get("fields") or FIELDS) and answers.get("cues") is None
                and [c for c in split_cues(given.get("cues")) if c.strip().lower() not in NO_CUE_WORDS]):  # fmt: skip
            feedback += (f" You also gave cue words (*{'; '.join(split_cues(given.get('cues')))}*); this card does not mark "
                         "them, because no one word decides how sure it is. Talk them over with your teacher.")  # fmt: skip
        rows.append({"card": card["card"], "field": field, "given": shown, "verdict": verdict, "points": points,
                     "out_of": POINTS["best"], "feedback": feedback})  # fmt: skip
    return rows


def mark_student(key: dict, answers: dict) -> list[dict]:
    """Every claim card of a student's answers marked against the key (see
    :func:`mark_card`); cards are matched by number, missing cards count as empty."""
    by_card = {str(card): fields for card, fields in (answers.get("cards") or {}).items()}
    rows = []
    for card in key["cards"]:
        rows += mark_card(card, by_card.get(str(card["card"])))
    return rows
