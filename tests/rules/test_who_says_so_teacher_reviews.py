"""Who says so, from blind teacher reviews of exercise packs made from BBC articles
no rule was written on (politics/141, business/437, tech/371): initials a house style
writes as a word, a family name written first, a thing that "threatens", a body named
after its description, a document's maker the parser split off, and who is only
"reported to" be so. Each rule is also checked on sentences of other BBC and PolNeAR
articles (marked ``bbc <section>/<nnn>`` and ``PolNeAR train``)."""

import pytest

from analysis import analyze


def _attributions(nlp, text):
    return analyze(text, nlp=nlp).attributions


INITIALS = [
    ("Tobacco row\n\nThe ban may anger British American Tobacco, which plans to build a factory in China. "
     "A spokeswoman for Bat declined to comment on the report.", "Bat", "British American Tobacco", "bbc business/437"),
    ("Tobacco row\n\nThe State Tobacco Monopoly Administration said a week later that it had not approved the deal. "
     "However, if the STMA continues to take a tough stance, expansion opportunities could be limited.", "STMA",
     "State Tobacco Monopoly Administration", "bbc business/437: in capitals"),
    ("Storms\n\nClimate change could be completely out of control within several decades, the Scottish Environment Protection "
     "Agency is warning a committee of MSPs. Sepa predict that the two methods will remain as energy sources until climate "
     "change is under control.", "Sepa", "Scottish Environment Protection Agency", "bbc politics/090"),
    ("Games\n\nFive titles managed this feat according to figures compiled by Chart-Track for the Entertainment and Leisure "
     "Software Publishers Association (Elspa). Elspa noted that sales of Xbox games rose 37.9% during the year.", "Elspa",
     "Entertainment and Leisure Software Publishers Association", "bbc tech/203: a name the model cut short"),
]


@pytest.mark.parametrize("text, short, name, where", INITIALS, ids=[c[3] for c in INITIALS])
def test_a_word_that_spells_a_bodys_initials_is_that_body(nlp, text, short, name, where):
    entities = analyze(text, nlp=nlp).entities.drop_duplicates("text").set_index("text")
    assert entities.at[short, "canonical"] == name
    assert entities.at[short, "label"] == "ORG"


def test_two_letters_are_no_initials_and_a_word_never_stands_for_a_short_name(nlp):
    # Two letters are too often a word or another name's; a name of two words has no initials rule.
    entities = analyze("Cars\n\nGeneral Motors said sales fell. GM said the fall was small, and the Go Ahead group agreed.",
                       nlp=nlp).entities
    assert "General Motors" not in set(entities.loc[entities["text"] == "GM", "canonical"])


FIRST_WORD = [
    ('Tobacco\n\n"China won\'t allow any new tobacco factories," said Xing Wangli, a spokesman for the regulator. '
     '"Xing\'s statement comes as bad news," the newspaper said.', "Xing", "Xing Wangli", "bbc business/437: family name first"),
    ("Chelsea\n\nNicolas Anelka said he wanted to return. Nicolas told the paper that he agrees with me that we are a big club.",
     "Nicolas", "Nicolas Anelka", "bbc sport/254: a first name alone"),
]


@pytest.mark.parametrize("text, word, name, where", FIRST_WORD, ids=[c[3] for c in FIRST_WORD])
def test_a_word_that_opens_one_persons_name_is_that_person(nlp, text, word, name, where):
    entities = analyze(text, nlp=nlp).entities
    assert set(entities.loc[entities["text"] == word, "canonical"]) == {name}


def test_a_surname_two_people_share_is_not_read_as_a_first_word(nlp):
    text = "Osbournes\n\nOzzy Osbourne and Sharon Osbourne were at home. Osbourne said nothing about the theft."
    entities = analyze(text, nlp=nlp).entities
    assert set(entities.loc[entities["text"] == "Osbourne", "canonical"]) == {"Osbourne"}


