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
    ("If the bill passes, prices would rise.", "would", "modal_would", "made up: a hypothetical"),
    ("A mistake meant that even if it escaped from the laboratory, the bug would only have been able to infect one phone at a time.",
     None, "modal_would", "BBC News tech/116: a concessive 'even if'"),
    ("Around 12,000 troops were moved.", "Around", "number_follows", "seed shape"),
    ("Teams from around the world took part.", None, "number_follows", "made up"),
    ("Trees were built by maximum likelihood.", None, "not_statistic", "BioScope shape"),
    ("Think about it: the market is small.", None, "stance_verb", "bigbrandsystem.com: an imperative"),
    ("Think BIG about your business.", None, "stance_verb", "bigbrandsystem.com: an imperative"),
    ("Officials think the market is small.", "think", "stance_verb", "made up: a stance"),
    ("Prices are expected to rise.", "expected", "forecast_expect", "made up: a forecast"),
    ("He announced that Kimberly was expecting on a previous episode.", None, "forecast_expect", "page (Fox News): with child"),
    ("This is not at all what I expected to see here.", None, "forecast_expect", "page (Fox News): what was expected, a thing"),
]  # fmt: skip


@pytest.mark.parametrize("sentence, cue, rule, where", CASES, ids=[f"{c[2]}: {c[3]}" for c in CASES])
def test_each_rule_decides_its_cue(nlp, sentence, cue, rule, where):
    found = [c.text for c in find_cues(nlp(sentence)) if c.kind == "hedge"]
    assert (cue in found) if cue else not found, found


@pytest.mark.parametrize("sentence, hedged", [
    # BBC News politics/226: what a plan would do is its content, which the writer states
    ("The plans would abolish regional assemblies and other regional bodies.", False),
    ("Six government units would also be scrapped under proposals unveiled on Monday.", False),
    ("The bill would ban smoking in pubs.", False),
    # a hypothetical the writer puts forward is still a hedge
    ("The minister would resign if the vote failed.", True),
    # slate.com 2019-11-15 (a teacher's read): what came next in a story the writer tells
    ("Soon, I would become one of them.", False),
    ("I would soon learn that, owing to Ford's obscurity, his fans do things like this all the time.", False),
    ("She would go on to win three Wimbledon titles.", False),
    ("He would later resign from the board.", False),
    # "'d" before a past participle is "had" (ZDNet page a teacher read; BBC sport quotes)
    ("They\u2019d already announced that the price would stay the same for the rest of the year.", False),
    ("I'd worked hard to be down here and read the game well.", False),
    # and "would" before a bare verb, or with "have" (BBC tech/379)
    ("I'd also put Apple's Newton there as the front runner for portable computing.", True),
    ("I'd have put the mobile phone high up the list.", True),
])  # fmt: skip
def test_would_telling_what_a_proposal_contains_is_no_hedge(nlp, sentence, hedged):
    from analysis import analyze

    status = analyze("Plans\n\n" + sentence, nlp=nlp).body_sentences.iloc[0]["status"]
    assert (status == "hedged") == hedged


def test_a_verb_in_a_title_is_no_hedge(nlp):
    # bbc entertainment/190: "a regular on Does the Team Think?"
    from analysis import analyze

    result = analyze("Star dies\n\nHe was also a regular on Does the Team Think?, a comic radio show. He thinks it may rain.", nlp=nlp)
    assert "Think" not in result.cues["text"].tolist()


@pytest.mark.parametrize("sentence, hedged", [
    # BBC News politics/260 (a fourth blind teacher review), business/157, business/311.
    ("The prime minister faced backbench discontent at Monday's meeting over claims made in Robert Peston's new book.", False),
    ("Some 95% of insurance claims were for natural catastrophes.", False),
    ("The pair claim they are being punished by the authorities.", True),
    ("There were claims of widespread fraud.", True),
])  # fmt: skip
def test_the_noun_claim_hedges_only_when_it_carries_a_claim(nlp, sentence, hedged):
    from analysis import analyze

    result = analyze("Story\n\n" + sentence, nlp=nlp)
    assert (result.sentences.iloc[1]["status"] == "hedged") is hedged


def test_appearing_in_a_paper_is_no_hedge(nlp):
    # A sixth blind teacher review (bbc politics/120): "appears in Thursday's Sun newspaper"
    # was read as "seems".
    from analysis import analyze

    text = ("Harry photo\n\nA photograph of Prince Harry wearing a swastika armband and German desert uniform at the party "
            "appears in Thursday's Sun newspaper under the headline: \"Harry the Nazi.\" Mr Howard acknowledged the "
            "prince's apology. He appears to be ill.")  # fmt: skip
    result = analyze(text, nlp=nlp)
    hedges = result.cues[result.cues["kind"] == "hedge"]
    assert hedges["sent_id"].tolist() == [3]


def test_no_reason_to_think_is_no_hedge(nlp):
    # ProFootballTalk page a teacher read: the writer denies grounds for the belief.
    from analysis import analyze

    text = "Chargers\n\nAnd given the way they\u2019ve played so far, there\u2019s no reason to think they\u2019ll win out."
    result = analyze(text, nlp=nlp)
    assert result.body_sentences.iloc[0]["status"] == "asserted"
    assert "think" not in set(result.cues["text"])
