"""Attributions and quotes on the seed and on sentences from real articles."""

import pytest

from analysis import analyze


def _analyse(nlp, text):
    return analyze(f"A headline\n\n{text}", nlp=nlp)


def _rows(result):
    return result.attributions.to_dict("records")


# (text, source, source_type, cue, stance, where from)
PATTERNS = [
    ("Kostin said he was taking responsibility for the scandal.", "Kostin", "person", "said", "neutral", "seed: X said ..."),
    ("The Tories said that the plan was desperate.", "The Tories", "organization", "said", "neutral", "X said that ..."),
    ('"I was left with no option but to press the pause button," he said.', "he", "anonymous", "said", "neutral", "bbc business/159: ..., X said"),
    ("However, according to researchers, it will still take many years to build such a robot.", "researchers", "unnamed", "according to", "neutral", "bbc tech/121: according to X"),
    ("Now, the US has confirmed the deployment, with US Defence Secretary Lloyd Austin warning that it could become a \"very serious\" potential escalation.", "US Defence Secretary Lloyd Austin", "person", "warning", "assertive", "seed: with X warning that"),
    ("Speaking to reporters in Rome this week, Austin said there was evidence that North Korean forces were in Russia.", "Austin", "person", "said", "neutral", "seed: Speaking to reporters, X said"),
    ("A senior US military official later clarified Austin's remarks.", "A senior US military official", "anonymous", "clarified", "neutral", "seed: anonymous individual"),
    ("Officials in Moscow have refused to confirm or deny whether North Korean troops were in its territory.", "Officials in Moscow", "anonymous", "refused to confirm or deny", "non_committal", "seed: officials unnamed, non-committal"),
    ("Critics say the plan will fail.", "Critics", "unnamed", "say", "neutral", "a vague group"),
    ("Sources said the deal was close.", "Sources", "anonymous", "said", "neutral", "issue 30: sources said (capitalised, unlemmatised)"),
    ("US officials said the talks had failed.", "US officials", "anonymous", "said", "neutral", "issue 30: officials said"),
    ('"It was the role of a lifetime," quipped Smith.', "Smith", "person", "quipped", "neutral", "issue 30: a verb of speaking before its subject"),
    ("South Korea's spy agency warned earlier this month that around 12,000 troops were training.", "South Korea's spy agency", "organization", "warned", "assertive", "seed: organization by possession"),
    ("Mr Dyer acknowledged that it would be a huge undertaking.", "Mr Dyer", "person", "acknowledged", "confirming", "bbc tech/340: confirming"),
    # An institution with no name is an unnamed group (the article named it earlier; no coreference yet).
    ("The company denied that this was its fault.", "The company", "unnamed", "denied", "denying", "bbc tech/214: denying"),
    ("Critics claimed that the figures were wrong.", "Critics", "unnamed", "claimed", "distancing", "distancing"),
    ("Analysts believe the market will recover.", "Analysts", "unnamed", "believe", "belief", "belief"),
    ("Reports suggest that the minister will resign.", "Reports", "media", "suggest", "belief", "media source"),
    ("A journalist published a story claiming that 50 prosecutors had been registered as disabled.", "A journalist", "anonymous", "claiming", "distancing", "seed: relayed claim"),
    ('"Our worry is the budget," consultancy 4Cast said in a report.', "consultancy 4Cast", "organization", "said", "neutral", "bbc business/258: a name tagged as a noun"),
]  # fmt: skip


@pytest.mark.parametrize("text, source, source_type, cue, stance, where", PATTERNS, ids=[p[5] for p in PATTERNS])
def test_attribution_patterns(nlp, text, source, source_type, cue, stance, where):
    rows = [r for r in _rows(_analyse(nlp, text)) if r["cue"] == cue]
    assert rows, (_rows(_analyse(nlp, text)), where)
    row = rows[0]
    assert (row["source"], row["source_type"], row["cue_stance"]) == (source, source_type, stance), row


def test_spans_of_attributions_point_into_the_text(seed, bbc_analyses):
    for result in [seed, *bbc_analyses.values()]:
        for row in result.attributions.to_dict("records"):
            assert result.text[row["cue_start"] : row["cue_end"]] == row["cue"]
            if row["source_start"] is not None and row["source"]:
                assert result.text[row["source_start"] : row["source_end"]] == row["source"]
            if row["content"]:
                assert result.text[row["content_start"] : row["content_end"]] == row["content"]


