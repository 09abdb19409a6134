"""Quotations: spans by their marks, direct quotes with a speaker, scare quotes."""

import pytest

from analysis import analyze
from analysis.rules.quotes import quote_spans


def test_quote_spans_keep_apostrophes_out():
    text = '"It\u2019s over," she said of the \u2018so-called\u2019 deal.'
    spans = [text[s:e] for s, e in quote_spans(text, [(0, len(text))])]
    assert spans == ['"It\u2019s over,"', "\u2018so-called\u2019"]


def test_a_quotation_gets_its_speaker_and_a_scare_quote_none(nlp):
    # What critics call a thing in quotation marks is their word, not the writer's distance.
    text = ('Talks\n\n"We will appeal against the ruling," the mayor said on Monday. The plan is a "stunt" '
            "and the council had ignored critics for years. Critics called the plan a \"stunt\".")  # fmt: skip
    quotes = analyze(text, nlp=nlp).quotes
    assert list(zip(quotes["kind"], quotes["speaker"].fillna(""))) == [("direct", "the mayor"), ("scare", ""), ("direct", "Critics")]


def test_the_enclosing_quote_is_the_innermost_of_the_kinds_asked():
    import pandas as pd

    from analysis.rules.quotes import enclosing_quote

    quotes = pd.DataFrame({"start": [10, 20], "end": [60, 30], "kind": ["direct", "scare"], "speaker": ["Ms Okafor", None]})
    assert enclosing_quote(quotes, 25)["kind"] == "scare"
    assert enclosing_quote(quotes, 25, kinds=("direct",))["speaker"] == "Ms Okafor"
    assert enclosing_quote(quotes, 5) is None and enclosing_quote(quotes, 60) is None


def _statuses(nlp, text):
    result = analyze(text, nlp=nlp)
    return [(s.status, s.claim_source) for s in result.sentences[result.sentences["in_body"]].itertuples()]


def test_a_quotation_opening_after_a_reported_sentence_is_that_speakers(nlp):
    # bbc politics/042, tech/381, tech/161: a paraphrase, then the speaker's words on
    # their own, with no "he said"; every sentence of them is the speaker's.
    text = ("Pensions review\n\nIn a statement on Sunday, the Cabinet Office said it was reviewing the pension scheme, "
            "and hoped to announce proposals soon.\n\n\"Unions will of course be consulted about any proposed changes. "
            "People are living longer and pensions are getting more expensive.\"\n\nThe unions said they would strike.")  # fmt: skip
    statuses = _statuses(nlp, text)
    assert statuses[1] == ("reported", "Cabinet Office") and statuses[2] == ("reported", "Cabinet Office")
    quotes = analyze(text, nlp=nlp).quotes
    assert quotes.iloc[0]["reason"].startswith("quotation following what")


def test_a_quotation_after_a_writers_sentence_keeps_no_speaker(nlp):
    text = ("Bridge shut\n\nThe bridge was closed on Tuesday after engineers found a crack.\n\n"
            "\"Nobody should use the old road until further notice.\"\n\nRepairs will take weeks.")  # fmt: skip
    assert _statuses(nlp, text)[1] == ("reported", "nobody named")  # someone's words, not said whose
    assert analyze(text, nlp=nlp).quotes.iloc[0]["speaker"] is None


def test_a_speaker_named_after_the_closing_mark_is_found_when_the_parse_misses_it(nlp):
    # bbc tech/163: the small model parses the name into the quoted clause.
    text = ("Gadget show\n\nThe show opens this week in Las Vegas with thousands of new products.\n\n"
            "\"The story this year remains all about digital and how that is completely transforming and revolutionising "
            "products and the way people interact with them,\" Jeff Joseph, from the Consumer Electronics Association (CEA) "
            "told the BBC News website.")  # fmt: skip
    result = analyze(text, nlp=nlp)
    row = result.attributions.iloc[-1]
    assert row["canonical_source"] == "Jeff Joseph" and row["source_type"] == "person"
    assert _statuses(nlp, text)[-1] == ("reported", "Jeff Joseph")


def test_a_quotation_nobody_is_said_to_speak_is_not_the_writers_statement(nlp):
    # polnear train huff-post 2016-05-12: a listing quoted whole, with no "he wrote".
    text = ("Gun auction\n\nGeorge Zimmerman shot and killed Trayvon Martin in 2012. He is now selling the handgun used "
            "in the shooting.\n\n\"It has recently been returned to me by the Department of Justice. The pistol currently "
            "has the case number written on it in silver permanent marker.\"")  # fmt: skip
    result = analyze(text, nlp=nlp)
    quoted = result.sentences[result.sentences["text"].str.contains("permanent marker")].iloc[0]
    assert (quoted["status"], quoted["claim_source"], quoted["claim_source_type"]) == ("reported", "nobody named", "anonymous")
    assert "rule: unattributed_quote" in quoted["status_reason"]