THINGS = [
    ("Tobacco\n\nThe ban threatens to reignite tensions between the regulator and the firm.", "bbc business/437"),
    ("Euro\n\nThe strength of the euro is threatening to dampen that foreign demand in 2005.", "bbc business/436"),
    ("Pensions\n\nA final salary scheme, also known as a defined benefit scheme, promises to pay a pension related to the salary.",
     "bbc business/238"),
    ("Wage\n\nThe deal came together quickly: a pending ballot initiative threatened to raise the wage more swiftly.",
     "PolNeAR train (Washington Post, 2016-03-29)"),
    ("Rugby\n\nThomas will miss the match against Scotland, and what promises to be a huge encounter against the Irish.",
     "bbc sport/291"),
]


@pytest.mark.parametrize("text, where", THINGS, ids=[c[1] for c in THINGS])
def test_a_thing_that_threatens_or_promises_says_nothing(nlp, text, where):
    result = analyze(text, nlp=nlp)
    assert not result.attributions["cue"].str.lower().str.startswith(("threat", "promis")).any()


SPEAKERS = [
    ("Bar\n\nFive more barristers are threatening to resign over the plans.", "Five more barristers", "bbc politics shape"),
    ("Web\n\nMany extortionists are threatening to cripple their websites with deluges of data.", "Many extortionists", "bbc tech shape"),
    ("Tories\n\nThe Tories promise to keep the payments.", "The Tories", "bbc politics"),
    ("Debate\n\nHe promised to increase free nursery education.", "He", "bbc politics"),
]


@pytest.mark.parametrize("text, source, where", SPEAKERS, ids=[c[0][:12] for c in SPEAKERS])
def test_people_who_threaten_or_promise_still_speak(nlp, text, source, where):
    assert source in set(_attributions(nlp, text)["source"])


APPOSED = [
    ("Tobacco\n\nThe world's biggest tobacco consumer, China, has said it will not allow any new tobacco factories to be built.",
     "China", "organization", "bbc business/437"),
    ("Agency\n\nThe deal does not apply to earlier deals, according to the French news agency AFP.", "AFP", "media", "bbc business/437"),
    ("Music\n\nThe group that owns most of her music, Big Machine, says it will sue.", "Big Machine", "organization", "page"),
]


@pytest.mark.parametrize("text, canonical, kind, where", APPOSED, ids=[c[3] + " " + c[1] for c in APPOSED])
def test_a_description_named_right_after_is_that_body(nlp, text, canonical, kind, where):
    row = _attributions(nlp, text).iloc[0]
    assert (row["canonical_source"], row["source_type"]) == (canonical, kind)


NOT_APPOSED = [
    ("Theatre\n\nThe Oscar-nominated actor, whose films include Schindler's List and Star Wars: The Phantom Menace, said the "
     "theatre mattered.", "bbc entertainment/012: a film named inside a clause on the actor"),
    ("Book\n\nAccording to a new book, Brown's Britain, Mr Blair went back on a pledge.", "bbc politics/218: a book's title"),
    ("Polls\n\nA woman in Worcester, Massachusetts, told reporters she worries he is too nice.", "PolNeAR train: a town and its state"),
]


@pytest.mark.parametrize("text, where", NOT_APPOSED, ids=[c[1] for c in NOT_APPOSED])
def test_a_name_inside_a_description_is_not_who_it_describes(nlp, text, where):
    assert _attributions(nlp, text).iloc[0]["source_type"] != "organization"


def test_a_name_the_parser_split_off_a_documents_phrase_stays_with_it(nlp):
    text = "TV\n\nRecent figures from the UK's regulator Ofcom showed Freeview was more popular than the Sky digital satellite service."
    row = _attributions(nlp, text).iloc[0]
    assert row["source"] == "Recent figures from the UK's regulator Ofcom" and row["source_type"] == "document"


