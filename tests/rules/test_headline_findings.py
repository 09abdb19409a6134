"""The headline against the body: names in any form, denials, numbers, flat headlines.

Headlines are from BBC News 2004-05 (``bbc <section>/<nnn>``, Greene and Cunningham 2006)
with short bodies of the same shape, or made up (``made up``)."""

import pytest

from analysis import analyze


def _codes(nlp, text: str) -> set[str]:
    findings = analyze(text, nlp=nlp).tables["findings"]
    return set(findings.loc[findings["category"] == "headline", "finding"])


BODY_TAIL = " The decision was announced at a news conference in the capital on Tuesday afternoon."

# (headline, body, where from): the body names the headline's name in another form
SAME_NAME = [
    ("Fed raises interest rates again", "The Federal Reserve has raised interest rates by a quarter point.", "bbc business shape: Fed"),
    ("Shares hit by MS drug suspension", "Shares in Biogen fell after a multiple sclerosis drug was withdrawn.", "bbc business/150: MS"),
    ("Worldcom ex-boss launches defence", "Lawyers for former WorldCom chief Bernie Ebbers opened his defence.", "bbc business: case variant"),
    ("Italians make winning start", "Italy beat Wales 30-10 in Rome, and the Italian coach praised his side.", "bbc sport/301: demonym"),
    ("Henman through in Mexico", "Tim Henman won his first match at the Mexican Open in Acapulco.", "bbc sport/429: place and demonym"),
    ("Tories unveil tax plans", "The Tory Party unveiled its tax plans on Monday.", "bbc politics/374: plural"),
    ("Blackberry ban for MPs", "MPs have been told not to use Blackberries in the chamber.", "bbc politics/310: plural"),
    ("Korean spy agency warns", "South Korea's spy agency has warned of a missile test.", "made up: demonym of a two-word place"),
]  # fmt: skip


@pytest.mark.parametrize("headline, body, where", SAME_NAME, ids=[c[2] for c in SAME_NAME])
def test_a_name_in_another_form_is_not_absent(nlp, headline, body, where):
    assert "headline_entity_absent" not in _codes(nlp, f"{headline}\n\n{body}{BODY_TAIL}")


def test_a_name_the_body_never_gives_is_absent(nlp):
    # made up: the body names no mayor
    text = "Mayor Patel opens new tram line\n\nThe first trams ran on the new line on Monday morning." + BODY_TAIL
    assert "headline_entity_absent" in _codes(nlp, text)


def test_a_lower_case_word_is_no_name(nlp):
    # bbc politics/226 shape: "blitz" tagged as a name
    text = "Labour plans election blitz\n\nLabour will send ministers to every region next week." + BODY_TAIL
    findings = analyze(text, nlp=nlp).tables["findings"]
    assert not findings["detail"].str.contains("'blitz'").any()


def test_an_entity_does_not_run_into_the_line_break(nlp):
    result = analyze("Castleford sign striker Okafor\n\nDaniel Okafor has joined Castleford." + BODY_TAIL, nlp=nlp)
    assert not result.entities["text"].str.contains("\n").any()


DENIALS = [
    ("Hollis Bank to cut 800 branch jobs",
     "The union has claimed that 800 branch jobs are at risk. But Hollis Bank has denied that any job cuts are planned.",
     True, "made up: the bank denies the cuts"),
    ("Minister to scrap free bus passes",
     "Transport minister Helen Ashby has denied that free bus passes will be scrapped.", True, "made up"),
    ("O'Connell rejects Lions rumours",
     "Paul O'Connell has dismissed media reports linking him to the captaincy of the Lions.", False,
     "bbc sport/409: the headline reports the denial itself"),
    ("Premier League planning Cole date",
     "The Premier League is trying to find a date for its inquiry. Chelsea deny breaking Premier League rules.", False,
     "bbc sport/125 shape: a denial of something else"),
]  # fmt: skip


@pytest.mark.parametrize("headline, body, fires, where", DENIALS, ids=[c[3] for c in DENIALS])
def test_a_named_denial_of_the_headline_is_a_finding(nlp, headline, body, fires, where):
    assert ("headline_denied" in _codes(nlp, f"{headline}\n\n{body}{BODY_TAIL}")) is fires


NUMBERS = [
    ("Pemberton Foods to cut 500 jobs", "Pemberton Foods is to cut 350 jobs at its bakery in Wigan.", True, "made up"),
    ("Storm leaves 20,000 homes without power", "About 12,000 homes were left without power after the storm.", True, "made up"),
    ("Festival crowds up 15%", "Attendance at the festival rose by 9%, organisers said.", True, "made up: percent"),
    ("Storm leaves 12,000 homes without power", "About 12,400 homes were left without power after the storm.", False,
     "made up: the same figure, rounded"),
    ("Firm to cut 500 jobs", "The firm will cut 500 jobs and close two of its 40 shops.", False, "made up: the same figure"),
]  # fmt: skip


