"""How sure each claim is, pattern by pattern: ability against possibility, hedges inside a
noun phrase, participles describing a study, "no doubt" and its kin, open questions,
negated verification, confirmation by verbs and nouns, statements with a negation that
are not refusals, datelines and bylines.

Each case records where its sentence came from: ``bbc <section>/<nnn>`` (BBC News
2004-05, Greene and Cunningham 2006), ``polnear <split> <outlet>`` (PolNeAR, Newell et
al. 2018; sentences shortened), or ``made up`` (a short sentence of the same shape)."""

import pytest

from analysis import analyze

FILLER = " The rest of the story follows here, as it always does in the paper."

# (sentence, expected status, where from, what the case shows)
CASES = [
    # Ability and permission are not hedges; possibility is.
    ("From the public gallery, around 30 campaigners could see the vote taken by a show of hands.", "asserted",
     "made up", "could of perception: what they saw"),
    ("She could hear the crowd from the dressing room.", "asserted", "made up", "could hear: ability"),
    ("The deployment of North Korean forces could prove to be a game-changer on the battlefield.", "hedged",
     "seed, shortened", "could of possibility"),
    ("The fault could affect thousands of batteries sold since 2021.", "hedged", "made up", "could of possibility"),
    ("Local businesses can claim compensation for lost trade through a scheme run by the council.", "asserted",
     "made up", "can claim: permission, no attribution"),
    ("On Twitter, people can flag and report posts to Twitter staff members around the world.", "asserted",
     "polnear train nyt", "can report: what people may do, no attribution"),
    ("She was able to finish the race despite the injury.", "asserted", "made up", "was able to"),
    # A hedge inside a noun phrase describes the noun, not the claim.
    ("West Yorkshire Police spent Wednesday questioning the alleged leaker's classmates at a college in Leeds.",
     "asserted", "made up", "alleged inside the object"),
    ("Both men are facing criminal charges for their alleged misconduct in the run up to the firm's collapse.",
     "asserted", "bbc business/414", "alleged inside a prepositional phrase"),
    ("Traders ignored the possible effects of Asia's tidal waves on global supplies.", "asserted",
     "bbc business/351", "possible inside the object"),
    ("Fiat and General Motors have until midnight on 1 February to settle a disagreement over a potential takeover.",
     "asserted", "bbc business/078", "potential inside a noun phrase"),
    ("England captain Jason Robinson has rubbished suggestions that the world champions are a team in decline.",
     "asserted", "bbc sport/326", "a speculation noun as the object of 'rubbished'"),
    ("His choice of election constituency quashes speculation that he would stand against Geoff Hoon in Ashfield.",
     "asserted", "bbc politics/333", "a speculation noun as the object of 'quashes'"),
    ("Speculation about the possibility of North Korean troops joining the war has been growing.", "hedged",
     "seed, shortened", "a speculation noun as the subject still hedges"),
    # A participle without a comma describes the noun before it.
    ("The recall comes three weeks after a study published by a university suggesting that cheap cells overheat.",
     "asserted", "made up", "suggesting describes the study"),
    # "No doubt" and its kin are boosters.
    ("There can be no doubt that the council acted within the law.", "asserted", "made up", "no doubt: booster"),
    ("There is little doubt that the plan will be approved.", "asserted", "made up", "little doubt: booster"),
    ("It is clear that the scheme has failed.", "asserted", "made up", "it is clear that: booster"),
    # An open question is unknown, not hedged.
    ("It is not clear whether the paper was posted before or after midnight.", "unconfirmed", "made up", "not clear whether"),
    ("It is not clear what the virus does once it has infected a computer.", "unconfirmed", "bbc tech/039", "not clear what"),
    ("The cars handle well but it was not clear if the different models were appreciably different on the track.",
     "unconfirmed", "bbc tech/095, shortened", "not clear if"),
    ("It remains unclear who leaked the paper.", "unconfirmed", "made up", "unclear who"),
    ("It is not known if the mayor will attend.", "unconfirmed", "made up", "not known if"),
    # Negated reporting and verification leave the claim open.
    ("Neither trust has said whether the unit will keep its overnight service.", "unconfirmed", "made up",
     "neither ... has said whether"),
    ("Neither Voltara nor the supplier has verified that account.", "unconfirmed", "made up", "neither ... nor ... has verified"),
    ("Neither the agency nor Calder Marine would confirm the number of bidders.", "unconfirmed", "made up",
     "neither ... would confirm"),
    ("Neither Mr Howard nor Mr Letwin would say exactly how they would use that cash.", "unconfirmed",
     "bbc politics/344, shortened", "neither ... would say"),
    ("The firm has not confirmed whether the closures will go ahead.", "unconfirmed", "made up", "has not confirmed whether"),
    ("No 10 was similarly cautious but said the threat was real.", "reported", "bbc politics/379",
     "'No 10' is Downing Street, not a negation"),
    # A statement that holds a negation is reported or asserted, not a refusal.
    ("GM stressed that it did not know of any injuries.", "reported", "bbc business/026 shape", "a statement, not a refusal"),
    ("The company did not make a profit last year.", "asserted", "made up", "a negated fact"),
    # Confirmation by an identified source, by verb or by noun.
    ("Smith admitted that he had misled the committee.", "confirmed", "made up", "admitted, named person"),
    ("The French economy ministry acknowledged that it had been notified of the recall.", "confirmed", "made up",
     "acknowledged; a ministry identified by its country"),
    ("Confirmation from the French economy ministry that it had been notified of the recall came late on Tuesday.",
     "confirmed", "made up", "the noun 'confirmation from'"),
    ("A senior official admitted that the figures had been revised.", "reported", "made up",
     "an anonymous source does not confirm"),
    # "according to" with a long object, and a trailing attribution parsed upside down.
    ("According to a Reuters/Ipsos poll, the two candidates are in a dead heat nationally.", "reported",
     "polnear train west-journal", "the object of 'to' however long"),
    ("It has registered the highest opening weekend takings of any Japanese film, according to trade publication Screen Daily.",
     "reported", "bbc entertainment/065, shortened", "according to at the end"),
    # A named source beside an impersonal "is expected": the source decides.
    ("Construction is expected to begin next spring, according to a council statement.", "reported", "page: a council's plans",
     "according to a statement covers the impersonal 'is expected'"),
    ("The two firms are expected to seal the deal on Monday morning, according to news agency reports.", "reported",
     "bbc business/162", "according to reports covers 'are expected'"),
    ("It has long been reported that Dr Khoo intends to take the company private, but he has always denied this.", "hedged",
     "bbc business/393", "a denial of something else does not source the impersonal 'it has been reported'"),
    # A reported refusal leaves the claim open.
    ("But a Foreign Office spokesman said he could not comment on the activities of British intelligence or security agencies.",
     "unconfirmed", "bbc politics", "said he could not comment"),
    ("The Home Office said it could not comment on individual cases.", "unconfirmed", "bbc politics", "said it could not comment"),
    ("A Brookvale Motors spokeswoman said the company did not comment on speculation.", "unconfirmed",
     "benchmarks/gold/headline_pairs/01", "said the company did not comment"),
    ("Union officials at the Derby site said they had not been told of any plans.", "reported",
     "benchmarks/gold/headline_pairs/01", "a negated passive 'told' is a statement, not a refusal"),
    ("GM stressed that it did not know of any injuries.", "reported", "bbc business/026 shape", "not knowing is a statement"),
    # A clause framed by what someone announced or published is theirs.
    ("Maternity pay for new mothers is to rise by £1,400 as part of new proposals announced by the Trade and Industry Secretary Patricia Hewitt.",
     "reported", "bbc politics/001", "as part of proposals announced by"),
    ("Local communities would be asked to go to the polls to elect their own area police commissioner, under plans unveiled by the Conservatives.",
     "reported", "bbc politics", "under plans unveiled by, parsed under the infinitive"),
]  # fmt: skip