def test_who_is_only_reported_to_be_so_is_the_claim(nlp):
    # bbc politics/141: the sentence tells who is said to have doubts, on nobody's word.
    text = ("ID cards\n\nAmong those reported to have serious reservations over the strategy were senior shadow cabinet "
            "members David Davis, Oliver Letwin and Tim Yeo.")
    sentence = analyze(text, nlp=nlp).sentences.iloc[1]
    assert (sentence["status"], sentence["claim_source"]) == ("hedged", "nobody named")
    # A description with "alleged" leaves the main claim as it is.
    text = "Arrest\n\nThe man alleged to have robbed the bank was arrested on Monday, police said."
    assert analyze(text, nlp=nlp).sentences.iloc[1]["status"] == "reported"


def test_at_the_end_of_the_day_is_no_date(nlp):
    text = ('ID cards\n\nHe said: "At the end of the day we must do what is right." The vote is on Monday, by the end of the day.')
    dates = analyze(text, nlp=nlp).dates["text"].tolist()
    assert "the end of the day" in dates and dates.count("the end of the day") == 1


# An eighth blind teacher review (BBC tech/104, politics/229, business/507).

def test_a_description_that_names_no_person_is_not_the_last_speaker(nlp):
    # bbc tech/104: "The games industry" was read as Dr Burn, who spoke just before.
    text = ('Games\n\nDr Andrew Burn, of the Institute of Education, said: "Games are a legitimate cultural form." '
            "The games industry welcomed the report, saying it showed how games had a positive impact on children.")
    rows = _attributions(nlp, text)
    assert "Andrew Burn" not in set(rows.loc[rows["cue"] == "saying", "canonical_source"])


def test_two_titled_judges_are_both_the_source_and_they_after(nlp):
    # bbc politics/229: "Lord Justice Rix and Mr Justice Forbes ruled that ..." was Rix alone.
    text = ("Iraq\n\nThe High Court heard the case on Tuesday. But Lord Justice Rix and Mr Justice Forbes ruled that UK "
            "jurisdiction could extend to a UK-run prison. They said his case came within the UK's jurisdiction.")
    rows = _attributions(nlp, text)
    assert set(rows.loc[rows["cue"].isin(["ruled", "said"]), "canonical_source"]) == {"Rix and Forbes"}


def test_a_court_that_rules_that_is_a_source_and_ruling_out_stays_a_denial(nlp):
    rows = _attributions(nlp, "Iraq\n\nThe High Court ruled on Tuesday that the death fell within the European Convention.")
    assert rows.iloc[0]["canonical_source"] == "High Court" and rows.iloc[0]["cue"] == "ruled"
    rows = _attributions(nlp, "Vote\n\nThe minister has ruled out a referendum on the treaty before the election next year.")
    assert rows.iloc[0]["cue"] == "ruled out"


def test_an_opening_preposition_left_without_its_object_is_not_the_speakers_name(nlp):
    text = ('Iraq\n\nThe court ruled on Tuesday. After the ruling Carla Ferstman, legal director of the human rights '
            'organisation Redress, said: "It is not enough for the military to investigate behind closed doors, as it has done."')
    assert _attributions(nlp, text).iloc[0]["source"].startswith("Carla Ferstman")


def test_it_was_difficult_to_say_has_no_sayer(nlp):
    text = ('Iraq\n\nAnd it was difficult to say that the investigation "has been timely, open or effective", the judges said.')
    rows = _attributions(nlp, text)
    assert rows.loc[rows["cue"] == "say", "source"].isna().all() or (rows.loc[rows["cue"] == "say", "source"] == "").all()


def test_a_speaker_who_says_in_their_own_quotation_that_they_cannot_say_leaves_it_open(nlp):
    text = ('Iraq\n\nThe Prime Minister\'s official spokesman said: "Obviously we will need to study this judgment. '
            '"I can\'t say anything further for obvious reasons."')
    sentences = analyze(text, nlp=nlp).sentences
    assert sentences.iloc[-1]["status"] == "unconfirmed"


# A ninth blind teacher review (BBC sport/290, politics/098, tech/108).

