"""Posts from other sites shown inside an article: an embedded tweet is its poster's words.

A saved page keeps an embedded post as a paragraph of its own that ends with the post's
signature: "... pic.twitter.com/s96jjh8AlD— Rep. Ilhan Omar (@Ilhan) November 19, 2019".
Read as plain text it would be the writer's own claims; it is the poster's, as a
quotation is its speaker's. Each post becomes an attribution (pattern ``embedded_post``:
the poster's name is the source, the handle the cue, the post's text the content) and a
direct quotation with the poster as speaker, so every sentence of the post rests on them.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from analysis.rules.attribution import Attribution
from analysis.rules.quotes import Quote, with_whole_quotations

__all__ = ["EMBED_SIGNATURE", "embedded_posts", "post_quotes"]

#: The signature that ends an embedded post: a dash, the poster's name, their handle in
#: brackets and the date ("— Digital Foundry (@digitalfoundry) November 18, 2019").
EMBED_SIGNATURE = re.compile(
    r"[\u2014\u2013]\s*(?P<name>[^\u2014\u2013()\n]{2,60}?)\s*\((?P<handle>@\w{1,30})\)\s*"
    r"(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})\s*$"
)


def embedded_posts(text: str, doc: Doc, paragraphs: list[tuple[int, int]]) -> list[Attribution]:
    """An attribution for each paragraph that is an embedded post (it ends with a post's
    signature): source the poster's name, cue the handle, content the post's text. The
    signature is read in ``text`` as written (the Doc's text has its dashes normalised)."""
    found = []
    for start, end in paragraphs:
        signed = EMBED_SIGNATURE.search(text, start, end)
        if signed is None or signed.end() != end:
            continue
        name = doc.char_span(signed.start("name"), signed.end("name"), alignment_mode="expand")
        handle = doc.char_span(signed.start("handle") - 1, signed.end("handle") + 1, alignment_mode="expand")
        content = doc.char_span(start, signed.start(), alignment_mode="contract")
        if name is None or handle is None or content is None or not len(content):
            continue
        found.append(Attribution((handle.start, handle.end), handle.start, "post", "neutral", "speech",
                                 (name.start, name.end), (content.start, content.end), "embedded_post"))  # fmt: skip
    return found


def post_quotes(doc: Doc, posts: list[Attribution], quotes: list[Quote]) -> list[Quote]:
    """``quotes`` with each post, its signature included, added as a direct quotation by
    its poster (:func:`~analysis.rules.quotes.with_whole_quotations`)."""
    return with_whole_quotations(
        doc, posts, quotes, lambda post, poster: f"an embedded post by '{poster}' {doc[post.cue[0] : post.cue[1]].text}, shown in the article"
    )