@pytest.mark.parametrize("headline, body, fires, where", NUMBERS, ids=[c[3] for c in NUMBERS])
def test_a_headline_figure_the_body_does_not_give_is_a_finding(nlp, headline, body, fires, where):
    assert ("headline_number" in _codes(nlp, f"{headline}\n\n{body}{BODY_TAIL}")) is fires


def test_a_flat_headline_needs_a_weak_opening_and_two_weak_sentences(nlp):
    weak = ("Brookvale Motors to shut Derby plant\n\n"
            "Brookvale Motors is preparing to close its Derby plant, according to two people familiar with the plans. "
            "The sources said Brookvale Motors could announce the closure within weeks. "
            "One said Brookvale Motors might move production to Spain.")  # fmt: skip
    assert "headline_flat" in _codes(nlp, weak)
    firm_lead = ("Brookvale Motors to shut Derby plant\n\n"
                 "Brookvale Motors will close its Derby plant next year, the company announced on Monday. "
                 "The sources said Brookvale Motors could move production to Spain. "
                 "One said Brookvale Motors might keep a small team in Derby.")  # fmt: skip
    assert "headline_flat" not in _codes(nlp, firm_lead)


# (headline, body, flat?, where): the lead restates the headline; is it only someone's word
# or softened, and does the body state it anywhere itself?
LEADS = [
    ("Castleford sign striker Okafor",
     "Castleford United have signed Harlow Town striker Daniel Okafor, the Evening Gazette reported on Tuesday. "
     "Neither club has commented. Okafor scored 18 goals for Harlow last season.", True, "made up: another outlet's report"),
    ("Newcastle to join Morientes race",
     "Newcastle have joined the race to sign Real Madrid striker Fernando Morientes, according to reports. "
     "Monaco are also interested in the player.", True, "bbc sport/272 shape: according to reports"),
    ("Mobile gaming takes off in India",
     "Gaming on the move is one of the fastest-growing activities among the young in India, says a report. "
     "India has a large population of under-25s.", True, "bbc tech/192 shape: says a report"),
    ("Falconridge Water dumps sewage into river",
     "Campaigner Ruth Amsel has accused Falconridge Water of dumping raw sewage into the River Wear. "
     "The company said it was aware of the claims.", True, "made up: an accusation"),
    ("Firm cuts 500 jobs at Leeds plant",
     "Hollis Motors is cutting 500 jobs at its Leeds plant, the company said on Monday. "
     "Hollis Motors said the plant had lost orders.", False, "made up: the party announcing its own plan"),
    ("Latest Opera browser gets vocal",
     "Net browser Opera 8.0 will be the most accessible browser on the market, according to its authors. "
     "It will respond to spoken commands.", False, "bbc tech/089 shape: its own authors"),
    ("ID theft surge hits US consumers",
     "Almost a quarter of a million US consumers complained of being targeted for identity theft in 2004, official figures suggest. "
     "Fraud complaints also rose.", False, "bbc business/079 shape: official figures are a record"),
    ("Consumers drive French economy",
     "France's economic growth accelerated in the last three months of 2004, driven by consumer spending, a report shows. "
     "Gross domestic product rose by 0.8%, the statistics office said.", False, "bbc business/190 shape: a report shows"),
    ("Orange colour clash set for court",
     "A row over the colour orange could hit the courts after the phone firm Orange launched legal action.", False,
     "bbc business/205 shape: 'set for' in the headline"),
    ("Berlin hails European cinema",
     "Organisers say this year's Berlin Film Festival will celebrate a revitalised European cinema.", False,
     "bbc entertainment/058 shape: a headline verb of speech"),
    ("Strike threat over pension plans",
     "Millions of public service workers could strike if ministers scrap their pension scheme, union leaders warn.", False,
     "bbc politics/042 shape: the headline reports a threat"),
    ("New Harry Potter tops book chart",
     "Harry Potter and the Half-Blood Prince has topped Amazon's book chart less than a day after its release date was announced. "
     "Amazon said orders had broken records.", False, "bbc entertainment/025 shape: a passive cue about something else"),
    ("Yukos loses US bankruptcy battle",
     "A judge has dismissed an attempt by Russian oil giant Yukos to gain bankruptcy protection in the US.", False,
     "bbc business/025 shape: a ruling is an act, not a claim"),
    # PolNeAR train shapes (the blind gold's tuning half).
    ("Smugglers build tunnels under the border fence",
     "Fences along the frontier have only pushed smugglers underground, and experts say it may be years before the "
     "technology exists to reliably detect the tunnels.", False, "polnear nyt shape: a hedge in a side clause"),
    ("Smugglers build tunnels under the border fence",
     "Smugglers may be building tunnels under the border fence, officials in the town fear.", True,
     "made up: the hedge governs the claim"),
    ("Israel not all doom and gloom",
     "Israel seems to be undergoing a protracted period of gloom and doom. Its leaders quarrel.", False,
     "polnear huff-post shape: a lead of the other polarity answers the headline"),
    ("Judicial Watch: State Department hid emails for years",
     "The State Department may have hidden emails from the public for years, according to the group's lawyers.", False,
     "polnear west-journal shape: the speaker before the colon"),
    # A request is reported as made: what is asked for is no claim held at a distance.
    ("Hillary Clinton Under Pressure To Repudiate General Who Called For Internment Of Islamic Radicals",
     "Eleven progressive and Muslim organizations are asking Hillary Clinton to repudiate the support of a retired general "
     "who suggested over the summer that the United States should intern Islamic radicals.", False,
     "polnear train huff-post 2015-12-10: 'are asking ... to repudiate'"),
    ("Minister under pressure to scrap fuel tax rise",
     "Hauliers and farmers are urging the chancellor to scrap the planned rise in fuel duty, a campaign group said.", False,
     "bbc business shape: 'urging ... to scrap'"),
    # A title-case headline is read in sentence case: its verbs and nouns count.
    ("Omar Mateen Worked With Security Contractor For A Decade",
     "Officials say Omar Mateen, who killed 49 people in Orlando, worked with a security contractor for almost a decade. "
     "The company has not commented.", True, "polnear train west-journal 2016-06-13 shape: title case over an unnamed source"),
]  # fmt: skip