REVIEW_NINE = [
    ("Rugby\n\nIreland fly-half Ronan O'Gara hailed his side's 19-13 victory over England as a \"special\" win.",
     "hailed", "Ronan O'Gara", "bbc sport/290: 'hail' praises"),
    ("Rugby\n\nIreland hooker Shane Byrne echoed O'Gara's comments but admitted the game had been England's best outing.",
     "echoed", "Shane Byrne", "bbc sport/290: 'echo' says again"),
    ("Care\n\nThe rise stems from mistakes, according to findings published in the Quarterly Economic Commentary of "
     "Strathclyde University's Fraser of Allander Institute.", "according to",
     "findings published in the Quarterly Economic Commentary of Strathclyde University's Fraser of Allander Institute",
     "bbc politics/098: findings published by a named body"),
]


@pytest.mark.parametrize("text, cue, source, where", REVIEW_NINE, ids=[c[3] for c in REVIEW_NINE])
def test_review_nine_speakers(nlp, text, cue, source, where):
    rows = _attributions(nlp, text)
    row = rows[rows["cue"].str.lower() == cue].iloc[0]
    assert source in (row["canonical_source"], row["source"])


def test_rest_assured_is_no_reporting_verb(nlp):
    text = ('Care\n\nShe said: "We need to know that older people can rest assured that their care needs will be met."')
    assert "assured" not in set(_attributions(nlp, text)["cue"])


def test_a_first_name_and_a_known_surname_are_a_person_whatever_the_tagger_says(nlp):
    # bbc politics/098: "SNP Holyrood leader Nicola Sturgeon" tagged ORG, then "Ms Sturgeon".
    text = ("Care\n\nSNP Holyrood leader Nicola Sturgeon said the public needed reassurance that the care programme was "
            "secure. Ms Sturgeon said there were questions which needed to be answered.")
    rows = _attributions(nlp, text)
    assert rows.iloc[0]["source_type"] == "person"


def test_today_is_the_programme_where_the_article_names_it_so(nlp):
    # bbc politics/268 (a tenth blind teacher review): "Mr Milburn told Today" was a date.
    text = ("Reform\n\nShe told the Today programme that the policy was wrong. Mr Milburn told Today that reform would go on. "
            "The vote is on Monday.")
    assert analyze(text, nlp=nlp).dates["text"].tolist() == ["Monday"]


def test_half_of_a_match_is_no_date_and_half_of_a_year_is(nlp):
    # bbc sport/340 (a tenth blind teacher review): "the first half" was a date to place.
    text = "Rugby\n\nFrance led in the first half but faded in the second half. Sales rose in the first half of 2005."
    assert analyze(text, nlp=nlp).dates["text"].tolist() == ["the first half of 2005"]


def test_what_someone_warns_against_is_what_they_say(nlp):
    # bbc politics/268 (a tenth blind teacher review); business/119: "cautioned against further rises".
    text = "Benefits\n\nHowever, backbench Labour MP Karen Buck warned against proposed changes in such benefits."
    sentence = analyze(text, nlp=nlp).sentences.iloc[1]
    assert (sentence["status"], sentence["claim_source"]) == ("reported", "Karen Buck")


def test_a_rank_before_a_persons_name_is_that_person_not_a_share_of_a_poll(nlp):
    # bbc sport/423 (an eleventh blind teacher review): "Former world number one" was read
    # as a share of a group (rule poll_share), and the named player as nobody.
    text = ("Tennis\n\nFormer world number one Juan Carlos Ferrero insists he can get back to his best despite a tough "
            "start to 2005.")
    row = _attributions(nlp, text).iloc[0]
    assert (row["canonical_source"], row["source_type"]) == ("Juan Carlos Ferrero", "person")


def test_an_aside_it_seems_between_commas_hedges_the_whole_claim(nlp):
    # bbc entertainment/326 (an eleventh blind teacher review): "Tinseltown, it seems, likes ..." was stated.
    text = ("Oscars\n\nThe Aviator leads the field. Tinseltown, it seems, likes nothing more than a picture about one of its "
            "own. Prices, it appears, will rise.")
    assert analyze(text, nlp=nlp).sentences["status"].tolist()[1:] == ["asserted", "hedged", "hedged"]


