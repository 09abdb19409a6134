"""Hedges, boosters, status and claim type on real sentences.

Sentences come from the seed article and from BBC News articles (2004-05, the BBC
dataset; file named in each case). Each is analysed as a one-paragraph article.
"""

import pytest

from analysis import analyze
from analysis.rules.cues import certainty_lexicon, find_cues
from analysis.lexicon import load_lexicon


def _analyse(nlp, sentence):
    return analyze(f"A headline\n\n{sentence}", nlp=nlp)


def _body(result):
    body = result.body_sentences
    assert len(body) == 1, body["text"].tolist()
    return body.iloc[0]


# (sentence, expected status, a cue that must be found as "text:kind:category", where from)
STATUS_CASES = [
    # confirmed
    ("Now, the US has, for the first time, confirmed the deployment of thousands of North Korean troops to Russia.", "confirmed", "thousands:hedge:approximator", "seed"),
    ("Mr Dyer acknowledged that it would be a huge undertaking to update all the world's browsers.", "confirmed", None, "bbc tech/340"),
    # reported
    ("South Korea's spy agency warned earlier this month that around 12,000 North Korean troops were training to fight alongside Russian soldiers.", "reported", "around:hedge:approximator", "seed"),
    ("Kostin said he was taking responsibility for a scandal in which dozens of officials are alleged to have abused their position.", "reported", "alleged:hedge:reportive", "seed"),
    ("For its part, Moscow has made it clear the West must not overstep the mark in its support for Ukraine.", "reported", None, "seed"),
    ("In a statement from Lycos Europe announcing the scrapping of the scheme, the company denied that this was its fault.", "reported", None, "bbc tech/214"),
    ("However, according to researchers, it will still take many years to build a robot which would make full use of the technology.", "reported", None, "bbc tech/121"),
    ("The administrator said it would ensure that staff made redundant would receive any wages due to them.", "reported", None, "bbc tech/114"),
    ("Officials said the cost could rise further.", "reported", "could:hedge:modal", "constructed from bbc politics/001"),
    # asserted
    ("The Biden administration, in particular, has been keen to restrict the amount of hi-tech weaponry given to Ukraine for fear that it could provoke Russian President Vladimir Putin.", "asserted", "could:hedge:modal", "seed"),
    ("The deployment of North Korean forces will certainly hurt Ukraine, which is suffering from a severe manpower shortage.", "asserted", "certainly:booster:certainty_adverb", "seed"),
    ("With Putin determined to broaden Moscow's network of alliances across the globe, it is clear that his desire to challenge the West's dominance is not merely confined to the battlefields of Ukraine.", "asserted", "it is clear that:booster:certainty_phrase", "seed"),
    ("Reports, therefore, that North Korea has deployed thousands of its troops to Ukraine will inevitably raise concerns of a broader escalation.", "asserted", "inevitably:booster:certainty_adverb", "seed"),
    ("Musician Alan Wass, 23, also of north London, appeared in court accused of the same offences.", "asserted", None, "bbc entertainment/114"),
    ("US companies created twice as many jobs as expected in October.", "asserted", None, "bbc business/121"),
    ("The ink stays on the finger for at least 72 hours and for up to a week.", "asserted", None, "bbc tech/001"),
    ("North Korea has emerged as one of Moscow's major military backers, providing constant shipments of missiles and ammunition.", "asserted", None, "seed"),
    # hedged
    ("There have even been videos circulating which appear to show North Korean forces training at a Russian military base.", "hedged", "appear:hedge:epistemic_verb", "seed"),
    ("After the two leaders signed a pact, there were indications that North Korea had agreed to increase its military support for Russia.", "hedged", "indications:hedge:speculation_noun", "seed"),
    ("Speculation about the possibility of North Korea deploying troops to aid Putin's so-called \u201cspecial military operation\u201d in Ukraine has been growing since the summer.", "hedged", "possibility:hedge:speculation_noun", "seed"),
    ("With Ukraine struggling to find sufficient numbers of recruits, the deployment of North Korean forces could not only prove to be a game-changer on the battlefield.", "hedged", "could:hedge:modal", "seed"),
    ("Their deployment would also reflect Putin's growing determination to build a powerful alliance of allies to challenge the West.", "hedged", "would:hedge:modal", "seed"),
    ("It is believed more than 270 hunts went out on Saturday, just one day after the ban came in.", "hedged", "believed:hedge:epistemic_verb", "bbc politics/137"),
    ("But the current number of blogs is likely to keep on growing, in a web already overloaded with information.", "hedged", "likely:hedge:epistemic_adverb", "bbc tech/099"),
    ("It is not clear what the virus does once it has infected a computer.", "unconfirmed", "not clear:hedge:negated_booster", "bbc tech/039: an open question is unknown, not hedged"),
    ("Twenty-eight people have been arrested after a global operation against a website allegedly involved in identity fraud.", "asserted", "allegedly:hedge:epistemic_adverb", "bbc tech/120"),
    ("The country's overall deficit is thought to be more than 10%, if the spending of India's states is included.", "hedged", "thought:hedge:epistemic_verb", "bbc business/159"),
    ("Perhaps the market will recover next year.", "hedged", "Perhaps:hedge:epistemic_adverb", "constructed"),
    ("But he opposed compulsory mediation, saying that it would lead to many people taking part with the wrong attitude.", "asserted", "would:hedge:modal", "bbc politics/390: the hedge is in what he says"),
    ("Gordon Brown issued a defiant statement about the strike, saying the action would not affect the government's \"determination\" to make savings in order to increase investment in healthcare, education, transport and the fight against crime.", "asserted", "would:hedge:modal", "bbc politics/210"),
    # unconfirmed
    ("Officials in Moscow have refused to confirm or deny whether North Korean troops were in its territory preparing to fight in Ukraine.", "unconfirmed", "refused to confirm or deny:hedge:non_commitment", "seed"),
    ("A senior US military official later clarified Austin's remarks, explaining that while thousands of North Korean troops were in Russia, \"we don't know what their mission will be or if they'll go on to fight in Ukraine.\"", "unconfirmed", "don't know:hedge:non_commitment", "seed"),
    ("HP, the world's biggest printer firm, declined to comment on the lawsuit.", "unconfirmed", "declined to comment:hedge:non_commitment", "bbc tech/333"),
    ("The footage could not be independently verified.", "unconfirmed", "could not be independently verified:hedge:non_commitment", "constructed (newsroom phrase)"),
]  # fmt: skip


