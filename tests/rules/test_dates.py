"""Dates: absolute, relative or a duration, with the reason (BBC-shaped sentences, made up)."""

import pytest

from analysis import analyze

CASES = [
    ("The ban came into force on 18 February 2005.", "18 February 2005", "absolute"),
    ("The minister will speak on Wednesday.", "Wednesday", "relative"),
    ("Sales fell earlier this month.", "earlier this month", "relative"),
    ("The talks lasted three months.", "three months", "duration"),
]


@pytest.mark.parametrize("sentence, words, kind", CASES, ids=[c[2] + ": " + c[1] for c in CASES])
def test_each_date_gets_its_kind_and_reason(nlp, sentence, words, kind):
    result = analyze("Story\n\n" + sentence + " The rest of the story follows here, as it always does in the paper.", nlp=nlp)
    rows = result.dates[result.dates["text"].str.contains(words.split()[-1])]
    assert len(rows) >= 1, result.dates
    assert rows.iloc[0]["kind"] == kind and rows.iloc[0]["rule"], rows


def test_an_amount_and_a_programmes_name_are_no_dates(nlp):
    # BBC News business/489 ("11bn euros") and politics/049 ("BBC Radio 4's Today programme").
    from analysis import analyze

    text = ("Probe on bond deal\n\nThe deal saw the sale of 11bn euros of government bonds on 2 August. He told BBC Radio 4's "
            "Today programme that the plan would go ahead. Today the minister said the talks would resume next week.")  # fmt: skip
    dates = analyze(text, nlp=nlp).dates
    assert "11bn" not in set(dates["text"]) and "2 August" in set(dates["text"])
    assert list(dates.loc[dates["text"] == "Today", "sent_id"]) == [3]  # the day, at the sentence's start; not the programme


def test_an_age_is_no_date_and_a_point_in_a_match_is_not_placed_by_the_date_of_writing(nlp):
    # BBC News politics/132 ("people under 65") and sport/348 ("the first 15 minutes").
    from analysis import analyze
    from analysis.rules.dates import ORDINAL_POINT_RULE

    text = ("Retirement age could be scrapped\n\nMost people under 65 will keep working, the minister said last week. "
            "Wales scored twice in the first 15 minutes of the match.")  # fmt: skip
    dates = analyze(text, nlp=nlp).dates
    assert "under 65" not in set(dates["text"]) and "last week" in set(dates["text"])
    first = dates[dates["text"].str.contains("15 minutes")]
    assert first.empty or (first["rule"] == ORDINAL_POINT_RULE).all()


def test_the_swindle_of_the_century_is_no_date(nlp):
    # BBC News business/426: "the swindle of the century".
    from analysis import analyze

    dates = analyze("Minister hits out at Yukos sale\n\nThe sale was the swindle of the century, the adviser said on "
                    "28 December.", nlp=nlp).dates  # fmt: skip
    assert "the century" not in set(dates["text"]) and "28 December" in set(dates["text"])


def test_a_frequency_is_no_date(nlp):
    # BBC News tech/287: "the highest monthly total ever" was listed as a date to check.
    from analysis import analyze

    dates = analyze("Texts\n\nSome 2.4 billion were sent in December, the highest monthly total ever.", nlp=nlp).dates
    assert "monthly" not in dates["text"].tolist() and "December" in dates["text"].tolist()


def test_an_age_a_range_or_a_score_is_no_date_but_a_year_and_9_11_are(nlp):
    # A fourth blind teacher review (BBC News business/260, sport/300): "30" and "Between 10 and 12" listed as dates.
    from analysis import analyze

    text = ("Dates\n\nMr Sullivan, 42, pleaded guilty. Investment could rise between 10 and 12 times. Spending rose after "
            "9/11 and again in 2004.")  # fmt: skip
    dates = analyze(text, nlp=nlp).dates["text"].tolist()
    assert "42" not in dates and not any("10 and 12" in d for d in dates)
    assert "9/11" in dates and "2004" in dates


@pytest.mark.parametrize("text, not_a_date, a_date", [
    # A fifth blind teacher review: "a year" of "$5bn a year" (bbc tech/180) and "last
    # minute changes" (politics/180) were given as dates that depend on the date of writing.
    ("It needs to cut between 6,000 and 7,000 jobs and reduce costs by $5bn (£2.7bn) a year.", "a year", None),
    ("Ministers offered last minute changes to the bill on Tuesday.", "last minute", "Tuesday"),
    ("He was jailed for a year in March.", "a year", "March"),
])  # fmt: skip
def test_a_rate_a_length_and_the_last_minute_are_no_dates(nlp, text, not_a_date, a_date):
    dates = analyze(f"A headline\n\n{text}", nlp=nlp).dates["text"].tolist()
    assert not_a_date not in dates
    assert a_date is None or a_date in dates


def test_a_time_unit_alone_takes_its_this_or_is_no_date(nlp):
    # BBC News tech/172 (a blind teacher review): "this year's Tracey Island" was listed as
    # the relative date 'year', a fragment a student could not look for.
    result = analyze("Gadgets\n\n\"The iPod mini is likely to be this year's Tracey Island,\" said Mr Irish. "
                     "Stuff has compiled a list of the top 10 gadgets for 2004.", nlp=nlp)
    texts = result.dates["text"].tolist()
    assert "this year" in texts and "year" not in texts, texts
    detail = result.findings.loc[result.findings["finding"] == "relative_dates", "detail"].iloc[0]
    assert detail.endswith("The text names 2004, which may place it."), detail