TAGS_READ_AS_NOUNS = [
    ("Brown\n\nTony Blair promised Gordon Brown he would stand down before the next election, a new book about the "
     "chancellor claims.", "a new book about the chancellor", "document", "bbc politics/252"),
    ("TV\n\nIt could sound the death knell for some TV channels, Telewest predicts.", "Telewest", "organization",
     "bbc tech/280: a name tagged as an adjective"),
    ("Gas\n\nAlgeria suffered a weekend of violent protests against government plans to raise gas prices, local press "
     "reports.", "local press", "media", "bbc business/502"),
]


@pytest.mark.parametrize("text, source, kind, where", TAGS_READ_AS_NOUNS, ids=[c[3] for c in TAGS_READ_AS_NOUNS])
def test_a_closing_speaker_whose_verb_was_read_as_a_noun_tells_the_sentence(nlp, text, source, kind, where):
    # A twelfth blind teacher review (bbc politics/252 in an earlier one): the claims were the writer's.
    sentence = analyze(text, nlp=nlp).sentences.iloc[1]
    assert (sentence["status"], sentence["claim_source"], sentence["claim_source_type"]) == ("reported", source, kind)


def test_a_list_ending_in_a_plural_noun_is_no_speaker(nlp):
    # bbc entertainment/009: "rebuttals and counter claims" closes a list; nobody claims anything.
    text = ("Book\n\nThe novel has spawned its own cottage industry of publications, including guides on how to read the "
            "book, rebuttals and counter claims.")
    assert analyze(text, nlp=nlp).attributions.empty


def test_a_kind_of_body_before_a_name_makes_it_that_body(nlp):
    # bbc business/047 (a twelfth blind teacher review): "Ryanair said" was a person, "The carrier" nobody named.
    text = ("Ryanair deal\n\nBudget airline Ryanair has placed an order for 70 Boeing planes. Ryanair said the new planes "
            "would help it to cut costs. The carrier reported a drop in quarterly profit earlier this year. A London "
            "company said it was pleased.")
    rows = _attributions(nlp, text)
    assert rows[["canonical_source", "source_type"]].values.tolist()[:2] == [["Ryanair", "organization"]] * 2
    entities = analyze(text, nlp=nlp).entities
    assert set(entities.loc[entities["text"] == "London", "label"]) == {"GPE"}


def test_a_capitalised_first_word_is_no_name_of_a_group(nlp):
    # bbc tech/116 (a twelfth blind teacher review): "Security firms are warning" was a named organisation.
    text = "Bugs\n\nSecurity firms are warning about several mobile phone viruses that can spread much faster than before."
    assert _attributions(nlp, text).iloc[0]["source_type"] == "unnamed"


def test_the_person_named_nearest_the_verb_speaks_when_the_parse_splits_the_subject(nlp):
    # bbc politics/293 (a twelfth blind teacher review): the source was "Ex-BBC chat show", anonymous.
    text = ('Veritas\n\nEx-BBC chat show host and East Midlands MEP Robert Kilroy-Silk said he wanted to "change the face '
            'of British politics". Mr Kilroy-Silk, who recently quit the UK Independence Party, said the country was '
            'being stolen.')
    rows = _attributions(nlp, text)
    assert rows[["canonical_source", "source_type"]].values.tolist() == [["Robert Kilroy-Silk", "person"]] * 2


def test_the_party_is_the_one_a_spokesman_spoke_for(nlp):
    # bbc politics/293: "The party asserts" was the London Assembly.
    text = ("UKIP\n\nMr Hockney also left UKIP. A spokesman for UKIP called on Mr Hockney to quit the London Assembly. "
            "The party asserts that Mr Hockney has a moral obligation to stand down.")
    rows = _attributions(nlp, text)
    assert rows.iloc[-1]["canonical_source"] == "UKIP"


def test_a_decade_with_a_prefix_is_placed(nlp):
    # bbc politics/293 (a twelfth blind teacher review): "the mid-1990s" was a date needing the dateline.
    dates = analyze("Parties\n\nThe Conservatives are as confused as they have been since the mid-1990s.", nlp=nlp).dates
    assert dates.set_index("text").at["the mid-1990s", "kind"] == "absolute"


