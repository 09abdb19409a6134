"""What the marking accepts, as a table a teacher can read: (the key's forms, a student's
answer, accepted?). The forms are sources and cues as they appear in real articles: the
seed (seeds/000_d9c7288233712f85.txt), PolNeAR 2016 news (New York Times, FBI, Justice
Department, Clinton campaign) and BBC News 2004-05 (Greene and Cunningham 2006)."""

import pytest

from analysis.classroom.marking import cue_matches, mark_card, same_source, written_differently

OFFICIAL = ["A senior US military official"]
AUSTIN = ["US Defence Secretary Lloyd Austin", "Lloyd Austin", "Austin"]
SPY = ["South Korea's spy agency"]
MOSCOW = ["Officials in Moscow"]
NYT = ["The New York Times"]
FBI = ["F.B.I. officials"]
DOJ = ["the Justice Department"]
AP = ["The Associated Press"]
US = ["the United States", "the US"]
TESCO = ["A Tesco spokeswoman", "Tesco"]
UN = ["the United Nations"]
COMEY = ["FBI Director James Comey", "James Comey", "Comey"]
NHS = ["NHS managers"]
BLAIR = ["Prime Minister Tony Blair", "Tony Blair", "Mr Blair"]
UKIP = ["The UK Independence Party", "UK Independence Party", "The party"]
MAKOWER = ["William Makower, chief executive of Panlogic", "William Makower", "Mr Makower"]
ANALYSTS = ["analysts"]
REPORT = ["The report", "a report"]
# BBC News 2004-05: politics/049 (ID cards), business/191 (a pain drug), business/489 (Citigroup).
MANSFIELD = ["The chairman of the Bar Council, Guy Mansfield QC", "Guy Mansfield QC"]
CLARKE = ["New Home Secretary Charles Clarke", "Charles Clarke", "Mr Clarke", "Clarke"]
HOME_OFFICE = ["The Home Office", "Home Office"]
KIM = ["Merck's head of research Peter Kim", "Peter Kim", "Mr Kim", "Kim"]
ACT = ["Germany's Securities Trading Act", "Securities Trading Act"]
# BBC News business/057.
LOMAX = ["Bank of England deputy governor Rachel Lomax", "Rachel Lomax", "Ms Lomax", "Lomax"]
# BBC News sport/348.
OWEN = ["Wales number eight Michael Owen", "Michael Owen", "Owen"]

# BBC News 2004-05 (a third blind teacher review): entertainment/100, politics/150, politics/300.
DERGARABEDIAN = ["Paul Dergarabedian", "Mr Dergarabedian", "Dergarabedian"]
SPOKESMAN = ["A spokesman", "his spokesman"]
FOOTAGE = ["The latest footage"]
LIB_DEMS = ["The Lib Dems", "Lib Dems"]

# BBC News politics/180 (a fifth blind teacher review): a surname with its honorific;
# a post without the word that makes it another person's.
TONY_BLAIR = ["Tony Blair"]
DEPUTY_SPEAKER = ["The deputy speaker"]
OSBORNE = ["shadow chancellor George Osborne"]

# BBC News business/437 and tech/371 (a seventh blind teacher review): initials a house
# style writes as a word; a family name written first; a document's maker; a post for its holder.
BAT = ["British American Tobacco", "A spokeswoman for Bat", "The Bat spokeswoman", "Bat"]
XING = ["Xing Wangli, a spokesman for the State Tobacco Administration Monopoly", "Xing Wangli", "Xing"]
OFCOM = ["Recent figures from the UK's regulator Ofcom", "Ofcom"]
GEROLAMI = ["Olivier Gerolami", "Mr Gerolami", "Gerolami", "chief operating officer of TNT"]

# BBC News politics/229 (an eighth blind teacher review): whose spokesman; a post's short form.
BLAIR_SPOKESMAN = ["Prime Minister Tony Blair's official spokesman"]
FERSTMAN = ["legal director of the human rights organisation Redress", "Carla Ferstman"]