def test_nominal_reports_are_unattributed(seed):
    # "there were indications that ..." names no source: it must not appear as one.
    assert not (seed.attributions["sent_id"] == 8).any()
    assert seed.sentences.loc[8, "status"] == "hedged"


def test_seed_quote_kinds(seed):
    quotes = {row["text"].strip('"\u201c\u201d'): (row["kind"], row["speaker"]) for row in seed.quotes.to_dict("records")}
    assert quotes["special military operation"][0] == "scare"  # so-called
    assert quotes["comprehensive strategic partnership"][0] == "term"  # a pact's name
    assert quotes["very serious"] == ("direct", "Lloyd Austin")  # partial quote in a paraphrase
    assert quotes["rebalanced"][0] == "scare"
    assert any(k == "direct" and s == "Vladimir Putin" for k, s in quotes.values())
    assert any(k == "direct" and s == "A senior US military official" for k, s in quotes.values())


def test_canonical_sources_use_the_full_name(seed):
    canonical = dict(zip(seed.attributions["source"], seed.attributions["canonical_source"]))
    assert canonical["Austin"] == "Lloyd Austin"
    assert canonical["Kostin"] == "Andriy Kostin"
    assert canonical["Putin"] == "Vladimir Putin"


def test_quotes_running_across_sentences_keep_their_speaker(bbc_analyses):
    result = bbc_analyses["politics_001.txt"]
    hewitt = result.quotes[result.quotes["text"].str.startswith('"We')]
    # "Ms Hewitt" is named in full earlier: the speaker is her canonical name.
    assert hewitt["speaker"].tolist()[:3] == ["Patricia Hewitt"] * 3
    assert result.quotes[result.quotes["text"] == '"desperate"']["speaker"].tolist() == ["Tories"]
    continued = result.sentences[result.sentences["text"].str.startswith('"We are going to extend')].iloc[0]
    assert continued["status"] == "reported" and "Ms Hewitt" in continued["status_reason"]


def test_speaker_after_middle_and_before(nlp):
    after = _analyse(nlp, '"The plan will work," the minister said.')
    before = _analyse(nlp, 'The minister said: "The plan will work."')
    middle = _analyse(nlp, '"The plan," the minister said, "will work."')
    for result in (after, before, middle):
        direct = result.quotes[result.quotes["kind"] == "direct"]
        assert len(direct) >= 1 and set(direct["speaker"].str.lower()) == {"the minister"}, result.quotes.to_dict("records")


def test_unbalanced_quotes_do_not_break_anything(nlp):
    result = _analyse(nlp, 'He said "this never ends. And then nothing.\n\nA "second paragraph.')
    assert result.check() == []
    assert len(result.quotes) >= 1


def test_anonymity_reason_is_captured(nlp):
    text = "A senior official, speaking on condition of anonymity because he was not authorised to speak, said talks had failed."
    row = _rows(_analyse(nlp, text))[0]
    assert row["source_type"] == "anonymous" and "condition of anonymity" in row["anonymity_reason"]
    plain = _rows(_analyse(nlp, "A senior official said talks had failed."))[0]
    assert plain["anonymity_reason"] is None


def test_relayed_when_passing_on_another_source(seed):
    relayed = seed.attributions[seed.attributions["relayed"]]
    assert "clarified" in set(relayed["cue"]) and "claiming" in set(relayed["cue"])
    assert not seed.attributions[seed.attributions["cue"] == "says"]["relayed"].any()


def test_sources_view_counts_body_attributions_once(seed):
    sources = seed.sources.set_index("canonical_source")
    assert sources.loc["Lloyd Austin", "source_type"] == "person"
    assert sources.loc["Lloyd Austin", "direct_quotes"] == 2
    assert sources.loc["Lloyd Austin", "quoted_words"] > 0
    assert "South Korea" not in sources.index  # only in the pull quote, not the body
    assert sources["attributions"].is_monotonic_decreasing


def test_claim_shares_add_up(seed):
    shares = seed.claim_shares.set_index("claim_source_type")
    assert shares["claims"].sum() == len(seed.body_sentences)
    assert abs(shares["share"].sum() - 1) < 1e-9
    assert shares.loc["author", "claims"] == (seed.body_sentences["claim_source"] == "author").sum()
    assert shares.loc["anonymous", "claims"] >= 2  # the senior US official, and the officials in Moscow