def test_an_opening_common_word_before_a_kind_of_body_names_nothing(nlp):
    # bbc business/047 (a twelfth blind teacher review): "Budget" was a body to look up.
    text = ("Deal\n\nBudget airline Ryanair has placed an order for new planes. Mexico's powerful Televisa network censured "
            "his report. Manufacturer Ron Johnson was elected senator of Wisconsin in 2010.")
    labels = dict(zip(*analyze(text, nlp=nlp).entities[["text", "label"]].T.values))
    assert "Budget" not in labels and labels["Ryanair"] == "ORG" and labels["Ron Johnson"] == "PERSON"


def test_saying_nothing_reports_no_claim(nlp):
    # bbc entertainment/256 (a thirteenth blind teacher review): "he might have said nothing" was Lemar's claim.
    text = ("Brits\n\nIf Lemar, who makes music which is less soulful than Joss' work won, he might have said nothing. "
            "The minister said nothing about the plan. He said nothing had changed.")
    rows = analyze(text, nlp=nlp).attributions
    assert rows["content"].tolist() == ["nothing had changed"]


def test_the_writers_own_i_think_is_hedged_not_reported(nlp):
    # bbc entertainment/256 (a thirteenth blind teacher review): "but I don't think ..." was
    # "reported" with the writer as source, which the worksheet's labels contradict.
    text = ('Lions\n\nHowever, I still think White and Phil Vickery will be in the frame. I say this as the knife only made '
            'No 20. "I think we will win," he said.')
    rows = analyze(text, nlp=nlp).sentences.iloc[1:]
    assert rows[["status", "claim_source_type"]].values.tolist() == [["hedged", "author"], ["asserted", "author"], ["reported", "person"]]


FORECASTS = [
    ("Gadgets\n\nPartners may want to get their presents in early as experts predict a gadget shortage this Christmas.",
     "experts", "bbc tech/172 (a fourteenth blind teacher review)"),
    ("India\n\nInvestment bank Morgan Stanley has forecast that India's mobile market is likely to grow by about 40% a year.",
     "Morgan Stanley", "bbc business/019 (a fourteenth blind teacher review)"),
    ("Airlines\n\nBA had previously forecast a 2% to 3% rise in full-year revenue.", "BA", "bbc business/004"),
    ("Race\n\nPatrick predicted a Cruz win in Texas, which votes on March 1.", "Patrick", "PolNeAR train (Breitbart)"),
]


@pytest.mark.parametrize("text, speaker, where", FORECASTS, ids=[c[2] for c in FORECASTS])
def test_a_forecast_by_someone_who_can_speak_is_theirs(nlp, text, speaker, where):
    rows = _attributions(nlp, text)
    rows = rows[rows["cue_lemma"].isin(["predict", "forecast"])]
    assert len(rows) == 1 and speaker in (rows.iloc[0]["source"] + "|" + str(rows.iloc[0]["canonical_source"])), rows


def test_a_forecast_in_the_passive_is_nobody_named_and_a_things_is_the_writers_word(nlp):
    # bbc entertainment/066 and tech/163: "are predicted to" keeps its nobody-named hedge.
    text = "Films\n\nTicket sales at the US box office are predicted to break records this year. The storm predicts a cold week."
    sentences = analyze(text, nlp=nlp).sentences
    assert sentences[["status", "claim_source"]].values.tolist()[1:] == [["hedged", "nobody named"], ["asserted", "author"]]


def test_a_speaker_after_a_quotation_read_as_the_verbs_object_speaks(nlp):
    # bbc business/019 (a fourteenth blind teacher review): Task 8 said "nobody is named
    # ('added')" of a quotation "added Ernst and Young's Sanjay Mehta".
    text = ('India\n\n"The FDI relaxation coupled with rapid local market growth could really ignite interest in the Indian '
            'telecommunication industry," added Ernst and Young\'s Sanjay Mehta.')
    rows = _attributions(nlp, text)
    assert rows[["source", "canonical_source", "source_type"]].values.tolist() == [["Sanjay Mehta", "Sanjay Mehta", "person"]]