# BBC News sport/290 and tech/108 (a ninth blind teacher review): a name with an apostrophe
# is one word; the maker the parser left after a document's phrase.
OSULLIVAN = ["Eddie O'Sullivan", "O'Sullivan"]
RADICATI = ["research by message analysts", "the Radicati Group"]

# A tenth blind teacher review (BBC tech/329, sport/340): the writer said at more length;
# a name with its accent.
CASTAIGNEDE = ["Former France fly-half Thomas Castaignede", "Thomas Castaignede", "Castaignede"]

SOURCES = [
    (CASTAIGNEDE, "Thomas Castaignède", True), (CASTAIGNEDE, "France", False),
    (OSULLIVAN, "Sullivan", False), (OSULLIVAN, "Mr O’Sullivan", True), (OSULLIVAN, "O'Sullivan", True),
    (RADICATI, "the Radicati Group", True), (RADICATI, "Radicati Group", True), (RADICATI, "message analysts", True),
    (BLAIR_SPOKESMAN, "the Prime Minister", False), (BLAIR_SPOKESMAN, "Tony Blair", False),
    (BLAIR_SPOKESMAN, "PM's spokesman", True), (BLAIR_SPOKESMAN, "the PM's official spokesman", True),
    (BLAIR_SPOKESMAN, "Blair's spokesman", True), (FERSTMAN, "Ms Ferstman of Redress", True), (FERSTMAN, "Redress", False),
    (BAT, "BAT", True), (BAT, "British American Tobacco", True), (BAT, "the Bat spokeswoman", True), (BAT, "a spokeswoman", True),
    (BAT, "British", False), (BAT, "China", False), (XING, "Mr Xing", True), (XING, "Xing", True),
    (XING, "the State Tobacco Administration Monopoly", False),
    (OFCOM, "Ofcom", True), (OFCOM, "the UK's regulator Ofcom", True), (OFCOM, "Ofcom figures", True), (OFCOM, "figures from Ofcom", True),
    (OFCOM, "recent figures", False), (OFCOM, "UK", False), (OFCOM, "the figures", False),
    (GEROLAMI, "TNT's chief operating officer", True), (GEROLAMI, "the chief operating officer of TNT", True),
    (GEROLAMI, "TNT", False), (GEROLAMI, "Olivier", False), (GEROLAMI, "Mr Gerolami", True),
    (TONY_BLAIR, "Mr Blair", True), (TONY_BLAIR, "Mr. Blair", True), (TONY_BLAIR, "Mr Brown", False), (TONY_BLAIR, "Mr", False),
    (DEPUTY_SPEAKER, "the speaker", False), (DEPUTY_SPEAKER, "deputy speaker", True),
    (OSBORNE, "the chancellor", False), (OSBORNE, "Osborne", True), (OSBORNE, "the shadow chancellor", True),
    # A name the student makes someone's is not them; one word for a spokesperson, a video;
    # a party's short name.
    (DERGARABEDIAN, "Dergarabedian's firm", False), (DERGARABEDIAN, "Mr. Dergarabedian", True),
    (SPOKESMAN, "a spokesperson", True), (SPOKESMAN, "Mr Galloway's spokesman", True),
    (FOOTAGE, "the video", True), (FOOTAGE, "video footage", True), (FOOTAGE, "Al-Jazeera", False),
    (LIB_DEMS, "Liberal Democrats", True), (LIB_DEMS, "the Tories", False),
    # Dotted and undotted abbreviations, case, articles.
    (OFFICIAL, "a senior U.S. military official", True), (OFFICIAL, "A SENIOR US MILITARY OFFICIAL", True),
    (OFFICIAL, "senior us military official", True), (OFFICIAL, "the official", True), (OFFICIAL, "military official", True),
    (FBI, "FBI officials", True), (FBI, "f.b.i. officials", True), (FBI, "the FBI officials", True),
    (FBI, "Federal Bureau of Investigation officials", True),
    (US, "U.S.", True), (US, "US", True), (US, "USA", True), (US, "United States of America", True),
    (US, "the States", True),
    # Known short forms of outlets and bodies.
    (NYT, "NYT", True), (NYT, "the NY Times", False), (NYT, "New York Times", True), (NYT, "the new york times", True),
    (DOJ, "DOJ", True), (DOJ, "the Department of Justice", True), (DOJ, "Justice Dept", False),
    (AP, "AP", True), (AP, "Associated Press", True), (AP, "the A.P.", True),
    (UN, "UN", True), (UN, "the U.N.", True),
    (NHS, "National Health Service managers", True),
    # Possessives and curly apostrophes.
    (SPY, "South Korea’s spy agency", True), (SPY, "South Koreas spy agency", True), (SPY, "the spy agency", True),
    (SPY, "South Korean spy agency", False),
    # A title with or without the name.
    (AUSTIN, "the Defence Secretary", True), (AUSTIN, "Defense Secretary Austin", True), (AUSTIN, "Secretary Austin", True),
    (AUSTIN, "Lloyd Austin, the US defence secretary", True), (COMEY, "the FBI director", True), (COMEY, "Director Comey", True),
    (BLAIR, "the Prime Minister", True), (BLAIR, "Blair", True), (BLAIR, "PM Tony Blair", True),
    (TESCO, "Tesco's spokeswoman", True), (TESCO, "a spokeswoman", True),
    # A piece of the name, or another name, is not the answer.
    (NYT, "New York", False), (NYT, "Times", True), (AUSTIN, "Lloyd", False), (COMEY, "James", False),
    (MOSCOW, "Moscow", False), (MOSCOW, "officials", True), (OFFICIAL, "US", False), (AUSTIN, "Putin", False),
    (BLAIR, "Tony", False), (DOJ, "Justice", False), (FBI, "the bureau", False),
    # A name's initials, as the article itself may use them; a title's short form (BBC News
    # 2004-05: UKIP and Veritas, China's net use).
    (UKIP, "UKIP", True), (UKIP, "U.K.I.P.", True), (UKIP, "UK", False), (["the Bank of England"], "BoE", True), (MAKOWER, "CEO of Panlogic", True),
    (MAKOWER, "the chief executive of Panlogic", True),
    # One or many of a description; but a description made someone in particular is not it.
    (ANALYSTS, "an analyst", True), (ANALYSTS, "market analysts", True), (ANALYSTS, "Renaissance Capital analysts", False),
    (REPORT, "reports", True), (REPORT, "the reporter", False),
    # Letters after a name, an honorific alone, a name's generic word alone, a body a
    # person chairs; a post "of" something.
    (MANSFIELD, "Guy Mansfield", True), (MANSFIELD, "Mansfield", True), (MANSFIELD, "the Bar Council chairman", True),
    (MANSFIELD, "Bar Council", False), (CLARKE, "Mr", False), (CLARKE, "the Home Secretary", True),
    (HOME_OFFICE, "Office", False), (HOME_OFFICE, "the home office", True), (ACT, "Act", False),
    (ACT, "the Securities Trading Act", True), (KIM, "Merck's head of research", True), (KIM, "Merck", False),
    (OWEN, "Wales number eight", True), (OWEN, "Wales", False), (OWEN, "number eight", False), (LOMAX, "Bank of England", False), (LOMAX, "the Bank", False), (LOMAX, "the deputy governor", True), (LOMAX, "Ms. Lomax", True),
    # Half of a hyphenated name, a named body for "the party", a firm for a company (blind teacher reviews, BBC News tech/116, politics/293).
    (["Finnish security firm F-Secure", "F-Secure"], "Secure", False), (["Finnish security firm F-Secure", "F-Secure"], "F Secure", True),
    (["Mr Kilroy-Silk", "Robert Kilroy-Silk"], "Silk", False), (["Mr Kilroy-Silk", "Robert Kilroy-Silk"], "Kilroy-Silk", True),
    (["UKIP", "The party"], "the Labour Party", False), (["UKIP", "The party"], "the UK Independence Party", True),
    (["Security firms"], "Security companies", True), (["Anti-virus firm Sophos", "Sophos"], "anti virus firm Sophos", True),
    # Another body or person named beside the source (blind teacher reviews, BBC News business/409, tech/172).
    (["UK-based bank Standard Chartered", "Standard Chartered"], "HSBC and Standard Chartered", False),
    (["UK-based bank Standard Chartered", "Standard Chartered"], "Standard Chartered chief executive Mervyn Davies", False),
    (["UK-based bank Standard Chartered", "Standard Chartered"], "Standard Chartered, a UK bank", True),
    (["Oliver Irish, editor of gadget magazine Stuff", "Oliver Irish"], "Oliver Irish of What Hi-Fi?", False),
    (["Oliver Irish, editor of gadget magazine Stuff", "Oliver Irish"], "Oliver Irish, Stuff editor", True),
    (TONY_BLAIR, "Tony Blair, Prime Minister", True), (TONY_BLAIR, "Tony Blair of the United Kingdom", True),
    (["Ernst and Young"], "Ernst and Young", True),
    # Half a title, dotted or possessive initials, someone else's by a possessive (BBC News politics/328, sport/036).
    (["The attorney general"], "general", False), (["The attorney general"], "attorney", False),
    (["The attorney general"], "Attorney-General", True), (["Many Labour MPs"], "many Labour M.P.s", True),
    (["Many Labour MPs"], "Labour MP's", True), (["Jones"], "Jones' lawyer", False), (["Jones"], "Jones's attorney", False),
    (["Jones"], "Jones's", True), (["World Anti-Doping Agency chief Dick Pound", "Dick Pound"], "Pound's agency", False),
]  # fmt: skip