def test_videos_circulating_are_a_media_source(seed, nlp):
    row = seed.attributions[seed.attributions["sent_id"] == 14].iloc[0]
    assert (row["source"], row["source_type"], row["cue"]) == ("videos", "media", "show")
    # "show" is a reporting verb only with a media or document subject.
    assert _analyse(nlp, "The guide showed the visitors that the bridge was old.").attributions.empty


def test_side_a_source_speaks_for(seed):
    speaks = dict(zip(seed.attributions["source"], seed.attributions["speaks_for"]))
    assert speaks["South Korea's spy agency"] == "South Korea"
    assert speaks["Officials in Moscow"] == "Moscow"
    assert speaks["Ukrainian intelligence officials"] == "Ukraine"  # the demonym, linked to its place
    assert speaks["A senior US military official"] == "United States"
    assert "speaks_for" in seed.sources.columns


def test_a_report_carries_its_call_on_to_the_next_sentence(nlp):
    # issue 30: after "says a report by the union", "It calls on the regulator to ..." is the report's.
    result = analyze("A headline\n\nPay is falling behind, says a report by the union. It calls on the regulator to act before the summer.", nlp=nlp)
    row = result.attributions[result.attributions["cue"] == "calls on"].iloc[0]
    assert row["canonical_source"] == "a report by the union" and row["content"] == "to act before the summer"
    assert result.sentences.loc[result.sentences["sent_id"] == row["sent_id"], "status"].iloc[0] == "reported"


def test_i_and_we_outside_quotation_marks_are_the_writer(nlp):
    from analysis import analyze

    text = ("Black Friday deals are live\n\n"
            "We confirmed that you still receive the credit when you buy the console. "
            '"We are thrilled with the response," said Jane Doe, the store\'s manager. '
            "I truly believe these are the best prices of the year.")  # fmt: skip
    result = analyze(text, nlp=nlp)
    attributions = result.attributions.set_index("cue")
    assert attributions.loc["confirmed", "canonical_source"] == "the writer"
    assert attributions.loc["believe", "canonical_source"] == "the writer"
    # Inside the quotation, "we" is the quoted speaker's side, not the writer.
    assert attributions.loc["said", "canonical_source"] == "Jane Doe"
    sentences = result.sentences.set_index("sent_id")
    assert sentences.loc[1, "claim_source_type"] == "author" and sentences.loc[3, "claim_source_type"] == "author"


@pytest.mark.parametrize("text, source, expected", [
    ("Beckham rules out coaching\n\nDavid Beckham has no plans to become a manager. "
     '"I am not interested in being a coach," the England captain said.', "the England captain", "David Beckham"),
    ("Negar Khan deported\n\nNegar Khan has had roles in music videos and films. "
     "The distressed actress told reporters she was being driven to the airport.", "The distressed actress", "Negar Khan"),
    # The subject of the sentence before, not the person named nearest (bbc sport/446 shape).
    ("Serena into final\n\nSerena Williams beat Maria Sharapova in three sets on Thursday. "
     '"Bring it on," said the 23-year-old.', "the 23-year-old", "Serena Williams"),
    # A newcomer is someone else: "the victim" is not the man charged.
    ("Man charged\n\nJohn Smith was charged with assault on Monday. The victim said she was relieved.", "The victim", None),
])  # fmt: skip
def test_a_description_of_the_story_s_subject_is_that_person(nlp, text, source, expected):
    from analysis import analyze

    attributions = analyze(text, nlp=nlp).attributions
    row = attributions[attributions["source"] == source].iloc[0]
    if expected is None:
        assert row["source_type"] != "person"
    else:
        assert (row["source_type"], row["canonical_source"]) == ("person", expected)