def test_a_saying_still_to_come_and_a_belief_in_a_pronoun_report_no_claim(nlp):
    # bbc sport/296 (a fifteenth blind teacher review): "Laporte will announce his starting
    # line-up on Wednesday" was Laporte's claim, and "I was not expecting it at all" had
    # "expecting" as its reporting verb.
    text = ('France\n\nLaporte will announce his starting line-up on Wednesday. "It\'s incredible," the youngster said. '
            '"I was not expecting it at all." The minister will not comment on the plan. Experts expect a shortage.')
    rows = _attributions(nlp, text)
    assert rows["cue"].tolist() == ["said", "comment", "expect"]


def test_figures_not_yet_released_are_no_source(nlp):
    # bbc tech/203 (a sixteenth blind teacher review): Task 8 listed "figures" as a source
    # without a name in "Valve has yet to release figures which show how many copies ...".
    text = "Games\n\nValve has yet to release figures which show how many copies were sold. The firm released figures which show sales rose."
    rows = _attributions(nlp, text)
    assert rows[["sent_id", "source"]].values.tolist() == [[2, "figures"]]


def test_parties_are_bodies_and_they_follow_the_party_the_story_turned_to(nlp):
    # bbc politics/317 (a seventeenth blind teacher review): "Labour" was a person, "They
    # say" went to the Audit Commission and the Tories, and the Lib Dems' "The party" to Labour.
    text = ("Council tax\n\nThe Audit Commission found the system was flawed. Labour says it wants to retain the tax. They say they "
            "are already helping pensioners. The Tories have promised a reduction on bills for pensioners, who they say have been "
            "hardest hit. They say they can save £4bn.\n\nThe Liberal Democrats want to do away with the council tax altogether. "
            "The rate would be set locally, which they say would save at least £300m. The party says it would aim for a £5,000 "
            "allowance.")
    result = analyze(text, nlp=nlp)
    labels = dict(zip(result.entities["text"], result.entities["label"]))
    assert labels["Labour"] == "ORG" and labels["Liberal Democrats"] == "ORG"
    speakers = result.attributions.groupby("sent_id")["canonical_source"].first()
    assert speakers[3] == "Labour" and speakers[7] == "Liberal Democrats" and speakers[8] == "Liberal Democrats"


def test_speakers_from_the_tenth_round_of_reviews(nlp):
    # bbc sport/096: "... training in Holland and Ferguson said" was the 28-year-old's;
    # bbc sport/399: "said the Warriors chief" was anonymous, not Wigan chairman Maurice
    # Lindsay; bbc business/133: "The prime minister's office said" was unnamed.
    text = ('Football\n\nManchester United manager Sir Alex Ferguson hinted he may be back early. The 28-year-old has been '
            'training in Holland and Ferguson said: "Ruud comes back on Tuesday." Wigan chairman Maurice Lindsay says he does '
            'not expect a quick decision. "It would be a great loss for us," said the Warriors chief. The prime minister\'s '
            'office said auditors had found irregularities.')
    rows = _attributions(nlp, text).set_index("sent_id")
    assert rows.at[2, "canonical_source"] == "Alex Ferguson" and rows.at[4, "canonical_source"] == "Maurice Lindsay"
    assert rows.at[5, "source_type"] == "organization"


def test_a_charge_is_the_chargers_claim(nlp):
    # bbc business/448 (an eleventh-round blind teacher review): "US prosecutors have charged
    # nine food suppliers with helping Ahold ..." was the writer's own claim.
    text = ("Ahold\n\nUS prosecutors have charged nine food suppliers with helping Dutch retailer Ahold inflate earnings. "
            "The bank charged customers five pounds for the service. He was charged with fraud last year.")
    rows = _attributions(nlp, text)
    assert rows[["sent_id", "source", "cue"]].values.tolist() == [[1, "US prosecutors", "charged"]]