@pytest.mark.parametrize("headline, body, flat, where", LEADS, ids=[c[3] for c in LEADS])
def test_a_flat_headline_over_a_lead_that_only_reports_or_softens_it(nlp, headline, body, flat, where):
    assert ("headline_flat" in _codes(nlp, f"{headline}\n\n{body}")) is flat


def test_the_flat_finding_says_why_in_plain_words(nlp):
    text = ("Castleford sign striker Okafor\n\n"
            "Castleford United have signed Harlow Town striker Daniel Okafor, the Evening Gazette reported on Tuesday. "
            "Neither club has commented.")  # fmt: skip
    findings = analyze(text, nlp=nlp).tables["findings"]
    row = findings[findings["finding"] == "headline_flat"].iloc[0]
    assert "only on the word of a news outlet" in row["detail"] and "Evening Gazette" in row["detail"]
    assert row["sent_ids"] == [1]


def test_a_later_firm_sentence_answers_a_weak_lead(nlp):
    text = ("Castleford sign striker Okafor\n\n"
            "Castleford United have signed striker Daniel Okafor, the Evening Gazette reported on Tuesday. "
            "The club later confirmed it had signed the striker on a three-year deal.")  # fmt: skip
    assert "headline_flat" not in _codes(nlp, text)


PLACES = [
    ("Fire destroys Harrowden warehouse in Doncaster",
     "A fire has destroyed a warehouse belonging to the parcel firm Harrowden Logistics, the company confirmed. "
     "The firm said the blaze broke out at one of its sites in South Yorkshire. "
     "It is thought to have been the company's depot in Doncaster, according to two employees who asked not to be named.",
     True, "made up: the town only in an anonymous, hedged sentence"),
    ("Corvane to build plant in Hartlepool",
     "Corvane Batteries is to build a £900m factory in north-east England, the company has announced. "
     "The factory will reportedly be built on former industrial land in Hartlepool.", True, "made up: the town only 'reportedly'"),
    ("Fire destroys Harrowden warehouse in Doncaster",
     "A fire has destroyed a warehouse belonging to the parcel firm Harrowden Logistics in Doncaster, the company confirmed. "
     "Staff at the Doncaster depot were evacuated.", False, "made up: the town stated"),
    ("Dawson joins England injury list",
     "Scrum-half Matt Dawson is an injury doubt for England's Six Nations opener against Wales.", False,
     "bbc sport/356 shape: a country as a team"),
]  # fmt: skip


@pytest.mark.parametrize("headline, body, fires, where", PLACES, ids=[c[3] for c in PLACES])
def test_a_headline_place_the_body_names_only_weakly(nlp, headline, body, fires, where):
    assert ("headline_place_unsupported" in _codes(nlp, f"{headline}\n\n{body}")) is fires


def test_a_title_case_headline_is_read_as_a_sentence_would_write_it(nlp):
    from analysis.rules.findings import sentence_cased

    doc = nlp("Omar Mateen Worked With Department Of Homeland Security Contractor.\n\n"
              "Officials say Omar Mateen was employed by a contractor. Mateen worked there for a decade.")  # fmt: skip
    head, *body = list(doc.sents)
    assert sentence_cased(head, body) == "Omar Mateen worked with department of homeland security contractor."


@pytest.mark.parametrize("headline, body, where", [
    ("U.S. Flexes Muscles As Asia Worries About South China Sea Row",
     "The United States sent two aircraft carriers to the western Pacific this week. Asian governments watched the "
     "South China Sea closely.", "polnear train huff-post 2016-06-04: 'U.S. Flexes Muscles As' is no name"),
    ("Obama Just Pulled Out The Race Card On Donald Trump In A Major Way",
     "President Obama raised the issue of race on Sunday. Donald Trump did not respond.",
     "polnear train west-journal 2015-12-21: 'Way' is no name"),
])  # fmt: skip
def test_a_title_case_run_of_capitals_is_no_absent_name(nlp, headline, body, where):
    assert "headline_entity_absent" not in _codes(nlp, f"{headline}\n\n{body}")