@pytest.mark.parametrize("sentence, status, cue, where", STATUS_CASES, ids=[c[0][:40] for c in STATUS_CASES])
def test_status_and_cue(nlp, sentence, status, cue, where):
    result = _analyse(nlp, sentence)
    row = _body(result)
    assert row["status"] == status, (row["status_reason"], where)
    assert row["status_reason"]
    if cue:
        text, kind, category = cue.rsplit(":", 2)
        found = result.cues[(result.cues["text"] == text)]
        assert len(found), (result.cues[["text", "kind", "category"]].to_dict("records"), where)
        assert found.iloc[0]["kind"] == kind and found.iloc[0]["category"] == category


# Disambiguation and negation rules: (sentence, cue text, expected kind or None when no cue)
RULE_CASES = [
    ("Sales may rise in May.", "may", "hedge"),  # modal
    ("The results will be published in May.", "May", None),  # the month is not a modal
    ("He appeared in court on Monday.", "appeared", None),  # epistemic_appear
    ("It appears that the talks have failed.", "appears", "hedge"),
    ("Sales rose as expected.", "expected", None),  # forecast_expect
    ("Sales rose more than expected.", "expected", None),
    ("The minister is expected to resign.", "expected", "hedge"),
    ("Around 12,000 troops were sent.", "Around", "hedge"),  # number_follows
    ("Troops were sent around the world.", "around", None),
    ("They talked about the war for hours.", "about", None),
    ("About 50 people attended.", "About", "hedge"),
    ("Some 50 people attended.", "Some", "hedge"),
    ("Thousands of people marched.", "Thousands", "hedge"),  # plural_number
    ("She said ministers would consult on other proposals.", "would", None),  # future-in-the-past
    ("If the ban were lifted, prices would fall.", "would", "hedge"),  # hypothetical
    ("I always used my NetMD, and could not go anywhere without it.", "could", None),  # negated could: drop
    ("The deal could not only cut costs but also raise revenue.", "could", "hedge"),  # "not only" is not negation
    ("There is no doubt that the plan will work.", "no doubt", "booster"),  # negation flips a hedge
    ("The outcome is not certain.", "not certain", "hedge"),  # negation flips a booster
    ("Moscow has made it clear the West must not intervene.", "clear", None),  # a reporting expression
    ("The sky was a clear blue.", "clear", None),  # attributive
    ("The minister suggested a new plan.", "suggested", None),  # clausal: an object is not a hedge
    ("The evidence suggests that the virus spread quickly.", "suggests", "hedge"),
    ("The claims that he lied were rejected.", "claims", "hedge"),  # noun claim
    ("These elections are assuming even greater significance.", "assuming", None),  # clausal
    ("Twelve thousand troops were sent.", "thousand", None),  # plural_number: a count, not vague
]  # fmt: skip