def test_a_speech_verb_the_parse_buries_in_the_quotation_still_reports_it(nlp):
    # bbc sport/465
    text = ("Henin-Hardenne beaten on comeback\n\nJustine Henin-Hardenne lost to Elena Dementieva in an exhibition match "
            "in Belgium on Sunday.\n\n\"I will be heading to Australia with a lot of question marks over me, I know that,\" "
            "she said.")  # fmt: skip
    result = analyze(text, nlp=nlp)
    row = result.attributions[result.attributions["cue"] == "said"].iloc[0]
    assert row["pattern"] == "parenthetical" and row["canonical_source"] == "Justine Henin-Hardenne"


def test_a_quotation_opened_after_a_reporting_verb_and_a_comma_is_that_speakers_to_its_end(nlp):
    # The parse ends the verb's content with the quotation's first sentence; the rest of
    # the quotation is still the same speaker's, not a nameless one's.
    text = ("Ryan\n\nTrump told the Washington Post, \u201cI like Paul, but these are horrible times for our country. "
            "We need very strong leadership. I'm not quite there yet.\u201d\n\nRyan did not comment.")  # fmt: skip
    result = analyze(text, nlp=nlp)
    assert result.quotes["speaker"].tolist() == ["Trump"]
    inside = result.body_sentences[result.body_sentences["text"].str.startswith(("We need", "I'm not"))]
    assert inside["claim_source"].tolist() == ["Trump", "Trump"] and set(inside["claim_source_type"]) == {"person"}
    # A comma after a clause that reports nothing carries no speaker onto a quotation.
    plain = analyze("Ryan\n\nAfter the meeting, \u201cStrong leadership\u201d was the slogan on every poster in the hall. "
                    "Nobody said who wrote it.", nlp=nlp)  # fmt: skip
    assert plain.quotes["speaker"].tolist() == [None]


def test_a_pair_of_apostrophes_opens_and_closes_a_quotation(nlp):
    # Newspaper-database exports write both quotation marks as two apostrophes.
    text = "Debate\n\nThe debate was so calm that Mr. Trump said, ''So far, I cannot believe how civil it's been up here.''\n\nIt ended late."
    result = analyze(text, nlp=nlp)
    quote = result.quotes.iloc[0]
    # The span runs from each pair's second apostrophe, where the normalised text has its
    # mark, as the sentence spans do.
    assert quote["text"] == "'So far, I cannot believe how civil it's been up here.'" and quote["speaker"] == "Trump"
    assert quote_spans("it's ''fine''", [(0, 13)]) == [(6, 12)]  # the apostrophe in "it's" opens nothing


@pytest.mark.parametrize("sentence, kind", [
    ('"Fleabag" creator Phoebe Waller-Bridge won three awards on Sunday night in Los Angeles.', "term"),
    ('The South Korean film "Parasite" took the top prize at the ceremony, beating the favourites.', "term"),
    ('She starred in the BBC series "Killing Eve" before moving to Hollywood last year.', "term"),
    # A work noun ending the sentence before a quotation names no title.
    ('He recorded dozens of songs. "He called them his ass-saver tapes," his son said.', "direct"),
    # A reported phrase after a noun is no title: it opens in lower case.
    ('The minister said the show was "a national embarrassment" and should end.', "direct"),
])  # fmt: skip
def test_a_quoted_title_of_a_work_is_a_term_with_its_reason(nlp, sentence, kind):
    quotes = analyze(f"Awards\n\n{sentence}", nlp=nlp).quotes
    assert quotes["kind"].tolist()[-1] == kind, quotes[["text", "kind", "reason"]].values.tolist()
    assert quotes["reason"].tolist()[-1].startswith("the title of a work") == (kind == "term")


@pytest.mark.parametrize("text, kind", [
    ('The judges said the country remained a "Rechtsstaat" despite the crisis.', "term"),
    ('Critics called the plan "laissez-faire" and said it would fail.', "term"),
    ('Marchers carried banners reading "Sin Miedo" through the city.', "term"),
    # Rare English words in quotation marks still hold the writer at a distance.
    ('The minister presented a "rebalanced" budget on Wednesday.', "scare"),
    ('The plan looked "reckless" to many in the party, and it would fail.', "scare"),
])  # fmt: skip
def test_a_phrase_of_another_language_is_a_term_not_a_scare_quote(nlp, text, kind):
    from analysis import analyze

    quotes = analyze(f"Headline here\n\n{text}", nlp=nlp).quotes
    assert quotes["kind"].tolist() == [kind]


