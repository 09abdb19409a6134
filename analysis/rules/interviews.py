"""Interviews and transcripts: each answer, each speaker's turn, is that person's words.

An interview is often printed as a transcript, each question opening "Q:" and each answer
"A:" ("Q: Did the Immigration service take care of you? / A: No, no one came."). Read as
plain text, every answer would be the writer's own claims and its "I" the writer; it is
the interviewee's, as a quotation is its speaker's. Who that is, the article says before
the first question: the person its headline names ("Q&A with Vice President Joe Biden"),
else the first person its introduction names ("Actress Diane Guerrero has become ...").

Each answer becomes an attribution (pattern ``interview_answer``: the interviewee's name
where the article first gives it is the source, the "A:" label the cue, the answer the
content) and a direct quotation with the interviewee as speaker, so every sentence of the
answer rests on them; an answer runs on over unlabelled paragraphs up to the next
question. An article with fewer than :data:`MIN_ANSWERS` answers, or no question, or no
person named before the first question, is left as it is.

A transcript labels each turn with its speaker's name in capitals ("TAPPER: Do you think
...? / FALLIN: I think he is trying to campaign as a racial healer."). Each turn becomes
an attribution (pattern ``transcript_turn``: the person the label names, where the
article first gives their name, is the source, the label the cue, the turn the content)
and a direct quotation by them, over unlabelled paragraphs up to the next label (the
last turn its own paragraph only). A label counts only when it names a person the
article names elsewhere ("FALLIN" for Mary Fallin; "JAKE TAPPER"), so kickers such as
"UPDATE:" or "EXCLUSIVE:" and "UN:" are no speakers; an article with fewer than
:data:`MIN_ANSWERS` such turns is left as it is.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from analysis.rules.attribution import Attribution
from analysis.rules.entities import bare_name
from analysis.rules.mentions import HONORIFICS, role_words
from analysis.rules.quotes import Quote, with_whole_quotations

__all__ = ["MIN_ANSWERS", "interview_answers", "transcript_turns", "answer_quotes"]

#: An answer's label at the start of its paragraph: "A:", "A.", "A -" and a capital after.
ANSWER = re.compile(r"A\s*(?:[:.]|[\u2014\u2013-])\s+(?=\S)")
#: A question's label: "Q:", "Q." or a "Q" printed against the question ("QThere's ...").
QUESTION = re.compile(r"Q\s*(?:[:.]|[\u2014\u2013-])?\s*(?=[A-Z\"'\u201c])")
#: A speaker's label at the start of a transcript's paragraph: one to three words in
#: capitals ("FALLIN:", "JAKE TAPPER:", "O'ROURKE:") and a colon.
SPEAKER_LABEL = re.compile(r"((?:[A-Z][A-Z'\u2019\-]+)(?: [A-Z][A-Z'\u2019\-]+){0,2})\s*:\s+(?=\S)")
#: The fewest answer paragraphs (or transcript turns) that make an article a printed interview: one "A." could
#: be an initial.
MIN_ANSWERS = 2


def _interviewee(doc: Doc, before: int) -> Span | None:
    """The person the article names first, in its headline or introduction, before
    character ``before`` (the first question); else a name of two words or more the
    model did not tag that the headline gives and the introduction repeats ("Introducing
    Junior Gaspard, New CEO" / "thrilled to have Junior Gaspard")."""
    person = next((e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= before and len(e) >= 2), None)
    if person is not None:
        return person
    headline = next(iter(doc.sents), None)
    if headline is None:
        return None
    intro = doc.text[headline.end_char : before]
    i = headline.start
    while i < headline.end:
        j = i
        while j < headline.end and doc[j].pos_ == "PROPN" and not doc[j].ent_type_:
            j += 1
        if j - i >= 2 and doc[i:j].text in intro:
            return doc[i:j]
        i = j + 1
    return None


def _answers(text: str, paragraphs: list[tuple[int, int]], questions: list[int]) -> list[tuple[int, int, re.Match]]:
    """Each answer as (start, end, its label): an "A:" paragraph and the unlabelled
    paragraphs after it up to the next question ("Are there problems? Yeah. ..."). The
    last answer is its own paragraph only: what follows the last question's answer is as
    often an editor's note or the page's end as more of the answer."""
    found = []
    for k, (start, end) in enumerate(paragraphs):
        label = ANSWER.match(text, start, end)
        if label is None:
            continue
        for next_start, next_end in paragraphs[k + 1 :]:
            if next_start in questions or ANSWER.match(text, next_start, next_end) or not any(q > next_start for q in questions):
                break
            end = next_end
        found.append((start, end, label))
    return found


def interview_answers(text: str, doc: Doc, paragraphs: list[tuple[int, int]]) -> list[Attribution]:
    """An attribution for each answer of a printed interview (see :func:`_answers`):
    source the interviewee's name where the article first gives it, cue the "A:" label,
    content the answer. Labels are read in ``text`` as written."""
    questions = [start for start, end in paragraphs if QUESTION.match(text, start, end)]
    answers = _answers(text, paragraphs, questions)
    if len(answers) < MIN_ANSWERS or not questions:
        return []
    person = _interviewee(doc, min(questions[0], answers[0][0]))
    if person is None:
        return []
    found = [_labelled(doc, start, label.end(), end, person, "answer", "interview_answer") for start, end, label in answers]
    return [relation for relation in found if relation is not None]


def _labelled(doc: Doc, start: int, label_end: int, end: int, person: Span, lemma: str, pattern: str) -> Attribution | None:
    """The attribution of a labelled paragraph run (characters ``start``..``end``, its label
    ending at ``label_end``): the label the cue, the rest the content, ``person`` the
    source; None when the label or the words after it cover no token."""
    cue = doc.char_span(start, label_end, alignment_mode="expand")
    content = doc.char_span(label_end, end, alignment_mode="contract")
    if cue is None or content is None or not len(content):
        return None
    return Attribution((cue.start, cue.end), cue.start, lemma, "neutral", "speech",
                       (person.start, person.end), (content.start, content.end), pattern)  # fmt: skip


def answer_quotes(doc: Doc, answers: list[Attribution], quotes: list[Quote]) -> list[Quote]:
    """``quotes`` with each answer or transcript turn, its label included, added as a
    direct quotation by the interviewee or the speaker
    (:func:`~analysis.rules.quotes.with_whole_quotations`)."""

    def reason(relation: Attribution, who: str) -> str:
        if relation.pattern == "transcript_turn":
            return f"a turn of '{who}' in the transcript, labelled with their name"
        return f"an answer of '{who}' in the interview printed as questions and answers"

    return with_whole_quotations(doc, answers, quotes, reason)


def _name_words(text: str) -> list[str]:
    """The words of a person's name as written, without a title before it or a
    possessive after it ("Gov Fallin" -> Fallin, "Hillary Clinton's" -> Hillary Clinton)."""
    words = [w for w in bare_name(text).split() if w[:1].isalpha()]
    while len(words) > 1 and (words[0].lower().rstrip(".") in HONORIFICS or words[0].lower() in role_words()):
        words = words[1:]
    return words


def _named_people(doc: Doc, labels: list[tuple[int, int, re.Match]]) -> dict[str, Span]:
    """Each person the article names, keyed by full name and by surname in capitals
    ("MARY FALLIN", "FALLIN"): the mention that gives the most words of their name, the
    first of equals. A label of two words or more that names nobody else ("JAKE TAPPER:")
    is itself a name, for the turns that give the surname alone ("TAPPER:")."""
    people: dict[str, Span] = {}
    label_starts = {start for start, _, _ in labels}
    mentions = [(ent, _name_words(ent.text)) for ent in doc.ents if ent.label_ == "PERSON" and ent.start_char not in label_starts]
    for start, _, label in labels:
        words = label.group(1).split()
        span = doc.char_span(start, label.end(1), alignment_mode="contract")
        if len(words) >= 2 and span is not None and " ".join(words) not in people:
            mentions.append((span, words))
    for mention, words in mentions:
        for key in {" ".join(words).upper(), words[-1].upper()} if words else ():
            if key not in people or len(words) > len(_name_words(people[key].text)):
                people[key] = mention
    return people


def transcript_turns(text: str, doc: Doc, paragraphs: list[tuple[int, int]]) -> list[Attribution]:
    """An attribution for each turn of a transcript whose label names a person the
    article names elsewhere (see the module's docstring): source that person where the
    article first gives their full name, cue the label, content the turn."""
    labelled = [(start, end, label) for start, end in paragraphs if (label := SPEAKER_LABEL.match(text, start, end))]
    if len(labelled) < MIN_ANSWERS:
        return []
    people = _named_people(doc, labelled)
    found = []
    for k, (start, end, label) in enumerate(labelled):
        person = people.get(label.group(1))
        if person is None:
            continue
        next_label = labelled[k + 1][0] if k + 1 < len(labelled) else None
        for next_start, next_end in paragraphs:
            if next_label is None or next_start <= start or next_start >= next_label:
                continue
            end = max(end, next_end)
        relation = _labelled(doc, start, label.end(), end, person, "turn", "transcript_turn")
        if relation is not None:
            found.append(relation)
    return found if len(found) >= MIN_ANSWERS else []
