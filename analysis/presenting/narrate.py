"""Prose about one analysis, computed from its tables: what the notebooks and report say.

What it writes: Markdown paragraphs and lists for each notebook section (the article at
a glance, provenance and headline findings, entities, certainty, sources, numbers) and
the "how far to trust these labels" table read from ``benchmarks/results.json``. Every
sentence is built from the data, so it is true for any article; nothing here mentions
the seed.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd

from analysis import config
from analysis.reading.ingest import SHOWN_DATE_MAX_DAYS
from analysis.rules.findings import TOP_PARAGRAPHS, wire_credit
from analysis.vocabulary import BARE_PRONOUNS, IDENTIFIED_SOURCE_TYPES, NAMELESS_SOURCE_TYPES, NOBODY_NAMED, PLACE_ENTITY_LABELS, WEAK_STATUSES

__all__ = [
    "inert_markdown",
    "joined_with_and",
    "page_identity",
    "identity_markdown",
    "key_findings",
    "key_findings_markdown",
    "trust_in_words",
    "chart_caption",
    "overview",
    "findings_text",
    "entities_text",
    "certainty_text",
    "sources_text",
    "numbers_text",
    "trust_table",
    "trust_text",
    "frequencies_text",
    "kwic_text",
    "keyness_text",
]


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}#|~!])")


def inert_markdown(value) -> str:
    """Article text made inert in Markdown: HTML escaped (a ``<script>`` in an article
    stays text) and Markdown syntax characters backslash-escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(str(value), quote=False))


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def joined_with_and(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c": items in a sentence, as they are ("" for none)."""
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else "".join(items)


def _names(values, limit: int = 5) -> str:
    values = [inert_markdown(v) for v in values][:limit]
    if not values:
        return "none"
    return joined_with_and(values)


#: The most words a listed source has: a longer string is a phrase the parse took whole
#: ("Speaking from a stage at the firm's headquarters, Chief Executive Jane Roe"), not a name.
MAX_LISTED_SOURCE_WORDS = 8


def _listed_sources(values) -> list[str]:
    """The sources a list at the top may show, in order and once each: names and short
    descriptions, never a bare pronoun, "nobody named", a missing value or a long phrase."""
    shown = []
    for value in values:
        text = " ".join(value.split()) if isinstance(value, str) else ""
        if (not text or text.lower() in (NOBODY_NAMED, "author") or text.lower() in BARE_PRONOUNS
                or len(text.split()) > MAX_LISTED_SOURCE_WORDS):  # fmt: skip
            continue
        shown.append(text)
    return list(dict.fromkeys(shown))


def _in_brackets(names: list[str], limit: int) -> str:
    """`` (A, B and C)``, or nothing when there is no name to show."""
    return f" ({_names(names, limit=limit)})" if names else ""


def _plain(reason: str) -> str:
    """A reason's plain words, its rule names and parse paths left to the tables."""
    from analysis.presenting.tables import split_reason

    return split_reason(str(reason))[0]


def overview(result) -> str:
    """Structure and size: roles found, what was set aside and why, length, main entities."""
    paragraphs = result.paragraphs
    roles = paragraphs["role"].value_counts()
    body = result.body_sentences
    words = int(sum(len(t.split()) for t in body["text"]))
    set_aside = paragraphs[~paragraphs["role"].isin(["body", "headline"])]
    lines = [
        f"**Headline:** {inert_markdown(result.headline) if result.headline else '(none found)'}",
        "",
        f"The text has {_plural(len(paragraphs), 'paragraph')}: {_plural(int(roles.get('body', 0)), 'body paragraph')} "
        f"holding {_plural(len(body), 'sentence')} and {words:,} words. The body is what the analysis counts.",
    ]
    if len(set_aside):
        lines += ["", "Set aside from the body (still shown, greyed, in the annotated article):", ""]
        for row in set_aside.itertuples():
            snippet = row.text if len(row.text) <= 70 else row.text[:67] + "..."
            lines.append(f"- *{row.role.replace('_', ' ')}*: \u201c{inert_markdown(snippet)}\u201d ({inert_markdown(_plain(row.reason))})")
    summary = result.entity_summary
    if len(summary):
        top = summary.head(3)
        lines += ["", f"It is mostly about {_names(f'{r.canonical} ({r.mentions})' for r in top.itertuples())} "
                  "(mentions in the body)."]  # fmt: skip
    return "\n".join(lines)


#: Paragraphs at each edge of a page where a byline or dateline stands.
EDGE_PARAGRAPHS = 6
#: Page metadata shown as found, with the words a reader sees.
METADATA_FIELDS = {"author": "Author (from the page's details)", "sitename": "Site (from the page's details)",
                   "date": "Date (from the page's details)"}  # fmt: skip


def _says_who_or_when(line: str) -> bool:
    """A byline, dateline, wire credit, copyright or "Published ..." line (the patterns
    the provenance findings look for), not other page furniture ("Share", "font change")."""
    from analysis.rules.findings import BYLINE, COPYRIGHT, PUBLISHED, WIRE_CREDIT, WIRE_DATELINE

    return any(pattern.search(line) for pattern in (BYLINE, WIRE_DATELINE, WIRE_CREDIT, COPYRIGHT, PUBLISHED))


def page_identity(result) -> list[dict]:
    """What the top and bottom of the page say about who wrote and published it, as it
    stands: short lines set aside as page furniture, and the page's metadata; each a
    dict of ``what`` and ``text``."""
    paragraphs = result.paragraphs.reset_index(drop=True)
    edges = set(range(min(EDGE_PARAGRAPHS, len(paragraphs)))) | set(range(max(0, len(paragraphs) - 3), len(paragraphs)))
    found = []
    for index in sorted(edges):
        row = paragraphs.iloc[index]
        text = str(row["text"]).strip()
        if row["role"] == "artifact" and len(text.split()) <= 25 and _says_who_or_when(text):
            found.append({"what": "Line on the page", "text": text})
    metadata = dict(getattr(result.article, "metadata", {}) or {})
    for field, what in METADATA_FIELDS.items():
        if metadata.get(field):
            found.append({"what": what, "text": str(metadata[field])})
    return found


#: Words that make a credit a job, not a person ("AP National Political Writer").
_ROLE_WORDS = re.compile(r"\b(writer|reporter|correspondent|editor|staff|producer|contributor|columnist)s?\b", re.I)
#: Site accounts that credit nobody ("By admin").
_SITE_ACCOUNTS = frozenset({"admin", "administrator", "staff", "web desk", "news desk", "newsroom", "editorial staff", "editor"})
#: A credit to a news service rather than a person ("Detroit News wire services").
_SERVICE_WORDS = re.compile(r"\b(wire services?|news services?|news agency|agencies)\b", re.I)


def byline_people(credit: str | None, site: str | None = None) -> tuple[str | None, str | None]:
    """The people a byline credits, and the news agency or outlet it credits instead.

    "STEVE PEOPLES; AP National Political Writer" is Steve Peoples (a job title is no
    person, a name in capitals is written as a name); "JILL LAWLESS Associated Press" is
    Jill Lawless, sent by the Associated Press; "The Associated Press" and
    "Detroit News wire services" credit an agency, not a writer, and "JERUSALEM POST STAFF"
    the outlet's staff; "admin" is a site account;
    with ``site`` (the page's site name), a part the site's name holds is the site
    ("Tanza Loudenback; Business Insider" on Business Insider Deutschland).
    """
    from analysis.rules.entities import outlet

    if not credit or not credit.strip():
        return None, None
    people, agencies = [], []
    for part in re.split(r"\s*;\s*|\s+and\s+|\s*,\s+(?=[A-Z])", " ".join(credit.split())):
        part = re.sub(r"(?i)^by\s+|\s+published\b.*$", "", part).strip(" ,.|")
        key = re.sub(r"(?i)^the\s+", "", part).lower()
        if not part or key in _SITE_ACCOUNTS:
            continue
        # "JILL LAWLESS Associated Press": a name with the agency that sent it after it.
        words = part.split()
        # The agency's name runs to two words or more, or follows a name in capitals:
        # "John Guardian" is a name.
        tail = next((n for n in (3, 2, 1) if len(words) > n and outlet(" ".join(words[-n:])) is not None
                     and words[0].lower() != "the" and (n >= 2 or " ".join(words[:-n]).isupper())), None)  # fmt: skip
        if tail is not None:
            agencies.append(" ".join(words[-tail:]))
            part = " ".join(words[:-tail])
            key = part.lower()
        # A part the site's name holds, or that holds the site's name ("Cleveland.com" on Cleveland).
        site_words = _name_words(site) if site else set()
        if outlet(part) is not None or _SERVICE_WORDS.search(part) or (site and key and (key in site.lower() or (site_words and site_words <= _name_words(part)))):
            agencies.append(part)
        elif re.fullmatch(r"[A-Z]{1,4}|Ph\.?D\.?", part):
            continue  # letters after a name ("Rachael Link, MS, RD")
        elif len(part.split()) >= 2 and re.search(r"(?i)\bstaff$", part):
            agencies.append(part.title() if part.isupper() else part)  # "By JERUSALEM POST STAFF": the outlet's staff
        elif not _ROLE_WORDS.search(part):
            people.append(part.title() if part.isupper() else part)
    return ("; ".join(dict.fromkeys(people)) or None), ("; ".join(dict.fromkeys(agencies)) or None)


def identity_fields(result, found: list[dict] | None = None) -> dict[str, str | None]:
    """Who wrote it, who published it and when, as the identity box gives them: the
    page's metadata, else (for the writer) a "By ..." line at the page's edges; None
    where the page gives nothing. Keys ``byline`` (people only, :func:`byline_people`),
    ``credit`` (an agency or outlet the byline credits instead), ``byline_note`` (what the
    page's details say when they disagree with the text), ``outlet``, ``date`` (as the
    page shows it to readers), ``date_note`` (the details' date when it is a day off). ``found``:
    :func:`page_identity` of ``result``, when the caller has it."""
    found = page_identity(result) if found is None else found
    by_field = {f["what"]: f["text"] for f in found}
    lines = [f["text"] for f in found if f["what"] not in METADATA_FIELDS.values()]
    from_line = next((m.group(1).strip() for line in lines if (m := re.match(r"(?i)(?:by|author:?)\s+(.+)", line))), None)
    metadata = dict(getattr(result.article, "metadata", {}) or {})
    # The "By ..." line a saved page shows above its article (read from the page itself).
    from_line = from_line or metadata.get("byline_shown")
    site = by_field.get(METADATA_FIELDS["sitename"])
    people, credit = byline_people(by_field.get(METADATA_FIELDS["author"]), site)
    in_text, text_credit = byline_people(from_line, site)
    note = None
    if in_text and people and not _same_people(in_text, people):
        # What a reader sees wins; the page's details are shown beside it.
        note = f"the page's details say {people}; the text says {in_text}"
        people = in_text
    elif in_text and people:
        people = in_text  # the same people, as the reader sees them ("Troy L. Smith", not "Troy Smith; Troy L Smith")
    elif in_text and not people:
        people = in_text
        if credit and not _same_people(in_text, credit):
            note = f"the page's details credit {credit}; the text says {in_text}"
    date, date_note = by_field.get(METADATA_FIELDS["date"]), None
    if metadata.get("date_shown"):
        # The page shows its readers another day: the same moment in the site's time zone,
        # or a date it labels "Published" where its details give another (a day off at most
        # is a time zone).
        zone = date is not None and abs((_day(metadata["date_shown"]) - _day(str(date))).days) <= SHOWN_DATE_MAX_DAYS
        date_note = (f"the page shows \u201c{metadata['date_shown_text']}\u201d; its details give {date}"
                     + (", in another time zone" if zone else ""))  # fmt: skip
        date = metadata["date_shown"]
    if not (people or credit or text_credit):
        # A wire dateline credits the agency: "SANTA FE, N.M. (AP) \u2014 ..." (an AP story on a newspaper's site).
        text_credit = wire_credit(result.paragraphs["text"].head(TOP_PARAGRAPHS).tolist())
    return {"byline": people, "credit": credit or text_credit, "byline_note": note,
            "outlet": by_field.get(METADATA_FIELDS["sitename"]), "date": date, "date_note": date_note}  # fmt: skip


def _day(iso: str):
    import datetime as dt

    return dt.date.fromisoformat(iso[:10])


def _name_words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z][\w'’-]{2,}", text)}


def _same_people(a: str, b: str) -> bool:
    """Whether two credits share a name word (a surname), ignoring case."""
    return bool(_name_words(a) & _name_words(b))


def identity_markdown(result) -> str:
    """The article's identity as a reader first wants it: headline, and who wrote it,
    who published it and when, as found on the page or "not given"."""
    codes = set(result.findings["finding"])
    found = page_identity(result)
    fields = identity_fields(result, found)
    lines = [f"**Headline**: {inert_markdown(result.headline) if result.headline else 'none found'}", ""]
    for code, question, field in (("no_byline", "Who wrote it", "byline"), ("no_outlet", "Who published it", "outlet"),
                                  ("no_dateline", "When", "date")):  # fmt: skip
        value = fields[field]
        if value:
            note = fields.get(f"{field}_note")
            answer = inert_markdown(value) + (f" ({inert_markdown(note)})" if note else "")
        elif field == "byline" and fields["credit"]:
            answer = f"no writer named; credited to {inert_markdown(fields['credit'])}"
        else:
            answer = "not given in the text" if code in codes else "given in the text (see the lines below)"
        lines.append(f"- **{question}**: {answer}")
    page_lines = [f["text"] for f in found if f["what"] not in METADATA_FIELDS.values()]
    lines += ["", f"*File*: `{Path(str(result.article.source)).name}`" if result.article.source else ""]
    if page_lines:
        lines += ["", "As found at the edges of the page: " + "; ".join(f"\u201c{inert_markdown(t)}\u201d" for t in page_lines) + "."]
    return "\n".join(lines)


def _see(sent_ids, limit: int = 6) -> str:
    """Links to sentences of the annotated article ("sentences [7](#s7), [8](#s8)")."""
    ids = [int(i) for i in sent_ids][:limit]
    if not ids:
        return ""
    links = ", ".join(f"[{i}](#s{i})" for i in ids)
    more = ", ..." if len(sent_ids) > limit else ""
    return f" (sentence{'s' if len(ids) > 1 else ''} {links}{more})"


def _named_outlet_sentences(result, body) -> set[int]:
    """The sentences whose claim rests on a news outlet the article names ("According to
    Reuters", "Alex Horton of the Washington Post"): a reader can check them by name, unlike
    "local media" or "reports" (the source rule's reason says which)."""
    media = body[body["claim_source_type"].eq("media")]
    attributions = result.attributions
    named = attributions[attributions["source_type"].eq("media")
                         & attributions["source_type_reason"].fillna("").str.contains(" is a news outlet", regex=False)]  # fmt: skip
    pairs = set(zip(named["sent_id"], named["canonical_source"]))
    return {int(i) for i, source in zip(media["sent_id"], media["claim_source"]) if (i, source) in pairs}


def _nameless_lines(result, body, named_media: set[int]) -> list[str]:
    """The key findings about claims with no name behind them: sources without names
    (and whether a reason is given), quotations with no speaker found, and claims nobody
    is said to say. ``named_media``: :func:`_named_outlet_sentences`, which are named."""
    out: list[str] = []
    nameless = body[body["claim_source_type"].isin(NAMELESS_SOURCE_TYPES)
                    | (body["claim_source_type"].eq("media") & ~body["sent_id"].isin(named_media))]  # fmt: skip
    # A claim whose attribution names nobody ("is expected to", "it was announced") hides
    # no source: nobody is said to say it. It gets its own line.
    in_nameless = result.attributions[result.attributions["sent_id"].isin(set(nameless["sent_id"]))]
    # A quotation whose speaker a sentence nearby names ('"Let's face it together." ... one
    # Weibo commenter said') has its source, if a nameless one.
    spoken = set(result.quotes.loc[result.quotes["speaker"].notna(), "sent_id"]) & set(nameless["sent_id"])
    sourced = set(in_nameless.loc[in_nameless["source"].fillna("").ne(""), "sent_id"]) | spoken
    attributed = set(in_nameless["sent_id"]) | spoken
    # A quotation the tool found no speaker for is not a source kept back: say so.
    unplaced = nameless[~nameless["sent_id"].isin(attributed)]
    agentless = nameless[nameless["sent_id"].isin(attributed - sourced)]
    nameless = nameless[nameless["sent_id"].isin(sourced)]
    if len(nameless):
        attributions = in_nameless[in_nameless["sent_id"].isin(set(nameless["sent_id"]))]
        reasons = attributions["anonymity_reason"].dropna()
        named_as = _listed_sources(nameless["claim_source"])
        who = _in_brackets(named_as, 3) if named_as else ""
        reason = (f"a reason for keeping the name back is given {_plural(len(reasons), 'time')}" if len(reasons)
                  else "no reason is given for keeping the names back")  # fmt: skip
        out.append(f"**Sources without names**: {_plural(len(nameless), 'claim')} rest{'s' if len(nameless) == 1 else ''} "
                   f"on sources the reader cannot check by name{who}; {reason}{_see(nameless['sent_id'])}.")  # fmt: skip
    if len(unplaced):
        out.append(f"**Quotations with no speaker found**: {_plural(len(unplaced), 'claim')} in quotation marks "
                   f"{'has' if len(unplaced) == 1 else 'have'} no speaker the tool could find; the article may name them "
                   f"nearby: check who says {'it' if len(unplaced) == 1 else 'them'}{_see(unplaced['sent_id'])}.")  # fmt: skip
    if len(agentless):
        cues = in_nameless[in_nameless["sent_id"].isin(set(agentless["sent_id"]))]["cue"]
        said = _names([chr(0x201C) + c + chr(0x201D) for c in dict.fromkeys(cues)], limit=2)
        out.append(f"**Nobody said to say it**: {_plural(len(agentless), 'claim')} {'is' if len(agentless) == 1 else 'are'} "
                   f"given with words such as {said} and no one saying {'it' if len(agentless) == 1 else 'them'}"
                   f"{_see(agentless['sent_id'])}.")  # fmt: skip
    return out


def _page_lines(result, findings) -> list[str]:
    """The key findings about the page: numbers to question, paid or promotional
    content, and what the page does not say (who wrote it, who published it, when)."""
    out: list[str] = []
    numbers = result.numbers[result.numbers["in_body"] & result.numbers["flags"].map(bool)]
    if len(numbers):
        first = numbers.iloc[0]
        counted = f" ({inert_markdown(first['counted'])})" if first["counted"] and first["counted_rule"] != "currency" else ""
        out.append(f"**Numbers to question**: {_plural(len(numbers), 'number')}, such as \u201c{inert_markdown(first['text'])}\u201d"
                   f"{counted}: {inert_markdown(first['flag_reason'])}{_see(numbers['sent_id'])}.")  # fmt: skip
    for row in findings[findings["finding"] == "paid_or_promotional"].itertuples():
        out.append(f"**Paid or promotional**: {inert_markdown(row.detail.removeprefix('The page says it is paid for or promotional: '))} "
                   "Someone with an interest in it made or paid for it: read its claims with that in mind.")  # fmt: skip
    missing = [what for code, what in (("no_byline", "who wrote it"), ("no_outlet", "who published it"), ("no_dateline", "when"))
               if code in set(findings["finding"])]  # fmt: skip
    if missing:
        relative = result.dates[(result.dates["kind"] == "relative") & result.dates["in_body"]]["text"].drop_duplicates()
        placed = (f", so its dates ({_names([chr(0x201C) + d + chr(0x201D) for d in relative], limit=3)}) cannot be placed"
                  if "when" in missing and len(relative) else "")  # fmt: skip
        out.append(f"**Not on the page**: the text does not say {_names(missing)}{placed}.")
    return out


def key_findings(result) -> list[str]:
    """Five to eight findings a reader should know first, each one plain sentence of
    Markdown with links to its sentences in the annotated article: the headline against
    the body, what is confirmed and by whom, what rests on sources without names (and
    whether a reason is given), the writer's own claims, what is hedged or left open,
    numbers to question, and what the page does not say."""
    body = result.body_sentences
    findings = result.findings
    out: list[str] = []
    headline = findings[findings["category"] == "headline"]
    if len(headline):
        for row in headline.itertuples():
            out.append(f"**Headline**: {inert_markdown(row.detail)}{_see(row.sent_ids)}")
    elif result.headline:
        out.append("**Headline**: the checks found no gap between the headline and the body (names, places, figures "
                   "and how sure it sounds). They miss many gaps a careful reader finds, so compare the headline with "
                   "the first sentence yourself.")  # fmt: skip
    if body.empty:
        return out + ["The text has no body sentences to assess."]
    total = len(body)
    confirmed = body[body["status"] == "confirmed"]
    if len(confirmed):
        who = _in_brackets(_listed_sources(confirmed["claim_source"]), 5)
        out.append(f"**Confirmed**: {_plural(len(confirmed), 'claim')} of {total} {'is' if len(confirmed) == 1 else 'are'} "
                   f"confirmed by a named source{who}{_see(confirmed['sent_id'])}.")  # fmt: skip
    else:
        out.append(f"**Confirmed**: none of the {total} body claims is confirmed by a named source.")
    named_media = _named_outlet_sentences(result, body)
    out += _nameless_lines(result, body, named_media)
    named = body[(body["claim_source_type"].isin(IDENTIFIED_SOURCE_TYPES) | body["sent_id"].isin(named_media))
                 & (body["status"] != "confirmed")]  # fmt: skip
    if len(named):
        besides = "Besides what is confirmed, " if len(confirmed) else ""
        out.append(f"**Named sources**: {besides}{_plural(len(named), 'claim')} {'is' if len(named) == 1 else 'are'} reported "
                   f"from people, organisations, news outlets or documents the article names"
                   f"{_in_brackets(_listed_sources(named['claim_source']), 3)}.")  # fmt: skip
    # "Rests on" is the sentence's claim source, as in the charts and claim_shares.
    writer = body[body["claim_source_type"] == "author"]
    if len(writer):
        as_fact = int((writer["status"] == "asserted").sum())
        out.append(f"**The writer's own word**: {_plural(len(writer), 'claim')} ({100 * len(writer) / total:.0f}%) "
                   f"rest{'s' if len(writer) == 1 else ''} on the writer alone, with no source given; {as_fact} of them "
                   f"{'is' if as_fact == 1 else 'are'} stated as fact.")  # fmt: skip
    weak = body[body["status"].isin(WEAK_STATUSES)]
    if len(weak):
        hedges = result.cues[result.cues["sent_id"].isin(set(weak["sent_id"])) & (result.cues["kind"] == "hedge")
                             & (result.cues["category"] != "approximator")]
        words = _names([chr(0x201C) + w + chr(0x201D) for w in dict.fromkeys(hedges["text"].str.lower())], limit=3)
        softened = f" (by words such as {words})" if len(hedges) else ""
        out.append(f"**Hedged or left open**: {_plural(len(weak), 'claim')} {'is' if len(weak) == 1 else 'are'} softened"
                   f"{softened} or left unconfirmed{_see(weak['sent_id'])}.")  # fmt: skip
    return out + _page_lines(result, findings)


def key_findings_markdown(result) -> str:
    """:func:`key_findings` as a Markdown list."""
    return "\n".join(f"- {line}" for line in key_findings(result))


def _caption_strip(result) -> str:
    body = result.body_sentences
    if body.empty:
        return "No body sentences."
    weak = body["status"].isin(WEAK_STATUSES).tolist()
    run, best, end = 0, 0, None
    for i, is_weak in enumerate(weak):
        run = run + 1 if is_weak else 0
        if run > best:
            best, end = run, i
    asserted = int((body["status"] == "asserted").sum())
    stretch = (f"; the longest run of hedged or unconfirmed sentences is {best}, ending at sentence {int(body['sent_id'].iloc[end])}"
               if best > 1 else "")  # fmt: skip
    return f"Read it left to right: {asserted} of {len(body)} sentences are grey, stated by the writer{stretch}."


def _caption_status(result) -> str:
    counts = result.body_sentences["status"].value_counts()
    if counts.empty:
        return "No body claims."
    return f"The longest bar: {counts.index[0]}, {counts.iloc[0]} of {int(counts.sum())} claims."


def _caption_source_type(result) -> str:
    shares = result.claim_shares.set_index("claim_source_type")["share"]
    if shares.sum() == 0:
        return "No body claims."
    top = shares.idxmax()
    return (f"Each body sentence counted once, by what its main claim rests on: the largest share rests on "
            f"{'the writer alone' if top == 'author' else top + ' sources'} ({100 * shares.max():.0f}%).")  # fmt: skip


def _caption_stance(result) -> str:
    body = result.attributions[result.attributions["sent_id"].isin(set(result.body_sentences["sent_id"]))]
    if body.empty:
        return "No attributions in the body."
    top = body.groupby(["source_type", "cue_stance"]).size().sort_values(ascending=False, kind="stable")
    (kind, stance), n = top.index[0], int(top.iloc[0])
    return (f"Unlike the chart above, this counts every attribution, so a sentence citing two sources counts twice: "
            f"the darkest cell is {kind} sources with {stance.replace('_', ' ')} verbs ({n}).")  # fmt: skip


def _caption_entities(result) -> str:
    summary = result.entity_summary
    if summary.empty:
        return "No names in the body."
    top = summary.iloc[0]
    return f"{top['canonical']} is named most ({int(top['mentions'])} times); the colours tell people from places and organisations."


def _caption_numbers(result) -> str:
    numbers = result.numbers[result.numbers["in_body"]]
    if numbers.empty:
        return "No numbers in the body."
    unsourced = int(numbers["source_type"].isin(["author"] + sorted(NAMELESS_SOURCE_TYPES)).sum())
    return (f"Hollow circles are rough figures ({int(numbers['approximate'].sum())} of {len(numbers)}); "
            f"{unsourced} come from the writer or a source without a name.")  # fmt: skip


#: One caption per chart of :mod:`analysis.presenting.charts`, keyed by the chart's name.
CAPTIONS = {
    "certainty_strip": _caption_strip,
    "claims_by_status": _caption_status,
    "claims_by_source_type": _caption_source_type,
    "sources_by_stance": _caption_stance,
    "entity_mentions": _caption_entities,
    "numbers_chart": _caption_numbers,
}


def chart_caption(chart: str, result) -> str:
    """One sentence under a chart saying what to look at in it, from the data."""
    return CAPTIONS[chart](result)


def findings_text(result, *, category: str | None = None) -> str:
    """The findings as a Markdown list (one category, or all), or a sentence saying none."""
    findings = result.findings if category is None else result.findings[result.findings["category"] == category]
    if findings.empty:
        what = {"headline": "The headline's places and certainty match the body", "provenance": "Byline, outlet and dateline are all given"}
        return f"{what.get(category, 'Nothing to flag')}: no finding."
    lines = []
    for row in findings.itertuples():
        evidence = (f" Evidence: {inert_markdown(' | '.join(_plain(part) for part in str(row.evidence).split(' | ')))}."
                    if row.evidence and category == "headline" else "")  # fmt: skip
        sentences = f" (sentences {', '.join(map(str, row.sent_ids))})" if row.sent_ids and category != "headline" else ""
        lines.append(f"- **{row.finding.replace('_', ' ')}**: {inert_markdown(row.detail)}{sentences}{evidence}")
    return "\n".join(lines)


def entities_text(result) -> str:
    """Who and where: counts by type, the most mentioned, names that resolved."""
    summary = result.entity_summary
    if summary.empty:
        return "No people, places or organisations are named in the body."
    kinds = summary["type"].value_counts()
    people = summary[summary["type"] == "PERSON"]
    places = summary[summary["type"].isin(PLACE_ENTITY_LABELS)]
    orgs = summary[summary["type"] == "ORG"]
    merged = summary[summary["forms"].str.contains(";")]
    lines = [
        f"The body names {_plural(int(kinds.get('PERSON', 0)), 'person', 'people')}, "
        f"{_plural(len(places), 'place')} and {_plural(len(orgs), 'organisation')} "
        f"({_plural(len(summary), 'entity', 'entities')} in all).",
        "",
        f"- Most mentioned people: {_names(f'{r.canonical} ({r.mentions})' for r in people.itertuples())}.",
        f"- Most mentioned places: {_names(f'{r.canonical} ({r.mentions})' for r in places.itertuples())}.",
    ]
    if len(merged):
        lines.append(f"- {_plural(len(merged), 'entity', 'entities')} appear under several forms, counted once: "
                     + "; ".join(f"{inert_markdown(r.canonical)} ({inert_markdown(r.forms.replace(';', ', '))})" for r in merged.head(6).itertuples()) + ".")  # fmt: skip
    pairs = result.entity_pairs
    if len(pairs):
        top = pairs.iloc[0]
        lines.append(f"- Most often together: {inert_markdown(top['entity_a'])} and {inert_markdown(top['entity_b'])}, in {_plural(int(top['sentences']), 'sentence')}.")
    return "\n".join(lines)


def certainty_text(result) -> str:
    """How sure the body is: statuses, hedges and boosters, and what the firmest claims rest on."""
    body = result.body_sentences
    if body.empty:
        return "The text has no body sentences to assess."
    counts = body["status"].value_counts()
    total = len(body)
    share = lambda s: 100 * counts.get(s, 0) / total  # noqa: E731
    hedges = result.cues[result.cues["in_body"] & (result.cues["kind"] == "hedge")]
    boosters = result.cues[result.cues["in_body"] & (result.cues["kind"] == "booster")]
    lines = [
        f"{_plural(total, 'body sentence')}: {counts.get('confirmed', 0)} confirmed ({share('confirmed'):.0f}%), "
        f"{counts.get('reported', 0)} reported by a source ({share('reported'):.0f}%), "
        f"{counts.get('asserted', 0)} asserted by the author ({share('asserted'):.0f}%), "
        f"{counts.get('hedged', 0)} hedged ({share('hedged'):.0f}%), {counts.get('unconfirmed', 0)} unconfirmed "
        f"({share('unconfirmed'):.0f}%).",
        "",
        f"- {_plural(len(hedges), 'hedge')} in the body; most common kinds: "
        f"{_names(f'{k} ({v})' for k, v in hedges['category'].value_counts().head(4).items())}.",
        f"- {_plural(len(boosters), 'booster')}: {_names(dict.fromkeys(boosters['text'].str.lower()), limit=8)}.",
    ]
    confirmed = body[body["status"] == "confirmed"]
    for row in confirmed.head(3).itertuples():
        lines.append(f"- Confirmed, sentence {row.sent_id}, resting on {inert_markdown(row.claim_source)} ({row.claim_source_type}): \u201c{inert_markdown(row.text)}\u201d")
    weak = body[body["status"].isin(WEAK_STATUSES)]
    if len(weak):
        lines.append(f"- Hedged or unconfirmed: sentences {', '.join(map(str, weak['sent_id'].head(8)))}.")
    return "\n".join(lines)


def sources_text(result) -> str:
    """Who says so: named, anonymous and unnamed sources, stances, and what claims rest on."""
    sources = result.sources
    shares = result.claim_shares.set_index("claim_source_type")
    if sources.empty:
        return "Nobody is cited in the body: every claim is the author's own."
    by_type = sources["source_type"].value_counts()
    named = int(by_type.get("person", 0) + by_type.get("organization", 0) + by_type.get("document", 0))
    faceless = int(by_type.get("anonymous", 0) + by_type.get("unnamed", 0) + by_type.get("media", 0))
    unexplained = result.attributions[
        result.attributions["source_type"].isin(NAMELESS_SOURCE_TYPES) & result.attributions["anonymity_reason"].isna()
    ]
    rest = lambda t: 100 * float(shares.at[t, "share"])  # noqa: E731
    lines = [
        f"The body cites {_plural(len(sources), 'source')}: {named} named (people, organisations, documents) and "
        f"{faceless} without a name (anonymous, unnamed groups, media).",
        "",
        f"- Claims resting on named people or organisations: {rest('person') + rest('organization') + rest('document'):.0f}%; "
        f"on anonymous or unnamed sources or media: {rest('anonymous') + rest('unnamed') + rest('media'):.0f}%; "
        f"on the author alone: {rest('author'):.0f}%.",
        f"- Most cited: {_names(f'{r.canonical_source} ({r.attributions})' for r in sources.head(4).itertuples())}.",
        f"- Direct quotes: {int(sources['direct_quotes'].sum())}, "
        f"{int(sources['quoted_words'].sum())} words; paraphrase: {int(sources['paraphrased_words'].sum())} words.",
    ]
    if len(unexplained):
        lines.append(f"- {_plural(len(unexplained), 'attribution')} to an anonymous or unnamed source give no reason "
                     "for the anonymity (newsrooms ask for one).")  # fmt: skip
    stances = result.attributions["cue_stance"].value_counts()
    if len(stances):
        lines.append(f"- Reporting verbs by stance: {_names(f'{k.replace(chr(95), chr(32))} ({v})' for k, v in stances.items())}.")
    return "\n".join(lines)


def numbers_text(result) -> str:
    """The numbers, who gave them, and which a careful reader would question."""
    numbers = result.numbers[result.numbers["in_body"]]
    if numbers.empty:
        return "The body gives no numbers."
    approximate = numbers[numbers["approximate"]]
    flagged = numbers[numbers["flags"].map(bool)]
    lines = [
        f"The body gives {_plural(len(numbers), 'number')}, {len(approximate)} of them approximate.",
        "",
    ]
    for row in flagged.itertuples():
        counted = f" {inert_markdown(row.counted)}" if row.counted and row.counted_rule != "currency" else ""
        source = "no source" if row.source in (None, "author") or row.source != row.source else inert_markdown(row.source)
        lines.append(f"- \u201c{inert_markdown(row.text)}\u201d{counted} (sentence {row.sent_id}, from {source}): {inert_markdown(row.flag_reason)}.")
    if flagged.empty:
        lines.append("- No number is flagged.")
    return "\n".join(lines)


#: What the report's trust section shows: (label family, data set, measure, path into results.json).
TRUST_ROWS = [
    ("Uncertain sentence (hedged or not)", "CoNLL-2010 BioScope full papers (validation)", "F1, news lexicon", ("hedge_detection", "bio", "news lexicon", "f1")),
    ("Uncertain sentence (hedged or not)", "CoNLL-2010 Wikipedia (held-out fifth)", "F1, news lexicon", ("hedge_detection", "wiki", "news lexicon", "f1")),
    ("Who says so: source span (speech verbs)", "PolNeAR dev, speech verbs", "exact F1", ("attribution_spans", "speech exact source", "f1")),
    ("Who says so: reporting cue", "PolNeAR dev, speech verbs", "exact F1", ("attribution_spans", "speech exact cue", "f1")),
    ("Who says so: what is attributed", "PolNeAR dev, speech verbs", "exact F1", ("attribution_spans", "speech exact content", "f1")),
    ("Who says so: source span (all attributions)", "PolNeAR dev, all relations", "exact F1", ("attribution_spans", "all exact source", "f1")),
    ("Who says so: the right speaker", "PolNeAR dev, all relations", "accuracy %", ("attribution_spans", "speaker accuracy all", "accuracy")),
    ("Who says so: the right speaker of a quotation", "PolNeAR dev, direct quotes", "accuracy %", ("attribution_spans", "speaker accuracy direct", "accuracy")),
    ("Kind of source (person, anonymous, media...)", "8 PolNeAR dev articles, labelled by hand", "accuracy %", ("source_types", "strict accuracy %")),
    ("How sure a claim is (status)", "287 sentences of 11 articles, labelled by hand", "accuracy %", ("claim_status", "strict accuracy %")),
    ("Headline against body", "made-up headline mismatches", "% found", ("headline_findings", "pairs", "recall %")),
    ("Headline against body", "news articles read by people first (BBC, saved pages)", "% of warnings right",
     ("headline_findings", "blind", "all", "precision %")),
    ("Named entities", "CoNLL-2003 dev", "F1, with corrections", ("entity_recognition", "with corrections", "f1")),
]  # fmt: skip


def load_results(path: Path | None = None) -> dict:
    """The benchmark figures the package ships (``benchmarks/results.json``, written by
    the benchmark scripts), keyed by benchmark name ({} when none)."""
    import json

    try:
        return json.loads(Path(path or config.RESULTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def trust_table(results: dict | None = None) -> pd.DataFrame:
    """How far to trust the labels: the accuracy each benchmark measured, read from
    ``benchmarks/results.json`` (never typed by hand). Rows whose benchmark has not run
    say "not measured"."""
    results = load_results() if results is None else results
    rows = []
    for label, data, measure, path in TRUST_ROWS:
        entry = results.get(path[0], {})
        value = measured_figure(results, path)
        figure = f"{value:.1f}" if value is not None else "not measured"
        rows.append({"label": label, "data": data, "measure": measure, "figure": figure,
                     "measured": entry.get("date", ""), "command": entry.get("command", "")})  # fmt: skip
    return pd.DataFrame(rows)


def trust_text(results: dict | None = None) -> str:
    """The trust section as Markdown: a table and how to read it."""
    table = trust_table(results)
    lines = [
        "The labels come from rules, not from an editor. These are the accuracies the project's benchmarks "
        "measured on annotated corpora (F1 or accuracy, from 0 to 100; higher is better). Read the labels as a first pass "
        "to check, not as a verdict.",
        "",
        "| label | data | measure | figure | measured |",
        "|---|---|---|---|---|",
    ]
    lines += [f"| {r.label} | {r.data} | {r.measure} | {r.figure} | {r.measured} |" for r in table.itertuples()]
    commands = sorted(set(c for c in table["command"] if c))
    if commands:
        lines += ["", "Measured with: " + "; ".join(f"`{c}`" for c in commands) + "."]
    return "\n".join(lines)


def measured_figure(results: dict, path: tuple[str, ...]) -> float | None:
    """One figure of :func:`load_results`, by its path (benchmark name, then keys into its
    ``figures``), or None when it was not measured."""
    value = results.get(path[0], {}).get("figures", {})
    for key in path[1:]:
        value = value.get(key, {}) if isinstance(value, dict) else {}
    return value if isinstance(value, (int, float)) else None


def _in_hundred(value: float | None, scale: float = 100) -> str:
    return "(not measured yet)" if value is None else f"{int(100 * value / scale + 0.5)} in 100"


#: What each trust sentence says: the label a reader relies on, a sentence with ``{x}``
#: for the figure ("96 in 100") and other fields for counts, the figure's path in
#: ``benchmarks/results.json`` and its scale (1 for shares, 100 for percentages), and
#: the paths of the counts.
TRUST_SENTENCES = [
    ("How sure a claim is", "On {sentences} sentences of {articles} news articles that people labelled before the tool "
     "saw them, the status was right for {x}.", ("claim_status", "strict accuracy"), 1,
     {"sentences": ("claim_status", "sentences"), "articles": ("claim_status", "articles")}),
    ("Who said a quotation", "On {articles} US news articles from 2016 it had never seen, when the tool found a "
     "quotation it named the person who said it {x} times.", ("attribution_spans", "speaker accuracy direct", "accuracy"), 100,
     {"articles": ("attribution_spans", "articles")}),
    ("Who said everything else", "Over everything those articles report someone saying, quoted or not, it named the "
     "right person {x} times.", ("attribution_spans", "speaker accuracy all", "accuracy"), 100, {}),
    ("Kind of source", "Of {relations} sources in {articles} of those articles, labelled by hand, it gave the right kind "
     "(person, anonymous, media...) for {x} of those it found.", ("source_types", "strict accuracy"), 1,
     {"relations": ("source_types", "gold relations"), "articles": ("source_types", "articles")}),
    ("Headline against body", "Of {pairs} made-up headlines that claim more than their article, it caught {found}. "
     "On {articles} real news articles that people read before the tool saw them, {right} of its {fires} headline "
     "warnings were right, and it caught {caught} of the {gold} problems the readers found: a quiet headline check "
     "does not mean the headline is fair.",
     ("headline_findings", "pairs", "recall"), 1,
     {"pairs": ("headline_findings", "pairs", "mismatches"), "found": ("headline_findings", "pairs", "found"),
      "articles": ("headline_findings", "blind", "articles"), "right": ("headline_findings", "blind", "all", "right"),
      "fires": ("headline_findings", "blind", "all", "fires"), "caught": ("headline_findings", "blind", "all", "found"),
      "gold": ("headline_findings", "blind", "all", "gold")}),
    ("Uncertain sentences outside news", "It is tuned to news: on biology papers its balanced score for finding "
     "uncertain sentences is {x} (on Wikipedia, lower), so read its hedges on other kinds of text with care.",
     ("hedge_detection", "bio", "news lexicon", "f1"), 100, {}),
    ("Names of people, places and organisations", "In news stories labelled by hand its balanced score for finding "
     "and sorting names is {x}.", ("entity_recognition", "with corrections", "f1"), 100, {}),
]  # fmt: skip


def trust_in_words(results: dict | None = None) -> str:
    """How far to trust the labels, in plain words: one sentence per label a reader
    relies on, the figure said as "N in 100", with the data's size, all read from
    ``benchmarks/results.json`` (never typed); the measured table follows in the report."""
    results = load_results() if results is None else results
    lines = ["The labels come from rules, not from an editor, and rules make mistakes. Read them as a first pass to "
             "check, not as a verdict. This is how often they were right when tested on text labelled by people:", ""]  # fmt: skip
    for label, sentence, path, scale, counts in TRUST_SENTENCES:
        figure = measured_figure(results, path)
        values = {name: measured_figure(results, where) for name, where in counts.items()}
        if figure is None or any(v is None for v in values.values()):
            lines.append(f"- **{label}**: not measured yet.")
            continue
        values = {name: f"{int(v):,}" for name, v in values.items()}
        lines.append(f"- **{label}**: {sentence.format(x=_in_hundred(figure, scale), **values)}")
    lines += ["", "A \"balanced score\" (F1) weighs how many it finds against how many of those are right; 100 in 100 "
              "is perfect. The data sets, measures and dates are in the table below and on the project's benchmarks "
              "page (`docs/benchmarks.md`)."]  # fmt: skip
    return "\n".join(lines)


def trust_details(results: dict | None = None):
    """The measurements behind :func:`trust_in_words`, as a folded table."""
    from analysis.presenting.tables import folded_table

    table = trust_table(results)[["label", "data", "measure", "figure", "measured", "command"]]
    return folded_table(table, "The measurements behind these figures: data set, measure, date and the command that ran it",
                        headers={"label": "what is measured", "data": "data set", "figure": "figure (0-100)",
                                 "command": "measured by"})  # fmt: skip


def glossary_markdown() -> str:
    """Every label a student meets, with its plain-English meaning, as Markdown: the
    teaching guide's glossary (read from :mod:`analysis.vocabulary`)."""
    from analysis import vocabulary

    sections = [
        ("How sure is the claim (status)", vocabulary.STATUS),
        ("Who says so (source type)", vocabulary.SOURCE_TYPE),
        ("How the source says it (stance of the reporting verb)", vocabulary.CUE_STANCE),
        ("Words that change how sure a claim is (cues)", vocabulary.CUE_KIND),
        ("What kind of claim", vocabulary.CLAIM_TYPE),
        ("What a careful reader would question (findings)", vocabulary.FINDING),
        ("Kinds of names (named entities)", vocabulary.ENTITY_LABEL),
    ]
    lines: list[str] = []
    for title, labels in sections:
        lines += [f"### {title}", "", "| label | what it means |", "|---|---|"]
        lines += [f"| `{name}` | {labels.describe(name)} |" for name in labels]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def status_meanings() -> str:
    """What each status means, in plain words, as a Markdown list (from
    :mod:`analysis.vocabulary`): the notebooks' legend for the statuses."""
    from analysis.vocabulary import STATUS

    return "Each body sentence gets one **status**:\n\n" + "\n".join(f"- *{name}*: {STATUS.describe(name)}" for name in STATUS)


def frequencies_text(frequencies: pd.DataFrame, *, top: int = 10) -> str:
    """The most frequent terms of a :func:`~analysis.presenting.frequencies.word_frequencies`
    table in a sentence: how many words were counted, the leading terms, how many of
    them are names."""
    words = frequencies.attrs.get("words", 0)
    if frequencies.empty:
        return f"There are {_plural(words, 'word')} to count here, and no term besides stop words."
    head = frequencies.head(top)
    leading = [f"{inert_markdown(t)} ({c})" for t, c in zip(head["term"], head["count"])]
    names = int((head["kind"] == "entity").sum())
    spread = ""
    if "articles" in head and frequencies["articles"].max() > 1:
        widest = frequencies.sort_values(["articles", "count"], ascending=False, kind="stable").iloc[0]
        spread = f" The term found in the most articles is {inert_markdown(widest['term'])}, in {widest['articles']}."
    return (f"{_plural(words, 'word')} counted. The most frequent terms: {_names(leading, limit=top)}; "
            f"{names} of these {len(head)} {'is a name' if names == 1 else 'are names'} (a person, organisation, place or group, "
            f"counted as one term).{spread}")  # fmt: skip


def kwic_text(lines: pd.DataFrame, query: str) -> str:
    """What a :func:`~analysis.presenting.kwic.kwic` table shows, in a sentence: where the
    word occurs and how sure the article is of the body sentences that use it."""
    if lines.empty:
        return f"“{inert_markdown(query)}” does not occur."
    body = lines[lines["status"].notna()]
    other = len(lines) - len(body)
    counts = body["status"].value_counts()
    parts = [f"{n} {status}" for status, n in counts.items()]
    articles = lines["article_id"].nunique()
    where = f" in {_plural(articles, 'article')}" if articles > 1 else ""
    outside = f" ({other} in headlines or other lines that make no claim)" if other else ""
    weak = int(body["status"].isin(WEAK_STATUSES).sum())
    share = f" {weak} of the {len(body)} claims using it are hedged or unconfirmed." if len(body) else ""
    return (f"“{inert_markdown(query)}” occurs {_plural(len(lines), 'time')}{where}{outside}; in the body sentences: "
            f"{_names(parts, limit=len(parts))}.{share}")  # fmt: skip


def keyness_text(table: pd.DataFrame, *, a: str, b: str, top: int = 6) -> str:
    """The terms a :func:`~analysis.presenting.frequencies.keyness` table finds
    distinctive, each way, and whether any difference is beyond chance (p < 0.05)."""
    if table.empty:
        return f"Neither {a} nor {b} has a term to compare."
    lines = []
    for side, name, other in (("a", a, b), ("b", b, a)):
        rows = table[table["more_in"] == side].head(top)
        significant = int((table[table["more_in"] == side]["p_value"] < 0.05).sum())
        words = [f"{inert_markdown(t)} ({x} against {y})" for t, x, y in zip(rows["term"], rows[f"count_{side}"], rows[f"count_{'b' if side == 'a' else 'a'}"])]
        lines.append(f"- Used more in {name} than in {other}: {_names(words, limit=top)}. "
                     + (f"{_plural(significant, 'term')} differ beyond chance (p < 0.05)." if significant
                        else "None of the differences is beyond chance (p < 0.05): the texts are too short or too alike to tell."))  # fmt: skip
    return "\n".join(lines)
