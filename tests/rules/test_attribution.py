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