@pytest.mark.parametrize(
    "text, source_type",
    [
        ("The Interfax news agency said the sale was illegal, lawyers for the firm told reporters in Moscow on Monday.", "media"),
        ("The state news agency Xinhua reported that the talks had failed after the two sides met in Beijing on Monday.", "media"),
        ("The Kremlin press service said the president had been briefed on the crisis late on Sunday by his aides.", None),
        ("The European Space Agency said the probe had landed safely on the moon of Saturn after a seven-year trip.", "organization"),
    ],
)  # fmt: skip
def test_a_news_agency_is_an_outlet_and_another_agency_a_body(nlp, text, source_type):
    from analysis import analyze

    first = analyze(f"A headline\n\n{text}", nlp=nlp).attributions.iloc[0]
    if source_type is None:
        assert first["source_type"] != "media"  # a press service speaks for its body
    else:
        assert first["source_type"] == source_type, first["source_type_reason"]


def test_a_name_after_its_description_speaks_and_a_countrys_regulator_is_not_the_firm(nlp):
    # BBC News business/489 (Citigroup and BaFin), shortened.
    from analysis import analyze

    text = ("Criminal probe on Citigroup deals\n\nTraders at US banking giant Citigroup are facing a criminal investigation "
            "in Germany. Now the German regulator has said it has found evidence of possible market manipulation. Germany's "
            "financial watchdog BaFin told BBC News it had transferred the investigation to the public prosecutor. "
            "\"I can confirm that BaFin has passed the case to the prosecutor,\" a BaFin spokeswoman said. \"Germany's "
            "Securities Trading Act says that if BaFin finds such clues, it has to put the case in the hands of the "
            "prosecutor.\"")  # fmt: skip
    result = analyze(text, nlp=nlp)
    regulator = result.attributions[result.attributions["source"] == "the German regulator"].iloc[0]
    assert regulator["canonical_source"] != "Citigroup" and regulator["source_type"] == "organization"
    told = result.attributions[result.attributions["cue"] == "told"].iloc[0]
    assert (told["source"], told["source_type"]) == ("BaFin", "organization")
    act = result.sentences[result.sentences["text"].str.contains("Securities Trading Act")].iloc[0]
    assert act["claim_source"] == "BaFin"  # inside the spokeswoman's quotation, not the law speaking


def test_a_person_described_by_age_is_never_a_secret_source(nlp):
    # BBC News entertainment/315 (shortened) and sport/046 ("the 30-year-old").
    from analysis import analyze

    text = ("Hoffman attacks Hollywood films\n\nActor Dustin Hoffman has said current Hollywood films are too formulaic. "
            "The star of Rain Man and Tootsie said the film culture was \"in the craphouse\" at a press conference on Tuesday. "
            "The 67-year-old also said he stopped working a few years ago because he lost his \"spark\" for acting.")  # fmt: skip
    row = analyze(text, nlp=nlp).attributions.set_index("source").loc["The 67-year-old"]
    assert (row["canonical_source"], row["source_type"]) == ("Dustin Hoffman", "person")
    assert "[rule: age_description]" in row["source_type_reason"] or "described" in row["source_type_reason"]


@pytest.mark.parametrize(
    "lead, name",
    [
        # BBC News politics/132 and politics/175 (shortened).
        ('Retirement age could be scrapped\n\nThe "myth that ageing is a barrier" to contributing to society needs to be '
         '"exploded", the work and pensions minister has said.\n\nThis was why the government was considering scrapping the '
         "retirement age entirely, Alan Johnson said.",
         "Alan Johnson"),
        ("Brown targets Tory health plans\n\nThe chancellor has said the NHS would not be safe under the Conservatives.\n\n"
         "Speaking in Gateshead, Gordon Brown claimed the health service would be cut.", "Gordon Brown"),
    ],
)  # fmt: skip
def test_a_post_in_the_lead_is_the_person_named_speaking_next(nlp, lead, name):
    from analysis import analyze

    first = analyze(lead, nlp=nlp).attributions.iloc[0]
    assert (first["canonical_source"], first["source_type"]) == (name, "person")


def test_a_capitalised_post_with_a_name_after_it_is_that_person_and_a_he_is_not_someone_in_what_he_says(nlp):
    # BBC News politics/073, shortened.
    from analysis import analyze

    text = ("No to Royal succession shake-up\n\nThe Lord Chancellor, Lord Falconer, agreed the 1701 Act of Settlement was "
            "discriminatory but added that it had little effect. The changes proposed by Lord Dubs were a \"complex and "
            "controversial undertaking raising major constitutional issues\", he said.")  # fmt: skip
    rows = analyze(text, nlp=nlp).attributions.set_index("source")["canonical_source"]
    assert rows["The Lord Chancellor, Lord Falconer"] == "Falconer" and rows["he"] == "Falconer"