@pytest.mark.parametrize("forms, answer, accepted", SOURCES, ids=[f"{f[0]} <- {a}" for f, a, _ in SOURCES])
def test_what_the_marking_accepts_for_a_source(forms, answer, accepted):
    assert same_source(answer, forms) is accepted


CUES = [
    (["refused to confirm"], "refuse to confirm", True), (["refused to confirm"], "refused to confirm", True),
    (["refused to confirm or deny"], "refused to confirm", True), (["refused to confirm or deny"], "confirm or deny", False),
    (["refused to confirm or deny"], "refused", True), (["don't know"], "don't", False), (["don't know"], "don’t know", True),
    (["don't know"], "do not know", True), (["says", "say"], "said", True), (["tell"], "told", True), (["said", "say"], "says", True), (["said"], "SAID", True), (["warned"], "warning", True),
    (["may"], "\u201cmay\u201d", True), (["could"], "would", False), (["reportedly"], "reported", False),
    (["according to"], "according", True), (["according to"], "to", False), (["claimed"], "claims", True),
    # A fragment of the verb is no form of it (BBC News politics/328).
    (["denied"], "den", False), (["denied"], "deni", False), (["denied"], "denies", True), (["denied"], "deny", True),
    (["would not say"], "would", False), (["would not say"], "would not say", True), (["suggest"], "suggests", True),
    # An adverb and its participle, a modal's tenses in a longer cue; not a label's name (BBC News politics/229).
    (["allegedly"], "alleged", True), (["can't say"], "could not say", True), (["can't say"], "couldn't say", True),
    (["could"], "can", False),
    # A verb without its particle is another verb (BBC News politics/098).
    (["called on", "call on"], "called", False), (["called on"], "calls on", True), (["ruled out"], "ruled", False),
    # The verb of a refusal alone says the opposite (BBC News business/437).
    (["declined to comment", "decline to comment"], "comment", False), (["declined to comment", "decline to comment"], "declines to comment", True),
    (["would not comment"], "comment", False), (["would not comment"], "wouldn't comment", True), (["would not comment"], "would not comment", True),
    # Another spelling, another word class, an impersonal cue without its "it" (blind teacher reviews).
    (["Rumours"], "rumors", True), (["rumoured"], "rumored", True), (["speculation"], "speculated", True),
    (["speculation"], "speculate", True), (["allegations"], "alleged", True), (["confirmation"], "confirmed", True),
    (["it seems"], "seems", True), (["it seems"], "seemed", True), (["it is thought"], "thought", True), (["it seems"], "it", False),
    (["it is thought"], "is", False), (["speculation"], "spectacle", False), (["confirmation"], "conform", False),
    (["probably"], "probable", True), (["possibly"], "possible", True), (["probably"], "prob", False),
]  # fmt: skip