def test_a_word_texted_or_typed_is_a_term_and_a_bemoaned_phrase_is_the_speakers(nlp):
    # BBC News tech/287 and entertainment/311 (a blind teacher review: both were read as the writer's distance).
    from analysis import analyze

    text = ("Texts\n\nOwners could give to the fund by texting \"Donate\" to a short code number. Corbett is the latest "
            "comedy star to bemoan the \"dumbing down\" of modern TV programmes.")  # fmt: skip
    quotes = analyze(text, nlp=nlp).quotes.set_index("text")
    assert quotes.loc['"Donate"', "kind"] == "term"
    assert (quotes.loc['"dumbing down"', "kind"], quotes.loc['"dumbing down"', "speaker"]) == ("direct", "Corbett")


def test_a_pair_of_curly_apostrophes_closes_a_quotation(nlp):
    """AP copy on a saved page (hosted.ap.org, 2019): quotations open with a curly double
    mark and close with two curly apostrophes; the quotation ran on to the paragraph's end."""
    from analysis import analyze

    text = ("Tories under fire\n\n\u201cThe Conservatives are misleading voters,\u2019\u2019 said Will Moy, the chief executive "
            "of Full Fact.")  # fmt: skip
    quotes = analyze(text, nlp=nlp).quotes
    assert quotes[["text", "speaker"]].values.tolist() == [["\u201cThe Conservatives are misleading voters,\u2019\u2019", "Will Moy"]]


def test_a_quotation_carries_on_over_a_link_set_amid_the_story(nlp):
    """Express page, 2019: the ambassador's quotation goes on after a "SEE MORE:" link to
    another story, set between its two paragraphs."""
    text = ("Hong Kong\n\nThe ambassador, Liu Xiaming, said: \u201cThey are already there in the garrison.\u201d\n\n"
            "SEE MORE: Hong Kong protests: 800 students under siege in university\n\n"
            "\u201cIf the situation becomes uncontrollable, the central government certainly would not sit on our hands "
            "and watch.\u201d")  # fmt: skip
    quotes = analyze(text, nlp=nlp).quotes
    assert quotes["speaker"].tolist() == ["Liu Xiaming", "Liu Xiaming"]


@pytest.mark.parametrize("headline, speaker", [
    # ProFootballTalk page a teacher read; PolNeAR train headlines (Huffington Post, 2015-16).
    ("Anthony Lynn: \u201cWe needed to win this game\u201d", "Anthony Lynn"),
    ("Bernie Sanders: \u2018It Is Not A Radical Idea\u2019", "Bernie Sanders"),
    # Not a name: a label before the colon.
    ("Update: \"All clear\" at the station", None),
])  # fmt: skip
def test_a_headline_gives_its_quotation_to_the_name_before_its_colon(nlp, headline, speaker):
    from analysis import analyze

    body = "Anthony Lynn and Bernie Sanders spoke on Monday. The coach said his team needed to win every game left."
    quotes = analyze(f"{headline}\n\n{body}", nlp=nlp).quotes
    first = quotes.iloc[0]
    assert (first["speaker"] if isinstance(first["speaker"], str) else None) == speaker


@pytest.mark.parametrize("text, spans", [
    # SlashGear page a teacher read: "isn \u2018t" made the rest of the paragraph a quotation.
    ("Volkswagen isn \u2018t slowing down on new models. The car is \u201cstriking\u201d indeed.", ["\u201cstriking\u201d"]),
    ("They \u2018re leaving now, and it \u2018s late.", []),
    ("He said \u2018the talks failed\u2019 on Monday.", ["\u2018the talks failed\u2019"]),
])  # fmt: skip
def test_an_apostrophe_typed_after_a_space_opens_no_quotation(text, spans):
    from analysis.rules.quotes import quote_spans

    assert [text[a:b] for a, b in quote_spans(text, [(0, len(text))])] == spans


@pytest.mark.parametrize("sentence, speaker", [
    # Inexhibit page a teacher read: the words credited right after the quotation.
    ("The exhibition revolves around the theme \u2018The Medium is the Message\u2019, the famous statement by the Canadian "
     "scientist and philosopher Marshall McLuhan.", "Marshall McLuhan"),
    # A slogan of a campaign names no person; a song is a title.
    ('He repeated "Make America Great Again", the slogan of the Trump campaign, at every stop.', None),
])  # fmt: skip
def test_words_credited_right_after_a_quotation_are_that_persons(nlp, sentence, speaker):
    from analysis import analyze

    quote = analyze(f"Festival of light\n\n{sentence}", nlp=nlp).quotes.iloc[0]
    assert (quote["speaker"] if isinstance(quote["speaker"], str) else None) == speaker