def test_a_full_name_closing_the_phrase_is_who_speaks_after_a_title(nlp):
    # bbc entertainment/311: the title "Only Fools and Horses" made "Fools" the parse's head
    from analysis import analyze

    text = 'And last week Only Fools and Horses star David Jason criticised British TV for being "too safe and too cheap".'
    rows = analyze("Story\n\n" + text, nlp=nlp).attributions
    assert rows["canonical_source"].tolist() == ["David Jason"]


def test_a_place_after_for_is_no_closing_name_and_figures_are_never_referred_back_to(nlp):
    # bbc politics/273 ("the Tory MP for Sleaford and North Hykeham") and politics/382 ("government figures show ... They also believe")
    from analysis import analyze

    text = ("Story\n\nBut the Tory MP for Sleaford and North Hykeham admitted the role \"cannot be frozen in aspic\". "
            "The Tories claim government figures show that TB has increased. They also believe there should be stricter controls.")  # fmt: skip
    result = analyze(text, nlp=nlp)
    rows = result.attributions.set_index("cue")
    assert rows.loc["admitted", "canonical_source"] != "North Hykeham"
    assert result.sentences.iloc[-1]["claim_source"] != "government figures"


def test_a_plural_name_the_model_took_for_a_person_is_a_group(nlp):
    # bbc politics/300: "The Lib Dems have pledged ..." (PERSON in the small model)
    from analysis import analyze

    rows = analyze("Story\n\nThe Lib Dems have pledged to oppose the bill when it is debated next Monday.", nlp=nlp).attributions
    assert rows["source_type"].tolist() == ["organization"]


@pytest.mark.parametrize(
    "text, source, source_type",
    [
        ("MPs urged the government to redraft clauses relating to the prosecution of cruelty offences.", "MPs", "unnamed"),  # bbc politics/048
        ("With the election widely predicted for May, angry Labour MPs this week warned Mr Blair about the dangers of disunity.",
         "angry Labour MPs", "unnamed"),  # bbc politics/099
        ("In December the Lords rejected a plea by Lord Chancellor Lord Falconer that the holder should not be a lawyer.", "the Lords",
         "organization"),  # bbc politics/273: a house of parliament, no plural title
    ],
)
def test_a_political_title_in_the_plural_is_a_group_without_names(nlp, text, source, source_type):
    row = next(r for r in _rows(_analyse(nlp, text)) if r["source"] == source)
    assert row["source_type"] == source_type, row["source_type_reason"]


def test_a_he_after_they_is_never_the_group_they_stood_for(nlp):
    # bbc politics/099: "They say ..." stood for two men; "he alleges" later is one person.
    text = ("Michael Howard and frontbencher John Redwood on Thursday launched new plans to abolish hundreds of quangos. "
            "They say government is spending too much. The latest speculation came after the publication of a new book "
            "by Robert Preston. In it he alleges that Mr Blair told Mr Brown in 2003 he would step down.")  # fmt: skip
    rows = _rows(_analyse(nlp, text))
    assert next(r for r in rows if r["source"] == "They")["canonical_source"] == "Michael Howard and John Redwood"
    assert " and " not in next(r for r in rows if r["source"] == "he")["canonical_source"]


@pytest.mark.parametrize(
    "text, source, source_type",
    [
        ("Labour's new posters say Britain is enjoying the lowest inflation since the 1960s.", "Labour's new posters", "document"),  # bbc politics/260
        ("Employees are offered health insurance and a retirement plan, the adverts say.", "the adverts", "document"),  # bbc business/449
        ('And the law protects those who use "something to hand" as a weapon, said the leaflet published jointly by the Crown '
         "Prosecution Service (CPS) and Association of Chief Police Officers (ACPO).",
         "the leaflet published jointly by the Crown Prosecution Service (CPS) and Association of Chief Police Officers (ACPO)",
         "document"),  # bbc politics/230: the maker kept, with its closing bracket
    ],
)
def test_posters_adverts_and_leaflets_are_documents(nlp, text, source, source_type):
    row = next(r for r in _rows(_analyse(nlp, text)) if r["source"] == source)
    assert row["source_type"] == source_type, row["source_type_reason"]