@pytest.mark.parametrize("sentence, text, kind", RULE_CASES, ids=[c[0][:40] for c in RULE_CASES])
def test_disambiguation_rules(nlp, sentence, text, kind):
    cues = find_cues(nlp(sentence))
    found = [c for c in cues if c.text == text]
    if kind is None:
        assert not found, [(c.text, c.kind, c.rule) for c in cues]
    else:
        assert found and found[0].kind == kind, [(c.text, c.kind, c.rule) for c in cues]


CLAIM_TYPE_CASES = [
    ("The deployment of North Korean forces will certainly hurt Ukraine.", "prediction"),
    ("The deployment could prove to be a game-changer on the battlefield.", "prediction"),
    ("Their deployment would also reflect Putin's growing determination.", "prediction"),
    ("If the ink shows under the UV light the voter will not be allowed to enter the polling station.", "conditional"),
    ("It is clear that his desire to challenge the West's dominance is not merely confined to Ukraine.", "evaluation"),
    ("The decision was a serious mistake.", "evaluation"),
    ("Russia invaded Ukraine in February 2022.", "event"),
]  # fmt: skip


@pytest.mark.parametrize("sentence, claim_type", CLAIM_TYPE_CASES, ids=[c[0][:40] for c in CLAIM_TYPE_CASES])
def test_claim_type(nlp, sentence, claim_type):
    row = _body(_analyse(nlp, sentence))
    assert row["claim_type"] == claim_type, row["claim_type_reason"]


SEED_STATUS = {
    3: "asserted", 4: "asserted", 5: "reported", 6: "asserted", 7: "hedged", 8: "hedged", 10: "asserted",
    11: "asserted", 13: "reported", 14: "hedged", 15: "reported", 16: "asserted", 17: "confirmed", 18: "reported",
    19: "unconfirmed", 20: "unconfirmed", 21: "asserted", 23: "asserted", 24: "reported", 26: "asserted",
    27: "asserted", 28: "hedged", 29: "hedged", 31: "asserted", 32: "reported", 34: "reported", 35: "asserted",
    36: "asserted",
}  # fmt: skip


def test_every_seed_body_sentence_has_the_status_we_defend(seed):
    body = seed.body_sentences.set_index("sent_id")
    assert body["status"].to_dict() == SEED_STATUS
    assert body["status_reason"].str.len().gt(10).all()


def test_seed_covers_every_status(seed):
    assert set(seed.body_sentences["status"]) == {"confirmed", "reported", "asserted", "hedged", "unconfirmed"}


def test_a_cue_outside_the_main_claim_is_listed_but_does_not_govern(seed):
    could = seed.cues[(seed.cues.sent_id == 4) & (seed.cues.text == "could")].iloc[0]
    assert not could["governs_main_claim"] and could["scope"].startswith("inside")


def test_cue_owner_is_the_source_inside_attributed_content(seed):
    cues = seed.cues.set_index(["sent_id", "text"])
    assert cues.loc[(20, "refused to confirm or deny"), "owner"] == "Officials in Moscow"
    assert cues.loc[(19, "don't know"), "owner"] == "A senior US military official"
    assert cues.loc[(29, "would"), "owner"] == "author"


def test_cue_offsets_point_at_the_cue(seed):
    for row in seed.cues.itertuples():
        assert seed.text[row.start : row.end] == row.text


def test_sentence_cue_lists_match_the_cue_table(seed):
    for row in seed.sentences.itertuples():
        cues = seed.cues[seed.cues.sent_id == row.sent_id]
        assert row.hedges == cues[cues.kind == "hedge"]["text"].tolist()
        assert row.boosters == cues[cues.kind == "booster"]["text"].tolist()


def test_every_category_is_exercised(nlp):
    extra = " There is no doubt that it works. The outcome is not certain. The minister was sure of victory."
    categories = {cue.category for cue in find_cues(nlp(" ".join(c[0] for c in STATUS_CASES) + extra))}
    expected = set(certainty_lexicon()["category"]) | {"negated_hedge", "negated_booster"}
    assert expected <= categories, expected - categories


def test_lexicons_are_data_with_category_and_provenance():
    for name in ("hedges", "boosters", "reporting_verbs", "evaluative"):
        table = load_lexicon(name)
        assert {"category", "provenance"} <= set(table.columns)
        assert (table["provenance"] != "").all() and (table["category"] != "").all()


def test_news_analysis_uses_only_the_general_lexicon():
    assert set(certainty_lexicon()["domain"]) == {"general"}
    assert "likelihood" in set(certainty_lexicon(("general",))["cue"])
    assert "likelihood" not in set(certainty_lexicon(("general", "bio"))["cue"])  # suppressed in biomedicine


