"""Attribution patterns: who says what, by the pattern that linked them (BBC and PolNeAR shapes)."""

import pytest

from analysis.parse.nlp import parse
from analysis.rules.attribution import find_attributions

# (sentence, source, cue, pattern, stance, where from)
CASES = [
    ("The minister said the plan would work.", "The minister", "said", "subject_verb", "neutral", "made up"),
    ("According to a Reuters/Ipsos poll, the two candidates are level.", "a Reuters/Ipsos poll", "According to", "according_to",
     "neutral", "polnear train west-journal"),
    ("The talks failed, Ms Okafor said, but a deal was still possible.", "Ms Okafor", "said", "parenthetical", "neutral",
     "made up: a mid-sentence attribution"),
    ('"The plan," the minister said, "will work."', "the minister", "said", "parenthetical", "neutral",
     "made up: a quotation interrupted"),
    ("It is believed that the talks failed.", None, "believed", "impersonal", "belief", "bbc politics/137 shape"),
    ("Neither the agency nor the firm would confirm the number of bidders.", "Neither the agency", "confirm", "subject_verb",
     "non_committal", "made up"),
    ("Maternity pay for new mothers is to rise by £1,400 as part of new proposals announced by the Trade and Industry Secretary Patricia Hewitt.",
     "the Trade and Industry Secretary Patricia Hewitt", "announced", "announced_by", "neutral", "bbc politics/001"),
    ("Non-European Union citizens wanting to work in the UK will have to undergo tests for Tuberculosis and HIV, under plans unveiled by the Conservatives.",
     "the Conservatives", "unveiled", "announced_by", "neutral", "bbc politics"),
    ("Teenagers will be able to become MPs under plans unveiled by ministers.", "ministers", "unveiled", "announced_by", "neutral",
     "bbc politics"),
    ("China overtook the US to become Japan's biggest trading partner in 2004, according to numbers released by Japan's Finance Ministry on Wednesday.",
     "Japan's Finance Ministry", "according to", "according_to", "neutral", "bbc business/505"),
]  # fmt: skip


@pytest.mark.parametrize("sentence, source, cue, pattern, stance, where", CASES, ids=[f"{c[3]}: {c[5]}" for c in CASES])
def test_each_pattern_links_source_cue_and_content(nlp, sentence, source, cue, pattern, stance, where):
    doc = parse("Story\n\n" + sentence, [0, 7], nlp=nlp)
    relations = [r for r in find_attributions(doc) if doc[r.cue[0] : r.cue[1]].text.endswith(cue.split()[-1])]
    assert len(relations) == 1, find_attributions(doc)
    relation = relations[0]
    assert (relation.source_text(doc), relation.pattern, relation.stance) == (source, pattern, stance)
    assert relation.content is not None


def test_what_one_may_do_is_no_attribution(nlp):
    doc = parse("Story\n\nLocal businesses can claim compensation through a council scheme.", [0, 7], nlp=nlp)
    assert not [r for r in find_attributions(doc) if r.lemma == "claim"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The plans announced by Ms Hewitt were criticised by unions.",  # the plans are what the clause is about
        "The hostages were released by the kidnappers on Tuesday.",  # no plan or publication frames the clause
        "Fees will double under plans drawn up by the council.",  # "draw up" is not an announcing verb of the lexicon
    ],
)
def test_a_participle_with_an_agent_attributes_only_a_framed_clause(nlp, sentence):
    doc = parse("Story\n\n" + sentence, [0, 7], nlp=nlp)
    assert not [r for r in find_attributions(doc) if r.pattern == "announced_by"]


def test_the_content_of_an_announcement_is_the_clause_around_the_phrase(nlp):
    doc = parse("Story\n\nFees will double under plans unveiled by the council on Monday.", [0, 7], nlp=nlp)
    (relation,) = [r for r in find_attributions(doc) if r.pattern == "announced_by"]
    assert doc[relation.content[0] : relation.content[1]].text == "Fees will double"
