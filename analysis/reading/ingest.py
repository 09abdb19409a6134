"""Read an article: a .txt file, a saved .html/.htm news page, text on stdin, or a string.

What it extracts: the article text every offset refers to (the file's text for plain
text; the headline and article paragraphs for HTML, as extracted by trafilatura), the
encoding it was read with, page metadata (author, date, outlet) when the page states it,
and warnings. Everything a user can get wrong (a missing file, a directory, an empty or
binary file, an unknown extension, a file over the size limit) raises
:class:`~analysis.errors.InputError` with a one-line message.
"""

from __future__ import annotations

from html import unescape
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse


from analysis import config
from analysis.errors import InputError
from analysis.lexicon import lexicon_words, load_lexicon
from analysis.reading.textnorm import normalize

__all__ = [
    "Article",
    "read_article",
    "names_a_file",
    "read_path",
    "inert_copy_name",
    "read_bytes",
    "read_text",
    "decode_bytes",
    "extract_html",
    "looks_like_html",
    "english_share",
]


class ArticleNote(str):
    """A warning about an article: its message (a plain ``str`` everywhere it is written
    or compared) and a ``code`` the program tests instead of the wording:
    ``not_english``, ``language_unchecked``, ``encoding_fallback`` or ``mojibake_found``."""

    code: str

    def __new__(cls, message: str, code: str) -> ArticleNote:
        note = super().__new__(cls, message)
        note.code = code
        return note

    def __reduce__(self):  # pickled across worker processes with its code
        return (ArticleNote, (str(self), self.code))


@dataclass
class Article:
    """An article's text and where it came from.

    Attributes:
        text: The text every offset refers to (for HTML, the extracted text).
        source: The path read, ``"<stdin>"`` or ``"<text>"``.
        format: ``"text"`` or ``"html"``.
        encoding: The encoding the bytes were decoded with (``None`` for a str).
        metadata: Page metadata an HTML page states (title, author, date, sitename).
        warnings: Problems worth telling the user that did not stop the analysis.
    """

    text: str
    source: str = "<text>"
    format: str = "text"
    encoding: str | None = None
    metadata: dict[str, str | None] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


# --- decoding -----------------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


#: Bytes that are neither control characters nor tab, line feed, form feed or carriage
#: return: deleted to count the control characters of a whole file in one C call.
_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13))