@pytest.mark.parametrize("sentence, status, where, shows", CASES, ids=[f"{c[2]}: {c[3]}" for c in CASES])
def test_status_by_pattern(nlp, sentence, status, where, shows):
    result = analyze("Story\n\n" + sentence + FILLER, nlp=nlp)
    row = result.sentences.loc[1]
    assert row["text"].startswith(sentence[:30])
    assert row["status"] == status, row["status_reason"]


def test_an_open_question_names_its_rule(nlp):
    result = analyze("Story\n\nIt is not clear whether the paper was posted before midnight." + FILLER, nlp=nlp)
    assert "(rule: open_question)" in result.sentences.loc[1, "status_reason"]


def test_an_open_question_inside_a_quotation_is_the_speakers(nlp):
    # bbc tech/137 shape: a quotation with no speaker found is not the article's own doubt
    text = ('Story\n\n"Somebody had a new thing. You weren\'t quite sure if you needed it, but it was cool." '
            "The rest of the story follows here, as it always does in the paper.")  # fmt: skip
    result = analyze(text, nlp=nlp)
    assert "unconfirmed" not in set(result.sentences["status"].dropna())


# (page furniture line, where from): never a body claim
FURNITURE = [
    ("By Helen Marsh, Health Reporter", "made up: byline"),
    ("Owen Gallagher | 3 October 2024", "made up: author and date line"),
    ("LYON, France, March 12 (Meridian News)", "made up: dateline on its own line"),
    ("(Reporting by Lucie Marchand; Editing by Tom Hale)", "made up: wire sign-off"),
    ("ABSTRACT.", "polnear train nyt: database-export label"),
    ("Sanders: Win in a walk.", "polnear train usa-today: section heading"),
]


