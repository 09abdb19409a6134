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