@pytest.mark.parametrize("forms, answer, accepted", CUES, ids=[f"{f[0]} <- {a}" for f, a, _ in CUES])
def test_what_the_marking_accepts_for_a_cue(forms, answer, accepted):
    assert cue_matches(answer, forms) is accepted


def test_feedback_says_when_a_right_source_is_written_differently():
    assert written_differently("a senior U.S. military official", OFFICIAL)
    assert not written_differently("A senior US military official", OFFICIAL)
    card = {"card": 1, "answers": {"source": {"best": OFFICIAL[0], "forms": OFFICIAL}},
            "explain": {"source": "The claim comes from an official the article does not name."}, "fields": ["source"]}  # fmt: skip
    row = mark_card(card, {"source": "a senior U.S. military official"})[0]
    assert row["verdict"] == "best" and row["feedback"].startswith("Right (written differently)")
    assert mark_card(card, {"source": "A senior US military official"})[0]["feedback"].startswith("Yes.")


def test_a_label_the_teacher_takes_alike_is_explained_as_itself():
    # BBC News business/047 (a twelfth blind teacher review): "hedged" was explained as "asserted".
    card = {"card": 1, "fields": ["status", "cues"], "answers": {"status": {"best": "asserted", "accepted": {}, "also": ["hedged"]},
            "cues": None}, "explain": {"status": "*Asserted*: The writer states it without saying where it comes from.", "cues": ""}}  # fmt: skip
    row = mark_card(card, {"status": "hedged"})[0]
    assert row["verdict"] == "best" and "*Hedged*: The writer softens it" in row["feedback"]
    assert "states it without" not in row["feedback"]