@pytest.mark.parametrize("line, where", FURNITURE, ids=[f[1] for f in FURNITURE])
def test_page_furniture_has_no_status(nlp, line, where):
    text = ("Council votes on merger\n\nThe council voted on Tuesday to merge the two hospital trusts next year.\n\n"
            f"{line}\n\nThe merged trust will run four hospitals and employ 9,000 staff across the county.")  # fmt: skip
    result = analyze(text, nlp=nlp)
    rows = result.sentences[result.sentences["text"].str.strip() == line]
    assert len(rows) == 1 and rows["status"].isna().all(), rows[["text", "status"]]


def test_a_sentence_starting_with_by_is_a_claim(nlp):
    text = "Council votes\n\nBy Wednesday, the council had agreed to merge the two trusts." + FILLER
    assert analyze(text, nlp=nlp).sentences.loc[1, "status"] == "asserted"


def test_two_apostrophes_quote_like_a_double_quotation_mark(nlp):
    # polnear train nyt: ''...,'' James B. Comey Jr. ... said
    text = ("Twitter\n\n''Twitter works as a way to sell books, and it works as a way to sell murder,'' James B. Comey Jr., "
            "the director of the F.B.I., said at a news conference in December." + FILLER)  # fmt: skip
    row = analyze(text, nlp=nlp).sentences.loc[1]
    assert (row["status"], row["claim_source"]) == ("reported", "James B. Comey Jr.")


def test_every_sentence_of_an_introduced_quotation_is_the_speakers(nlp):
    # polnear train west-journal 2016-02-08 (shortened): the quotation runs over two sentences
    text = ("Recount ruled out\n\nSam Lau, the communications director for the Iowa Democratic Party, said in a statement. "
            "\u201cThere are no paper ballots to recount. Monday\u2019s caucuses were a unique event.\u201d Clinton still leads.")  # fmt: skip
    body = analyze(text, nlp=nlp).body_sentences
    quoted = body[body["text"].str.contains("paper ballots|unique event")]
    assert list(quoted["status"]) == ["reported", "reported"] and set(quoted["claim_source"]) == {"Sam Lau"}
    assert body[body["text"].str.startswith("Clinton")]["status"].iloc[0] == "asserted"


def test_each_body_sentence_names_the_status_rule_that_decided_it(nlp):
    from analysis.rules.claims import STATUS_RULES

    # The status each rule sets is the first word of its docstring (``hedged``: ...).
    sets = {name: rule.__doc__.split("``")[1] for name, rule in STATUS_RULES.items()}
    text = ("Budget\n\nThe minister said the plan would work. The plan could fail. It is unclear whether the plan is "
            "legal. The council confirmed the closure. The bridge closed on Tuesday. It is alleged that funds were "
            "taken.")  # fmt: skip
    sentences = analyze(text, nlp=nlp).body_sentences
    assert list(sentences["status_rule"]) == ["attributed", "writer_hedge", "open_question", "confirmed", "stated", "nobody_named"]
    assert all(sets[rule] == status for rule, status in zip(sentences["status_rule"], sentences["status"]))