def _roots_token_by_token(sent):
    """A sentence's roots read from its Token objects (the reference the array-based
    ``sentence_roots`` must match): head itself or outside the sentence, bar spaces and
    punctuation."""
    return [t.i for t in sent if (t.head.i == t.i or not sent.start <= t.head.i < sent.end) and not t.is_space and not t.is_punct]


def test_sentence_roots_of_a_whole_doc_equal_each_sentences_own(seed, bbc_analyses):
    from analysis.rules.claims import sentence_roots
    from analysis.text.document import sentence_spans

    checked = 0
    for result in (seed, *bbc_analyses.values()):
        sentences = sentence_spans(result.doc)
        for sent, roots in zip(sentences, sentence_roots(result.doc, sentences), strict=True):
            assert roots == _roots_token_by_token(sent), sent.text
            assert sentence_roots(result.doc, [sent]) == [roots]  # alone, as main_predicates reads it
            checked += bool(roots)
    assert checked > 50  # real sentences, most with a root
    assert sentence_roots(seed.doc, []) == []


def test_a_speaker_who_says_it_is_not_known_inside_a_running_quotation_keeps_the_claim(nlp):
    # BBC News business/318: the quotation runs on from "..., said Oleg Maximov".
    from analysis import analyze

    text = ('Mystery surrounds new owner\n\n"It is a front for somebody but not necessarily for Gazprom," said Oleg Maximov, an '
            'analyst at Troika Dialog in Moscow. "We don\'t know if this company is linked 100% to Gazprom.\n\n'
            '"We tried to find it, but we couldn\'t."')  # fmt: skip
    sentences = analyze(text, nlp=nlp).body_sentences.set_index("sent_id")
    unsure = sentences[sentences["text"].str.contains("don't know")].iloc[0]
    assert unsure["status"] == "unconfirmed" and unsure["claim_source"] == "Oleg Maximov"
    assert "inside a direct quotation by" in unsure["status_reason"]


def test_who_refuses_to_comment_is_the_source_of_the_open_claim(nlp):
    # A fourth blind teacher review (BBC News politics/260): "He refused to comment" was keyed to the writer.
    from analysis import analyze

    text = ("Brown plays down feud\n\nGordon Brown met Labour MPs on Monday. He refused to comment on the new book, saying "
            "nobody should be distracted from the business of government.")  # fmt: skip
    sentence = analyze(text, nlp=nlp).sentences.iloc[-1]
    assert (sentence["status"], sentence["claim_source"]) == ("unconfirmed", "Gordon Brown")


@pytest.mark.parametrize(
    "sentence, status, source",
    [
        # A reporting verb left undone leaves the claim open, as "did not deny" does.
        ("The Justice Department refused to say if it would appeal.", "unconfirmed", "Justice Department"),  # bbc business/291
        ("But Larne boss Jimmy McGeough has yet to confirm that Weir is on his way from Inver Park.", "unconfirmed", "Jimmy McGeough"),  # bbc sport/130
        ("And Mr Brown pointedly refused to deny claims the prime minister had reneged on a deal.", "unconfirmed", "Brown"),  # bbc politics/254
        ("The Tories have promised £4bn in tax cuts but have yet to say where they will fall.", "unconfirmed", "Tories"),  # bbc politics/022
        # Not what tells the claim as true, nor a verb that reports nothing here.
        ("Disney failed to tell investors that between 1999 and 2001 it employed three adult children of directors.", "asserted", "author"),  # bbc business/331
        ("The government has consistently refused to publish Lord Goldsmith's advice on the legality of the war.", "asserted", "author"),  # bbc politics/324
        ("Having said that, Burnley are yet to concede a goal in this Cup run.", "asserted", "author"),  # bbc sport/179
        ('She and other Democrats on the stage refused to say the words "radical Islam".', "asserted", "author"),  # PolNeAR wash-post 2015-11-16
        # A fifth blind teacher review: a guess or a belief someone states is theirs.
        ("Analysts reckon that other nations may follow suit and now ditch the dollar.", "reported", "Analysts"),  # bbc business/180
        ("A legal expert in the US speculated that Delta might be concerned about the blog.", "reported", "A legal expert"),  # bbc tech/180
        # A price that moved is no one speaking.
        ("The British pound had added 0.5% to break through the $1.90 level.", "asserted", "author"),  # bbc business/180
        ("The disaster has so far claimed at least 150,000 lives.", "asserted", "author"),  # bbc sport/451
    ],
)
def test_who_leaves_a_claim_open_believes_it_or_only_moves_a_figure(nlp, sentence, status, source):
    row = _body(_analyse(nlp, sentence))
    assert row["status"] == status, row["status_reason"]
    assert source in row["claim_source"]