def _looks_binary(data: bytes) -> bool:
    """True when the bytes are not text: a NUL byte anywhere, or many control characters
    (more than one byte in twenty). The same rule for the whole file, however long."""
    if b"\x00" in data:
        return True
    controls = len(data.translate(None, _NOT_CONTROL))
    return controls > max(8, len(data) // 20)


def decode_bytes(data: bytes, *, name: str = "input") -> tuple[str, str, list[str]]:
    """Decode article bytes: UTF-8 (or a BOM's encoding), falling back to cp1252, latin-1.

    Args:
        data: The raw bytes.
        name: What to call the input in messages.

    Returns:
        The text, the encoding used, and warnings (non-empty when a fallback was used).

    Raises:
        InputError: The bytes are binary, not text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)  # the BOM is dropped: offsets index the text after it
            except UnicodeDecodeError:
                break
            if "\x00" in text:
                raise InputError(
                    f"{name} is a binary file, not text or HTML (a NUL character after decoding as {encoding})",
                    stage="decode",
                )
            return text, encoding, []
    if _looks_binary(data):
        raise InputError(f"{name} is a binary file, not text or HTML", stage="decode")
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        where = f"byte {exc.start}"
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, encoding, [ArticleNote(f"{name} is not valid UTF-8 (at {where}); decoded as {encoding}", "encoding_fallback")]
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


# --- HTML ---------------------------------------------------------------------------

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)


def looks_like_html(data: bytes | str) -> bool:
    """True when the input starts like an HTML document (used for stdin)."""
    head = data[:2048]
    if isinstance(head, str):
        head = head.encode("utf-8", "replace")
    return bool(_HTML_START.match(head))


def _element_text(element, *, skip: tuple[str, ...] = ()) -> str:
    # A line break inside a paragraph (<br>, the extractor's <lb/>) parts words:
    # "Florida<br>June 10" is not "FloridaJune 10". Elements tagged ``skip`` are left out
    # (a list inside a list item, whose items are blocks of their own).
    parts: list[str] = []

    def walk(node) -> None:
        parts.append(node.text or "")
        for child in node:
            if child.tag == "lb":
                parts.append(" ")
            elif isinstance(child.tag, str) and child.tag not in skip:
                walk(child)
            parts.append(child.tail or "")

    walk(element)
    return " ".join("".join(parts).split())


def _table_row(row) -> str:
    return " | ".join(text for text in (_element_text(cell) for cell in row.iter("cell")) if text)


#: A page title's parts: "Headline | Site | 19.01.2020", "Headline - Site", "Site: Headline".
_TITLE_BAR = re.compile(r"\s+\|\s+")
_TITLE_DASH = re.compile(r"\s+[-\u2013\u2014]\s+")
#: The most words a part after a bar has when it names the site, its section or a date.
SITE_PART_MAX_WORDS = 4


def _same_site(part: str, sitename: str | None) -> bool:
    """Whether a title part names the site: its name, or its name's first word
    ("Inexhibit" for "Inexhibit magazine"), ignoring case, spaces and dots."""
    if not sitename:
        return False
    key = re.sub(r"[\s.]+", "", part).lower()
    site = re.sub(r"[\s.]+", "", sitename).lower()
    first = re.sub(r"[\s.]+", "", sitename.split()[0]).lower() if sitename.split() else ""
    return bool(key) and (key == site or key == first or key == site.removesuffix("com"))


def page_headline(title: str, sitename: str | None = None) -> str:
    """A page's title without what the site adds to it: the parts after a bar that name
    the site, a section or a date ("... new initiative | DW | 19.01.2020", "... |
    Editorial"), a part after a dash that is the site's name ("... - IGN", "... –
    TechCrunch"), and the site's name before a bar or colon ("LinkNaija | ...")."""
    title = " ".join(title.split())
    site = " ".join((sitename or "").split())
    rest = title[len(site):] if site and title.lower().startswith(site.lower()) else ""
    # "Site | Headline", or a site name that holds a bar itself ("LinkNaija | Nigeria's
    # popular news platform: ..."); "Brexit: what happens next" on a site named Brexit stays.
    if rest and (re.match(r"\s+\|\s+\S", rest) or ("|" in site and re.match(r"\s*[:|\-\u2013\u2014]\s+\S", rest))):
        title = re.sub(r"^\s*[:|\-\u2013\u2014]\s+", "", title[len(site):])  # "LinkNaija | ...: BREAKING NEWS ..."
    parts = _TITLE_BAR.split(title)
    while len(parts) > 1 and (len(parts[-1].split()) <= SITE_PART_MAX_WORDS or _same_site(parts[-1], sitename)):
        parts.pop()
    while len(parts) > 1 and _same_site(parts[0], sitename):
        parts.pop(0)
    title = " | ".join(parts)
    dashed = _TITLE_DASH.split(title)
    if len(dashed) > 1 and _same_site(dashed[-1], sitename):
        title = title[: title.rfind(dashed[-1])].rstrip(" -\u2013\u2014")
    return title


#: A page's summary is a standfirst only within these lengths (in words): shorter is a
#: label, longer is the lead paragraph itself.
STANDFIRST_WORDS = (6, 60)
#: Elements whose text a reader never sees as the page's summary.
_UNSEEN = frozenset({"head", "script", "style", "noscript", "template", "a", "title", "meta", "button"})


#: Class names with which pages mark the summary under a headline.
_SUMMARY_CLASS = re.compile(r"deck|\bdek|standfirst|strap|sub-?head|subline|subtitle|summary|description|intro|lede|teaser", re.I)


def page_standfirst(html, description: str | None, blocks: list[str]) -> str | None:
    """The page's standfirst: its own summary (its ``description`` metadata) shown on the
    page as one element's whole text, outside links, and either missing from the
    extracted paragraphs or extracted as the paragraph under the headline from an element
    the page marks as a summary (a heading, or a class such as "deck" or "standfirst").
    A summary that is the lead paragraph itself (many sites copy the lead) stays body.
    ``html``: the page's markup, or the page already parsed (:func:`_page_tree`)."""
    summary = " ".join(unescape(description or "").split())
    # "Editorial: The authorities' repression ...": the summary written for sharing may
    # carry a label the page does not show.
    summary = _SUMMARY_LABEL.sub("", summary)
    if not _standfirst_length(summary) or summary.endswith(("...", "\u2026")):
        return _marked_dek(html, blocks)
    key = summary[:80].lower()
    under_headline = len(blocks) > 1 and blocks[1] == summary
    if any(key in block.lower() for block in blocks) and not under_headline:
        return None
    tree = _page_tree(html)
    if tree is None:
        return None
    for element in _seen_elements(tree):
        if " ".join(element.text_content().split()) != summary:
            continue
        marked = element.tag in ("h2", "h3", "h4") or bool(_SUMMARY_CLASS.search(element.get("class") or ""))
        if marked or not under_headline:
            return summary
    return _marked_dek(tree, blocks)


#: A label a page's summary metadata may open with ("Editorial: ", "Opinion: ").
_SUMMARY_LABEL = re.compile(r"^(?:editorial|opinion|analysis|comment|review|explainer|exclusive)\s*:\s+", re.I)
#: Elements a page marks as its standfirst by name: schema.org's alternativeHeadline, or a
#: "dek" or "standfirst" class ("article__dek").
_DEK_CLASS = re.compile(r"(?:^|[\s_-])(?:dek|standfirst)(?:$|[\s_-])", re.I)


def _standfirst_length(text: str) -> bool:
    return STANDFIRST_WORDS[0] <= len(text.split()) <= STANDFIRST_WORDS[1]


def _seen_elements(tree):
    """The page's elements a reader can see as text (not scripts, links or metadata)."""
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _UNSEEN:
            continue
        if any(parent.tag in _UNSEEN for parent in element.iterancestors()):
            continue
        yield element


def _marked_dek(html, blocks: list[str]) -> str | None:
    """The standfirst the page marks by name (``itemprop="alternativeHeadline"``, a "dek"
    or "standfirst" class) when its summary metadata says something else (Slate's
    "article__dek" under the headline), missing from the extracted paragraphs or extracted
    as the paragraph under the headline."""
    tree = _page_tree(html)
    if tree is None:
        return None
    for element in _seen_elements(tree):
        if element.get("itemprop") != "alternativeHeadline" and not _DEK_CLASS.search(element.get("class") or ""):
            continue
        text = " ".join(element.text_content().split())
        if _standfirst_length(text) and (blocks[1:2] == [text] or not any(text[:80].lower() in block.lower() for block in blocks)):
            return text
    return None


_MONTHS = {m: i for i, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")), start=1) for m in names}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
#: A date written for readers: "Nov 18, 2019", "November 20th, 2019", "19 November 2019".
_SHOWN_DATE = re.compile(rf"\b(?:{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)"
                         rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH.replace('month', 'month2')},?\s+(?P<year2>(?:19|20)\d\d))\b", re.I)  # fmt: skip
#: How far (in days) the date a page shows may sit from its metadata's and still be the
#: same moment told in another time zone ("9:24 pm ET" on the 18th is 02:24 UTC on the 19th).
SHOWN_DATE_MAX_DAYS = 1
#: A shown date is the article's when it has a clock time beside it ("Nov 19, 2019, 10:31
#: pm CST") or a word of publication before it ("Published", "By ... —"); a bare date in
#: the site's header ("Wednesday, November 20, 2019 Spokane") is today's date, not the article's.
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d\d\b|\b\d{4}\s+(?:GMT|UTC)\b", re.I)
_PUBLISHED_WORD = re.compile(r"\b(?:published|updated|posted|by)\b", re.I)
_PUBLISHED_LABEL = re.compile(r"\bpublished\b", re.I)


def page_shown_date(html: str, metadata_date: str | None) -> tuple[str, str] | None:
    """The publication date as the page shows it to readers, when it differs from the
    metadata's by a time zone: the first date written out in the page's visible text
    (outside scripts and links), with a clock time beside it or a word of publication
    before it, within a day of the metadata's. Returns (ISO date, the words on the page)
    or None."""
    import datetime as dt

    if not metadata_date or not re.match(r"\d{4}-\d\d-\d\d", metadata_date):
        return None
    told = dt.date.fromisoformat(metadata_date[:10])
    visible = re.sub(r"(?is)<(script|style|noscript|template|a)\b.*?</\1>|<head\b.*?</head>", " ", html)
    text = unescape(" ".join(re.sub(r"<[^>]+>", " ", visible).split()))
    for match in _SHOWN_DATE.finditer(text):
        month = _MONTHS[(match.group("month") or match.group("month2")).lower()]
        try:
            shown = dt.date(int(match.group("year") or match.group("year2")), month, int(match.group("day") or match.group("day2")))
        except ValueError:
            continue
        near = text[max(0, match.start() - 40) : match.start()], text[match.end() : match.end() + 40]
        labelled = bool(_PUBLISHED_LABEL.search(text[max(0, match.start() - 25) : match.start()]))
        if not (labelled or _CLOCK.search(near[0] + " " + near[1]) or _PUBLISHED_WORD.search(text[max(0, match.start() - 25) : match.start()])):
            continue
        # A date the page labels "Published" is the article's, however far from the
        # metadata's (PolitiFact's details give the date of the statement it checks).
        if labelled or abs((shown - told).days) <= SHOWN_DATE_MAX_DAYS:
            return (shown.isoformat(), match.group(0)) if shown != told else None
    return None


#: A byline as a page shows it: "By" and up to six names, cut before a date or a bar.
_SHOWN_BYLINE = re.compile(
    r"^(?:Written |Words |Posted )?[Bb]y:?\s+(?P<names>[A-Z][^|•·\d@(]{1,120}?)"
    r"(?=\s+(?i:on|published|updated|posted|about|follow|jan(?:uary)?|feb(?:ruary)?|march|april|june|july|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\s+[-\u2013\u2014]\s|\s*[|•·\d@(]|\s*$)"
)
#: Qualifications after a writer's name: ", MS, RD", ", PhD", ", BSc, APD".
_QUALIFICATIONS = re.compile(r"(?:,\s*(?:[A-Z]{2,4}|Ph\.?D|[BM]Sc|M\.?D\.?))+$")
#: Small words a name may hold in lower case ("Ludwig van Beethoven", "Ana and Tom").
_NAME_PARTICLES = frozenset({"and", "de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "bin", "al"})
_BYLINE_TAGS = frozenset({"p", "div", "span", "address", "li", "section", "header"})
#: Classes of the element a page keeps its byline in ("byline", "b-article__refs-author").
_BYLINE_CLASS = re.compile(r"byline|author", re.I)
#: Classes of a page's menus and side columns, whose links are no byline ("b-mainnav__2level",
#: "menu-item", "widget_shunno_posts_sidebar").
_MENU_CLASS = re.compile(r"(?:^|\s)(?:[a-z]{1,3}-)?(?:nav|navbar|navigation|mainnav|menu|sidebar|widget)(?:$|[\s_-])", re.I)


def page_byline(html) -> str | None:
    """The byline a page shows its readers ("By Matthew Digby, Minh Do", "Written by
    Rachael Link, MS, RD"): the first element whose visible text, links included, starts
    with "By" (or "Written by", "Words by", "Posted by"; "by" in an element the page's class calls
    its byline) and a capitalised name and is short, outside scripts and the page's head.
    None when there is none.
    ``html``: the page's markup, or the page already parsed (:func:`_page_tree`)."""
    tree = _page_tree(html)
    if tree is None:
        return None
    for element in tree.iter(*_BYLINE_TAGS):
        if any(parent.tag in ("head", "script", "noscript", "template", "nav", "aside")
               or (parent.tag not in ("body", "html") and _MENU_CLASS.search(parent.get("class") or ""))
               for parent in [element, *element.iterancestors()]):  # fmt: skip
            continue  # a menu's link ("By Any Means Necessary", a radio show on Sputnik's menu), a side column's
        text = " ".join(" ".join(element.itertext()).split())  # spaces between child elements
        if text.startswith("by ") and _BYLINE_CLASS.search(element.get("class") or ""):
            # "by European Space Agency" in the element the page marks as its byline
            # (Phys.org), "by Finian Cunningham" in its author line (Sputnik).
            text = "B" + text[1:]
        if _BYLINE_CLASS.search(element.get("class") or "") and _agency_credit(text):
            return text  # "Associated Press" alone in the element the page calls its byline (Times Union)
        if not text.startswith(("By", "Written by", "Words by", "Posted by")) or len(text.split()) > 16:
            continue
        match = _SHOWN_BYLINE.match(text)
        if match:
            words = []
            for word in re.sub(r"\s+,", ",", match.group("names")).split():
                if not (word[:1].isupper() or word.lower() in _NAME_PARTICLES):
                    break  # "Brigit Katz smithsonian.com": the name ends at a word in lower case
                words.append(word)
            # Letters after the name are qualifications, not names ("Rachael Link, MS, RD").
            names = _QUALIFICATIONS.sub("", " ".join(words).strip(" ,")).strip(" ,")
            return names if 1 <= len(names.split()) <= 12 else None
    return None


def _agency_credit(text: str) -> bool:
    """The whole text is a news agency's name ("Associated Press", "PTI"), from
    ``lexicons/outlets.csv``."""
    return " ".join(text.split()).strip(" ,.").lower().removeprefix("the ") in lexicon_words("outlets", "news agency", column="name")


def _page_tree(html):
    """The page parsed by lxml from its text (so its characters stay as decoded), or None
    when lxml cannot parse it; a page already parsed (or None) is returned as it is, so
    :func:`extract_html` parses once for every reader of the page."""
    if not isinstance(html, str):
        return html
    import lxml.html

    try:
        return lxml.html.fromstring(html)
    except ValueError:  # a string with an XML encoding declaration: parse its bytes
        try:
            return lxml.html.fromstring(html.encode("utf-8", "replace"))
        except Exception:  # noqa: BLE001 - a page lxml cannot parse
            return None
    except Exception:  # noqa: BLE001 - a page lxml cannot parse
        return None


#: Classes of a page's header furniture, where a site's name sits in an <h1>.
_SITE_CHROME = re.compile(r"logo|brand|masthead|site-?(name|title|header)|navbar|\bnav\b", re.I)
_HEADING_MARK = re.compile(r"title|headline|entry|story|post|article|h1", re.I)


def page_h1(html, title: str) -> str | None:
    """The headline a reader sees on the page, when its only <h1> differs from the page's
    title (the title written for search engines and sharing: "Simple Hiking Survival Kit
    (with Kids)" over "Hiking the Boulder Flat Irons"): the one <h1> of three words or
    more, marked as the article's title or inside the article, outside the page's header,
    navigation and logo, sharing a word with the title (or marked itemprop="headline").
    None when the page has none such, several, or the same as the title.
    ``html``: the page's markup, or the page already parsed (:func:`_page_tree`)."""
    tree = _page_tree(html)
    if tree is None:
        return None
    headings = []
    for element in tree.iter("h1"):
        text = " ".join(" ".join(element.itertext()).split())
        if len(text.split()) < 3:
            continue
        # The page's <body> and <html> classes describe its whole layout ("nav-below-header").
        chrome = any(parent.tag in ("header", "nav", "a") or _SITE_CHROME.search(parent.get("class") or "")
                     for parent in [element, *element.iterancestors()] if parent.tag not in ("body", "html"))  # fmt: skip
        # The article's own heading: marked as a title or headline, or inside the article.
        marked = bool(_HEADING_MARK.search(f"{element.get('class') or ''} {element.get('itemprop') or ''}")) or any(
            parent.tag in ("article", "main") for parent in element.iterancestors())
        named = element.get("itemprop") == "headline"  # the article's headline, in a <header> or not
        if (not chrome and marked) or named:
            headings.append((text, named))
    # Only a heading sharing a word with the title can be the article's: "Need a hand?"
    # and "Watch a free workshop now." are boxes beside it. A heading the page marks as
    # the article's headline (schema.org's itemprop="headline") is, whatever the title
    # written for sharing says ("The Disappearance of John M. Ford" under "The
    # Resurrection of the Greatest Sci-Fi Writer You've Never Read").
    words = {w.lower() for w in re.findall(r"\w{4,}", title)}
    named = [h for h, headline in headings if headline]
    shared = [h for h, _ in headings if words & {w.lower() for w in re.findall(r"\w{4,}", h)}]
    headings = named if len(named) == 1 else shared
    if len(headings) != 1 or headings[0] == title:
        return None
    return headings[0]


#: Parts of a page a reader does not see in the article: elements the page hides
#: (``hidden``, ``display: none``), and the cards that pop up over a name or a word (The
#: Hill's "rollover" cards list a politician's latest stories inside the sentence that
#: names them). A card is the innermost such element that is not a link, so the name
#: it pops up over stays in the sentence.
_POP_UP = ("(contains(@class, 'rollover') or contains(@class, 'tooltip') or contains(@class, 'popover')"
           " or contains(@class, 'hovercard'))")
UNSEEN_XPATH = [
    "//*[@hidden or contains(translate(@style, ' ', ''), 'display:none')]",
    f"//*[not(self::a) and {_POP_UP} and not(.//*[not(self::a) and {_POP_UP}])]",
]


def _site_as_shown(sitename: str | None, url: str | None, declared: str | None = None, title: str | None = None) -> str | None:
    """The site's name as a reader knows it. A site that calls itself by its web
    address's first word in lower case (``og:site_name`` "nj", "cleveland", which the
    extractor capitalises to "Nj") is known by its address ("nj.com"); one that calls
    itself by the first word of a longer address ("Hosted" on hosted.ap.org) by the rest
    of it ("ap.org"); otherwise as its page title writes it (:func:`_site_in_title`)."""
    host = (urlparse(url).hostname or "") if url else ""
    host = host.removeprefix("www.")
    if sitename and host and declared and declared.islower() and sitename.lower() == declared == host.split(".")[0]:
        return host
    labels = host.split(".")
    if sitename and declared and len(labels) >= 3 and sitename.lower() == declared.lower() == labels[0] in HOSTING_LABELS:
        # "Hosted" on hosted.ap.org: the name of a hosting subdomain, not of the site (ap.org);
        # "ProFootballTalk" on profootballtalk.nbcsports.com is the site's own name.
        return ".".join(labels[1:])
    return _site_in_title(sitename, declared, title) or sitename


#: What separates a page title's parts ("Headline | Deccan Herald", "Headline - 9to5Mac").
_TITLE_SEPARATOR = re.compile(r"\s+[|\u2013\u2014-]\s+")


def _squashed(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.lower()).removeprefix("the")


def _site_in_title(sitename: str | None, declared: str | None, title: str | None) -> str | None:
    """The site's name as its page writes it, when the extractor's differs: the page's own
    casing ("9to5Mac", not "9To5Mac"); the name the title ends with when the extractor took
    another ("Deccan Herald" in the title and ``og:site_name``, not the "DH News Service"
    of its hidden data); the full name a Twitter handle shortens ("Sputnik International"
    for "SputnikInt"). Not an abbreviation for the full name ("WSJ" for "Wall Street
    Journal"). None when the extractor's name stands."""
    if not sitename:
        return None
    if (declared and declared != sitename and declared.lower() == sitename.lower() and declared[1:] != sitename[1:]
            and not (declared.islower() or declared.isupper())):  # fmt: skip
        return declared
    parts = [p.strip() for p in _TITLE_SEPARATOR.split(title or "")[1:] if p.strip()]
    site = _squashed(sitename)
    if not parts or not site or any(_squashed(p) == site for p in parts):
        return None
    # A handle run together and cut short ("SputnikInt"): the title's full name starts with it.
    longer = next((p for p in reversed(parts) if " " not in sitename and 2 <= len(p.split()) <= 4
                   and all(w[:1].isupper() for w in p.split()) and len(site) >= 5 and _squashed(p).startswith(site)), None)  # fmt: skip
    if longer is not None or any(site in _squashed(p) for p in parts):
        return longer
    if declared and any(_squashed(p) == _squashed(declared) for p in parts):
        initials = "".join(w[0] for w in sitename.split() if w[:1].isupper()).lower()
        return None if _squashed(declared) == initials else " ".join(declared.split())
    return None


#: Subdomains that name a way of serving pages, not a site ("hosted.ap.org", "amp.", "m.").
HOSTING_LABELS = frozenset({"hosted", "amp", "m", "mobile", "beta"})


def _main_blocks(root) -> list[str]:
    """The extractor's main text, one block a heading, paragraph, list item or table row."""
    blocks: list[str] = []
    main = root.find("main")
    # Leading text before the first element, when there are elements (a bare text is the
    # extractor's fallback on a page with no article: "Home" from a menu).
    if main is not None and len(main) and (main.text or "").strip():
        blocks.append(" ".join(main.text.split()))
    for element in main if main is not None else []:
        if element.tag == "list":
            # Each item once: a list inside an item gives its own items, not the item's text.
            blocks.extend(_element_text(item, skip=("list",)) for item in element.iter("item"))
        elif element.tag == "table":
            # A table's rows are the article's figures, one paragraph a row, its cells
            # apart ("1 | Kyle Busch | 5040"): a whole table run together reads as nonsense.
            blocks.extend(_table_row(row) for row in element.iter("row"))
        else:
            blocks.append(_element_text(element))
        # Text the extractor leaves after an element (a paragraph following a heading or
        # an image, with no tag of its own) is article text too.
        if (element.tail or "").strip():
            blocks.append(" ".join(element.tail.split()))
    return [b for b in blocks if b]


def extract_html(html: str, *, name: str = "input") -> tuple[str, dict[str, str | None]]:
    """Extract the headline and article paragraphs from a saved news page.

    trafilatura drops scripts, navigation, asides and footers and keeps the main text;
    each heading, paragraph, list item, table row and block quote becomes one paragraph
    of the returned text, separated by blank lines, the headline first.

    Args:
        html: The page's markup.
        name: What to call the input in messages.

    Returns:
        The extracted text and metadata (title, author, date, sitename, url, and
        ``standfirst`` when the page shows a summary the extractor dropped, placed
        right after the headline; ``date_shown`` and ``date_shown_text`` when the page
        shows readers a date a day off its metadata's, the same moment in another time
        zone, or labels one "Published"; ``byline_shown``, the "By ..." line the page
        shows).

    Raises:
        InputError: No article text could be found in the page.
    """
    import trafilatura
    from lxml import etree

    try:
        xml = trafilatura.extract(
            html,
            output_format="xml",
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
            prune_xpath=UNSEEN_XPATH,
        )
        root = etree.fromstring(xml.encode("utf-8")) if xml else None
    except Exception as error:  # noqa: BLE001 - malformed markup breaks lxml inside trafilatura in many ways
        reason = " ".join(str(error).split())[:200] or type(error).__name__
        raise InputError(f"{name}: the HTML page cannot be read ({type(error).__name__}: {reason})", stage="extract") from None
    if root is None:
        raise InputError(f"{name}: no article text found in the HTML page", stage="extract")
    metadata = {key: root.get(key) for key in ("title", "author", "date", "sitename", "url")}
    description = root.get("description")
    blocks = _main_blocks(root)
    if not blocks:
        raise InputError(f"{name}: no article text found in the HTML page", stage="extract")
    title = page_headline(metadata.get("title") or "", metadata.get("sitename"))
    # The headline a reader sees (the page's one <h1>) wins over a title written for
    # search engines; the title stays in the metadata.
    page = _page_tree(html)  # parsed once, for the headline, the standfirst, the byline and the site
    declared = page.xpath("//meta[@property='og:site_name']/@content") if page is not None else []
    shown_title = page.findtext(".//title") if page is not None else None
    metadata["sitename"] = _site_as_shown(metadata["sitename"], metadata["url"], declared[0] if declared else None, shown_title)
    title = page_h1(page, " ".join(title.split())) or title
    # The headline is the first line of every article we analyse: put the page title
    # first unless the extracted body already opens with it.
    if title and " ".join(title.split()) != blocks[0]:
        blocks.insert(0, " ".join(title.split()))
    standfirst = page_standfirst(page, description, blocks)
    if standfirst and blocks[1:2] != [standfirst]:
        blocks.insert(1, standfirst)
    metadata["standfirst"] = standfirst
    # A reader trusts the date the page shows over its details in another time zone.
    shown = page_shown_date(html, metadata.get("date"))
    metadata["date_shown"], metadata["date_shown_text"] = shown if shown else (None, None)
    metadata["byline_shown"] = page_byline(page)
    return "\n\n".join(blocks), metadata


# --- language -----------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    # spaCy's stop list, kept as a lexicon so that reading an article does not import spaCy.
    return frozenset(load_lexicon("function_words")["word"])


def english_share(text: str) -> tuple[float, int]:
    """Share of words that are English function words (spaCy's stop list, in
    ``lexicons/function_words.csv``).

    English news prose runs at 20-66% function words; other languages written in
    Latin script fall far below. The library only warns; the CLI refuses unless told.

    Returns:
        The share (0-1) and the number of words counted.
    """
    words = [w.lower().replace("\u2019", "'") for w in _WORD.findall(text)]
    if not words:
        return 0.0, 0
    function_words = _function_words()
    return sum(w in function_words for w in words) / len(words), len(words)


#: Below this share of English function words (with enough words to judge) the text is
#: reported as probably not English. Across the 2,225 BBC articles the share runs from
#: 0.20 to 0.66; French, Spanish, Dutch, German and Italian news prose scores 0.03-0.08.
MIN_ENGLISH_SHARE = 0.12
MIN_WORDS_FOR_LANGUAGE = 20


#: Below this share of letters in the Latin alphabet the text is not English, however
#: short: Chinese, Japanese, Arabic, Cyrillic or Greek text is told by its script alone.
MIN_LATIN_SHARE = 0.5
#: Letters looked at for the script: a few thousand decide it.
SCRIPT_SAMPLE_CHARS = 20_000


def latin_share(text: str) -> tuple[float, int]:
    """Share of the letters (of the first :data:`SCRIPT_SAMPLE_CHARS` characters) that
    are in the Latin alphabet (Basic Latin, Latin-1, Latin Extended), and how many letters
    were counted."""
    letters = [ord(c) for c in text[:SCRIPT_SAMPLE_CHARS] if c.isalpha()]
    if not letters:
        return 0.0, 0
    latin = sum(1 for code in letters if code < 0x250 or 0x1E00 <= code < 0x1F00)
    return latin / len(letters), len(letters)


def _language_warning(text: str, name: str) -> ArticleNote | None:
    """The language warning, if any: ``does not look like English`` (not the Latin
    alphabet, or too few English function words) or, for too few words to judge by
    function words, that the language could not be checked."""
    latin, letters = latin_share(text)
    if letters and latin < MIN_LATIN_SHARE:
        return ArticleNote(
            f"{name} does not look like English ({latin:.0%} of its letters are in the Latin alphabet, "
            f"expected at least {MIN_LATIN_SHARE:.0%}); labels will be unreliable", "not_english"
        )
    share, words = english_share(text)
    if words < MIN_WORDS_FOR_LANGUAGE:
        return ArticleNote(
            f"{name} has only {words} word{'s' if words != 1 else ''}: too few to check that it is English "
            f"(at least {MIN_WORDS_FOR_LANGUAGE} are needed); labels may be unreliable", "language_unchecked"
        )
    if share < MIN_ENGLISH_SHARE:
        return ArticleNote(
            f"{name} does not look like English ({share:.0%} English function words, "
            f"expected at least {MIN_ENGLISH_SHARE:.0%}); labels will be unreliable", "not_english"
        )
    return None


# --- entry points -------------------------------------------------------------------


def _check_characters(text: str, name: str) -> None:
    """Refuse text no file of an article holds: a NUL character (a binary file, or text
    decoded from one, such as UTF-16 with a BOM) or a lone surrogate (a half of a UTF-16
    pair, as a JSON ``\\ud83d`` escape makes: not a character, and not writable as UTF-8)."""
    nul = text.find("\x00")
    if nul >= 0:
        raise InputError(
            f"{name} contains a NUL character (at character {nul}): a binary file, not text or HTML", stage="decode"
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InputError(
            f"{name} is not valid Unicode text: a lone surrogate {text[error.start]!a} at character {error.start}",
            stage="decode",
        ) from None


def repair_mojibake(text: str) -> tuple[str, str]:
    """The text with letters that were decoded twice put right ("FranÃ§ois" is
    "François", "rÃ©sumÃ©" is "résumé": UTF-8 read as Windows-1252 somewhere before the
    file was saved), by ftfy's ``fix_encoding``, which changes nothing else; and an
    example of what it repaired, or "" when there was nothing to repair (the text is then
    returned as given, not even composed to NFC)."""
    import unicodedata

    import ftfy

    if text.isascii():
        return text, ""
    composed = unicodedata.normalize("NFC", text)  # "A" + a combining tilde, as some archives store "Ã"
    fixed = ftfy.fix_encoding(composed)
    if fixed == composed:
        return text, ""
    # The first place the two differ (linear: a sequence matcher takes minutes on a long
    # run of marks ftfy changes), and the whole word there on each side: a change can be
    # one stray control character alone.
    first = next((i for i, (a, b) in enumerate(zip(composed, fixed)) if a != b), min(len(composed), len(fixed)))
    before, after = _word_around(composed, first, first + 1), _word_around(fixed, first, first + 1)
    return fixed, f"'{before}' read as '{after}'" if after != before else f"'{before}'"


def _word_around(text: str, start: int, end: int, *, reach: int = 20) -> str:
    """The run of non-space characters around ``text[start:end]`` (at most ``reach`` each
    side), printable ones only (the stray control characters mojibake carries)."""
    floor, ceiling = max(0, start - reach), min(len(text), end + reach)
    while start > floor and not text[start - 1].isspace():
        start -= 1
    while end < ceiling and not text[end].isspace():
        end += 1
    return "".join(c for c in text[start:end] if c.isprintable())


def _finish(text: str, *, source: str, fmt: str, encoding: str | None, metadata=None, warnings=()) -> Article:
    name = source
    _check_characters(text, name)
    if not normalize(text).strip():  # zero-width characters alone are no text either
        raise InputError(f"{name} is empty: there is no article text to analyse", stage="check")
    if len(text) > config.MAX_TEXT_CHARS:
        raise InputError(
            f"{name} has {len(text):,} characters of text; the limit is {config.MAX_TEXT_CHARS:,} "
            "(one article, not a corpus: use 'python -m analysis corpus' for many)",
            stage="check",
        )
    warnings = list(warnings)
    # Said, not repaired: a repair would shorten the text ("Ã©" is one letter), and every
    # offset must index the text as given (gold annotations, the reader's own file).
    _, repaired = repair_mojibake(text)
    if repaired:
        warnings.append(ArticleNote(f"{name} has letters decoded twice ({repaired}); put the file right before class, "
                                    "e.g. with ftfy's fix_encoding", "mojibake_found"))  # fmt: skip
    language = _language_warning(text, name)
    if language:
        warnings.append(language)
    return Article(text=text, source=source, format=fmt, encoding=encoding, metadata=metadata or {}, warnings=warnings)


def read_bytes(data: bytes, *, source: str = "<stdin>", format: str | None = None) -> Article:
    """Build an :class:`Article` from raw bytes (a file's content or stdin).

    Args:
        data: The bytes.
        source: Name used in messages and recorded in the result.
        format: ``"text"`` or ``"html"``; sniffed from the content when ``None``.

    Raises:
        InputError: Binary, empty, too large, or HTML without article text.
    """
    if len(data) > config.MAX_INPUT_BYTES:
        limit = config.MAX_INPUT_BYTES // 2**20
        # stdin is read only to one byte past the limit: its size is "more than".
        size = f"more than {limit} MB" if len(data) == config.MAX_INPUT_BYTES + 1 else f"{len(data) / 2**20:.1f} MB"
        raise InputError(f"{source} is {size}; the limit is {limit} MB for one article")
    if not data.strip():
        raise InputError(f"{source} is empty: there is no article text to analyse", stage="check")
    if data.lstrip()[:5] == b"%PDF-":
        # A PDF without binary streams decodes as text, and would be read as a few words.
        raise InputError(f"{source} is a PDF file, not text or HTML: save the article as text (.txt) or as a web page (.html)",
                         stage="decode")  # fmt: skip
    text, encoding, warnings = decode_bytes(data, name=source)
    fmt = format or ("html" if looks_like_html(data) else "text")
    metadata: dict[str, str | None] = {}
    if fmt == "html":
        text, metadata = extract_html(text, name=source)
    return _finish(text, source=source, fmt=fmt, encoding=encoding, metadata=metadata, warnings=warnings)


def read_text(text: str, *, source: str = "<text>") -> Article:
    """Build an :class:`Article` from text taken as it is (never a path, never HTML): a
    JSONL or CSV record's text field.

    Raises:
        InputError: NUL characters or lone surrogates, empty, or too long.
    """
    return _finish(text, source=source, fmt="text", encoding=None)


#: A saved page kept as inert data ends ``.html.txt``: a browser shows it as text and runs
#: none of its scripts, and :func:`read_path` still reads it as the page it is.
INERT_PAGE_SUFFIXES = tuple(f"{suffix}.txt" for suffix in sorted(config.HTML_SUFFIXES))


def inert_copy_name(path: str | Path, stem: str) -> str:
    """The file name under which a copy of the article ``path`` is kept beside generated
    files: ``stem.txt`` for text, ``stem.html.txt`` for a page (see :data:`INERT_PAGE_SUFFIXES`),
    never a name a browser would open as a live page with the site's scripts."""
    return stem + (".html.txt" if Path(path).suffix.lower() in config.HTML_SUFFIXES else ".txt")


def read_path(path: str | Path) -> Article:
    """Read an article file: ``.txt`` (or no extension) as text, ``.html``/``.htm`` as a page,
    and ``.html.txt`` as a page kept as inert text (see :func:`inert_copy_name`).

    Raises:
        InputError: Missing, a directory, unreadable, unknown extension, too large,
            binary or empty.
    """
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise InputError(f"{name}: no such file")
    if path.is_dir():
        raise InputError(f"{name} is a directory, not an article file")
    suffix = path.suffix.lower()
    if suffix in config.HTML_SUFFIXES or path.name.lower().endswith(INERT_PAGE_SUFFIXES):
        fmt = "html"
    elif suffix in config.TEXT_SUFFIXES:
        fmt = "text"
    else:
        known = ", ".join(sorted(s for s in config.TEXT_SUFFIXES | config.HTML_SUFFIXES if s))
        raise InputError(f"{name}: unsupported file type '{path.suffix}' (expected {known})")
    size = path.stat().st_size
    if size > config.MAX_INPUT_BYTES:
        # Refuse before reading: a 50 MB file is not one article.
        raise InputError(
            f"{name} is {size / 2**20:.1f} MB; the limit is {config.MAX_INPUT_BYTES // 2**20} MB for one article"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    return read_bytes(data, source=name, format=fmt)


#: A string is taken as a path when it is one line, not too long, and either names an
#: existing file or ends with a file extension we read.
_PATHLIKE = re.compile(r"^[^\n\r]{1,4096}\.(txt|text|html|htm)$", re.I)


def names_a_file(source: str) -> bool:
    """Whether a string given as an article is a path rather than the text: it names an
    existing file (not a folder), or looks like a file name (one line ending in
    .txt/.html/.htm)."""
    if "\n" in source or len(source) >= 4096:
        return False
    try:
        if Path(source).is_file():
            return True
    except (OSError, ValueError):  # names with NUL bytes or too long for the OS
        pass
    return bool(_PATHLIKE.match(source.strip()))


def read_article(source: str | Path | bytes) -> Article:
    """Read an article from a path, ``"-"`` (stdin), raw bytes, or the text itself.

    A ``str`` is a path when it names an existing file (not a folder) or looks like a file name
    (one line ending in .txt/.html/.htm); otherwise it is the article text.

    Raises:
        InputError: See :func:`read_path` and :func:`read_bytes`.
    """
    if isinstance(source, bytes):
        return read_bytes(source, source="<bytes>")
    if isinstance(source, Path):
        return read_path(source)
    if source == "-":
        # One byte past the limit is enough to refuse: an endless stream is never read whole.
        return read_bytes(sys.stdin.buffer.read(config.MAX_INPUT_BYTES + 1), source="<stdin>")
    if names_a_file(source):
        return read_path(source)
    _check_characters(source, "<text>")
    fmt = "html" if looks_like_html(source) else "text"
    if fmt == "html":
        text, metadata = extract_html(source, name="<text>")
        return _finish(text, source="<text>", fmt="html", encoding=None, metadata=metadata)
    return _finish(source, source="<text>", fmt="text", encoding=None)