@pytest.mark.parametrize(
    "text, source, canonical",
    [
        # A fifth blind teacher review (bbc tech/180): a lead describes, the next sentence names.
        ("A US airline attendant suspended over images on her blog says she has been fired. Ellen Simonetti, known as "
         "Queen of the Sky, wrote an account of her life.", "A US airline attendant", "Ellen Simonetti"),
        ("UK Muslims should accept that they are more likely to be stopped, a Home Office minister has said. Hazel Blears "
         "said innocent Muslims would be targeted.", "a Home Office minister", "Hazel Blears"),  # bbc politics/105
        # Not a name that is a title's, nor someone in a later sentence.
        ("The plot of a bestseller is laughable, a clergyman has said. The Da Vinci Code claims Jesus was not crucified.",
         "a clergyman", "a clergyman"),  # bbc entertainment/009
    ],
)
def test_a_lead_that_describes_a_person_names_them_in_the_next_sentence(nlp, text, source, canonical):
    row = next(r for r in _rows(_analyse(nlp, text)) if r["source"] == source)
    assert row["canonical_source"] == canonical, row["source_type_reason"]


@pytest.mark.parametrize(
    "text, source, canonical, source_type",
    [
        # bbc politics/180 and 117: a post in lower case the tagger took for a name.
        ("Concessions on the bill were not a political ploy, the lord chancellor has said.", "the lord chancellor",
         "the lord chancellor", "anonymous"),
        # bbc entertainment/383: a surname with a lower-case particle after its honorific.
        ('"You have explored the possibilities of film," Mr de Vabres said as he presented the award.', "Mr de Vabres",
         "de Vabres", "person"),
    ],
)
def test_an_honorific_before_a_post_is_no_name_but_before_a_particle_is(nlp, text, source, canonical, source_type):
    row = next(r for r in _rows(_analyse(nlp, text)) if r["source"] == source)
    assert (row["canonical_source"], row["source_type"]) == (canonical, source_type), row["source_type_reason"]


@pytest.mark.parametrize(
    "text, source, canonical",
    [
        # A sixth blind teacher review (bbc business/210): the Treasury was the source.
        ("Treasury Under Secretary John Taylor said the US was not convinced.", "Treasury Under Secretary John Taylor", "John Taylor"),
        ("Association of Chief Police Officers president Chris Fox said the power did not have enough impact.",
         "Association of Chief Police Officers president Chris Fox", "Chris Fox"),  # bbc politics/165
    ],
)
def test_a_bodys_post_before_a_name_is_that_person(nlp, text, source, canonical):
    row = next(r for r in _rows(_analyse(nlp, text)) if r["source"] == source)
    assert (row["canonical_source"], row["source_type"]) == (canonical, "person"), row["source_type_reason"]


# The reader the writer addresses, and people in general with the writer among them, are
# no source of their own: the claim is the writer's (rule reader_addressed).
@pytest.mark.parametrize("sentence, writer", [
    # ign.com deals column; beachbodyondemand.com blog; BBC sport/218 column.
    ("If you are hoping the price will drop on Black Friday, you are fooling yourself.", True),
    ("Most of us think we overeat when the food is really good.", True),
    ('You think "oh no" - then find your worst fears confirmed.', True),
    # Readers who wrote in are a source, and so is a group of named people.
    ("Many of you have told us the plan is wrong.", False),
    ("Some of them said the plan was wrong.", False),
])
def test_the_reader_addressed_is_no_source(nlp, sentence, writer):
    result = analyze(f"Headline here\n\n{sentence}", nlp=nlp)
    sources = result.attributions["canonical_source"].tolist()
    assert sources, sentence
    assert (sources[0] == "the writer") == writer, (sentence, result.attributions[["source", "source_type_reason"]].to_dict("records"))


def test_a_surname_the_tagger_reads_as_a_plural_noun_is_the_person_named_before(nlp):
    # cnbc.com: "Petrides" was tagged the plural of a common noun and listed as a group without names.
    result = _analyse(nlp, "The deal could start a new trend, says John Petrides, portfolio manager at Tocqueville. "
                           '"So this could be a new paradigm for the industry," Petrides said.')
    rows = [r for r in _rows(result) if r["source"] == "Petrides"]
    assert rows and rows[0]["source_type"] == "person" and rows[0]["canonical_source"] == "John Petrides"