def test_cue_words_on_a_card_that_marks_none_get_a_word():
    # BBC News business/047: a student's "can be seen as" on a card with no deciding word got no comment.
    card = {"card": 1, "fields": ["status", "cues"], "answers": {"status": {"best": "asserted", "accepted": {}}, "cues": None},
            "explain": {"status": "The writer states it.", "cues": ""}}  # fmt: skip
    rows = mark_card(card, {"status": "asserted", "cues": "can be seen as"})
    assert [r["field"] for r in rows] == ["status"] and "*can be seen as*" in rows[0]["feedback"]
    assert "cue words" not in mark_card(card, {"status": "asserted"})[0]["feedback"]
    assert "cue words" not in mark_card(card, {"status": "asserted", "cues": "none"})[0]["feedback"]  # business/019 review


def test_marking_from_the_tenth_round_of_reviews():
    # sport/096: "Sir Alex" and "Man Utd manager" for Sir Alex Ferguson; business/133:
    # "Cameroon's government" for Cameroon; sport/399: "have a say" is no form of "said".
    from analysis.classroom.marking import cue_matches

    ferguson = ["Manchester United manager Sir Alex Ferguson", "Alex Ferguson", "Ferguson"]
    assert same_source("Sir Alex", ferguson) and same_source("the Man Utd manager", ferguson)
    assert not same_source("Alex", ferguson) and not same_source("Sir Bobby", ferguson)
    assert same_source("Cameroon's government", ["Cameroon"]) and not same_source("Dergarabedian's firm", ["Paul Dergarabedian"])
    assert not cue_matches("have a say", ["said", "say"]) and cue_matches("has confirmed", ["confirmed"])
