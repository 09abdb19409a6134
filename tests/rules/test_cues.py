"""Cues: the lexicons' rule column names only rules that exist, and each rule decides."""

import pytest

from analysis.rules.cues import RULES, certainty_lexicon, find_cues


def test_every_lexicon_rule_is_a_named_function():
    for domains in (("general",), ("general", "bio"), ("general", "wiki")):
        named = set(certainty_lexicon(domains)["rule"].dropna()) - {""}
        assert named <= set(RULES), named - set(RULES)


# (sentence, cue text expected or None, the rule that decides, where from)
CASES = [
    ("The talks could prove to be a turning point.", "could", "modal_possibility", "seed shape"),
    ("From the gallery she could see the stage.", None, "modal_possibility", "made up: ability"),
    ("He said ministers would consult widely.", None, "modal_would", "made up: future in the past"),
    ("Around 12,000 troops were moved.", "Around", "number_follows", "seed shape"),
    ("Teams from around the world took part.", None, "number_follows", "made up"),
    ("Trees were built by maximum likelihood.", None, "not_statistic", "BioScope shape"),
]  # fmt: skip


@pytest.mark.parametrize("sentence, cue, rule, where", CASES, ids=[f"{c[2]}: {c[3]}" for c in CASES])
def test_each_rule_decides_its_cue(nlp, sentence, cue, rule, where):
    found = [c.text for c in find_cues(nlp(sentence)) if c.kind == "hedge"]
    assert (cue in found) if cue else not found, found
