"""Narration: prose computed from the data, the trust table from the shipped figures, the glossary from the vocabulary."""

import re

import pytest

from analysis.presenting import narrate
from analysis.vocabulary import SOURCE_TYPE, STATUS


def test_the_overview_counts_what_the_tables_hold(seed):
    text = narrate.overview(seed)
    assert f"{len(seed.paragraphs)} paragraphs" in text
    assert f"{int(seed.sentences['in_body'].sum())} sentences" in text


def test_the_trust_table_reads_the_figures_and_says_when_one_is_missing():
    table = narrate.trust_table({"claim_status": {"figures": {"strict accuracy %": 88.5}, "date": "2026-12-02", "command": "c"}})
    row = table[table["label"] == "How sure a claim is (status)"].iloc[0]
    assert (row["figure"], row["measured"]) == ("88.5", "2026-12-02")
    assert (table["figure"] == "not measured").sum() == len(table) - 1


def test_the_shipped_figures_load():
    assert "claim_status" in narrate.load_results()


def test_the_glossary_explains_every_status_and_source_type():
    text = narrate.glossary_markdown()
    for labels in (STATUS, SOURCE_TYPE):
        for name in labels:
            assert f"| `{name}` | {labels.describe(name)} |" in text


def test_the_status_legend_is_the_vocabulary():
    text = narrate.status_meanings()
    for name in STATUS:
        assert f"- *{name}*: {STATUS.describe(name)}" in text


def test_key_findings_lead_with_plain_findings_that_link_to_their_sentences(seed):
    from analysis.presenting.narrate import key_findings

    findings = key_findings(seed)
    assert 5 <= len(findings) <= 8
    assert findings[0].startswith("**Headline**")
    assert any("(#s17)" in line and "United States" in line for line in findings)  # the confirmation, linked
    for line in findings:
        assert not re.search(r"\b[a-z]+_[a-z_]+\b|\bnsubj\b|\[rule", line), line


def test_the_writers_share_agrees_with_the_chart_of_what_claims_rest_on(seed):
    from analysis.presenting.narrate import chart_caption, key_findings

    share = 100 * float(seed.claim_shares.set_index("claim_source_type").at["author", "share"])
    line = next(line for line in key_findings(seed) if line.startswith("**The writer's own word**"))
    assert f"({share:.0f}%)" in line
    assert f"({share:.0f}%)" in chart_caption("claims_by_source_type", seed)


def test_trust_in_words_reads_every_figure_from_the_results():
    from analysis.presenting.narrate import trust_in_words

    results = {"claim_status": {"figures": {"strict accuracy": 0.5, "sentences": 40, "articles": 3}}}
    text = trust_in_words(results)
    assert "On 40 sentences of 3 news articles" in text and "50 in 100" in text
    assert text.count("not measured yet") == 6
    assert "F1" not in text.split("A \"balanced score\"")[0]  # no measure's name before it is explained


def test_the_lists_at_the_top_show_names_not_pronouns_phrases_or_none(nlp):
    from analysis import analyze
    from analysis.presenting.narrate import _listed_sources, key_findings

    assert _listed_sources(["They", "nobody named", None, "Jane Roe", "Jane Roe",
                            "Speaking from a stage at the firm's headquarters on Monday, Chief Executive Jane Roe",
                            "officials"]) == ["Jane Roe", "officials"]  # fmt: skip
    text = ("Factory to close\n\nThey said the factory would close in March, putting 300 jobs at risk. "
            "The union said it would fight the plan. Officials said talks would continue next week.")
    lines = " ".join(key_findings(analyze(text, nlp=nlp)))
    assert "(none)" not in lines and "(They" not in lines and "none)" not in lines


def test_identity_fields_are_what_the_identity_box_says(nlp):
    from analysis import analyze, config
    from analysis.presenting.narrate import identity_fields

    page = analyze(config.PROJECT_DIR / "tests" / "data" / "news_page.html", nlp=nlp)
    assert identity_fields(page) == {"byline": "Jane Doe", "credit": None, "byline_note": None, "outlet": "The Riverside Gazette", "date": "2024-03-05",
                                     "date_note": None}  # fmt: skip
    text = analyze("Bridge closed\n\nBy Tom Hale\n\nThe council closed the bridge on Tuesday after engineers found a crack.", nlp=nlp)
    fields = identity_fields(text)
    assert fields == {"byline": "Tom Hale", "credit": None, "byline_note": None, "outlet": None, "date": None, "date_note": None}  # a "By ..." line


@pytest.mark.parametrize("credit, people, agency", [
    ("STEVE PEOPLES; AP National Political Writer", "Steve Peoples", None),
    ("The Associated Press", None, "The Associated Press"),
    ("Detroit News wire services Published 11:34 p.m.", None, "Detroit News wire services"),
    ("JERUSALEM POST STAFF", None, "Jerusalem Post Staff"),  # jpost.com: the outlet's staff, no writer named
    ("admin", None, None),
    ("Sandee LaMotte, CNN", "Sandee LaMotte", "CNN"),
    ("By Ben Knight and Anna Smith", "Ben Knight; Anna Smith", None),
    ("Rachael Link, MS, RD", "Rachael Link", None),
    ("Jane Doe", "Jane Doe", None),
    # hosted.ap.org: the agency run into the second name; "John Guardian" is a name.
    ("DANICA KIRKA; JILL LAWLESS Associated Press", "Danica Kirka; Jill Lawless", "Associated Press"),
    ("John Guardian", "John Guardian", None),
    # deccanherald.com: a news agency's letters are no qualification after a name.
    ("PTI", None, "PTI"),
])  # fmt: skip
def test_a_byline_credits_people_not_agencies_jobs_or_site_accounts(credit, people, agency):
    assert narrate.byline_people(credit) == (people, agency)


def test_when_the_page_details_and_the_text_disagree_on_the_writer_both_are_shown(nlp):
    from analysis import analyze
    from analysis.presenting.narrate import identity_fields, identity_markdown

    html = (b'<html><head><title>Germany launches new initiative | DW | 19.01.2020</title>'
            b'<meta name="author" content="Deutsche Welle"><meta property="og:site_name" content="DW.COM"></head>'
            b'<body><article><h1>Germany launches new initiative</h1>'
            b'<p>The German government on Sunday launched a new initiative to support small businesses hit by rising '
            b'energy prices, officials said in Berlin.</p><p>The scheme will offer cheap loans to firms with fewer than 50 '
            b'staff, the economy ministry said in a statement on Sunday afternoon.</p><p>Critics said the plan came too '
            b'late for many firms that had already closed their doors during the winter months.</p>'
            b'<p>Author Ben Knight</p></article></body></html>')  # fmt: skip
    result = analyze(html, nlp=nlp)
    fields = identity_fields(result)
    assert fields["byline"] == "Ben Knight" and fields["credit"] == "Deutsche Welle"
    assert "Ben Knight (the page's details credit Deutsche Welle; the text says Ben Knight)" in identity_markdown(result)
    assert result.headline == "Germany launches new initiative"  # the site's " | DW | 19.01.2020" is gone


def test_a_byline_part_naming_the_site_is_the_site_not_a_writer():
    assert narrate.byline_people("Tanza Loudenback; Business Insider", "Business Insider Deutschland") == (
        "Tanza Loudenback", "Business Insider")


def test_a_byline_the_page_shows_is_the_writer_when_its_details_name_none(nlp):
    from analysis import analyze
    from analysis.presenting.narrate import identity_fields

    body = "".join(f"<p>Paragraph {i} of the story says something more about the bridge and the vote, at some length.</p>" for i in range(6))
    html = ('<html><head><title>Council approves bridge</title></head><body><article><h1>Council approves bridge</h1>'
            f'<p class="meta">By <a href="/staff/jane">Jane Doe</a> , <a href="/staff/tom">Tom Hale</a></p>{body}</article></body></html>')  # fmt: skip
    result = analyze(html.encode(), nlp=nlp)
    assert identity_fields(result)["byline"] == "Jane Doe; Tom Hale"
    assert "no_byline" not in set(result.findings["finding"])


def test_a_wire_dateline_credits_the_agency(nlp):
    # An AP story on the San Antonio Express-News site (a page a teacher read, 2019), shortened.
    from analysis import analyze
    from analysis.presenting.narrate import identity_fields

    text = ("Cat found in New Mexico after going missing in Oregon\n\nSANTA FE, N.M. (AP) \u2014 A cat that went missing in "
            "Oregon has been found in New Mexico, hundreds of miles away.\n\nOfficials said the cat was healthy.")  # fmt: skip
    result = analyze(text, nlp=nlp)
    assert identity_fields(result)["credit"] == "AP"
    assert "no_byline" not in set(result.findings["finding"])


def _first_screen(nlp, text: str) -> list[str]:
    from analysis import analyze
    from analysis.presenting.narrate import key_findings

    return key_findings(analyze(text, nlp=nlp))


def test_a_claim_nobody_is_said_to_make_is_not_a_source_without_a_name(nlp):
    lines = _first_screen(nlp, "Console goes on sale\n\nThe new console is expected to go on sale in March. "
                               "Officials said the launch would go ahead. The company sold two million units last year.")  # fmt: skip
    nameless = next(line for line in lines if line.startswith("**Sources without names**"))
    assert "1 claim" in nameless and "no one at all" not in nameless
    nobody = next(line for line in lines if line.startswith("**Nobody said to say it**"))
    assert "\u201cexpected\u201d" in nobody


def test_a_quotation_with_no_speaker_found_is_not_a_source_kept_back(nlp):
    lines = _first_screen(nlp, "Actor speaks of loss\n\nJames Van Der Beek spoke about his family on Monday. "
                               "\u201cYou never know why these things happen.\u201d\n\nThe show continues next week.")  # fmt: skip
    assert not any("words such as none" in line or line.startswith("**Nobody said to say it**") for line in lines)
    assert any(line.startswith("**Quotations with no speaker found**") for line in lines), lines


def test_the_word_tools_in_words_say_what_their_tables_hold(seed):
    from analysis import keyness, kwic, word_frequencies

    frequent = word_frequencies(seed)
    text = narrate.frequencies_text(frequent)
    assert f"{frequent.attrs['words']} words counted" in text and f"{frequent['term'].iloc[0]} ({frequent['count'].iloc[0]})" in text
    lines = kwic(seed, "Ukraine")
    said = narrate.kwic_text(lines, "Ukraine")
    body = lines["status"].notna().sum()
    assert f"occurs {len(lines)} times" in said and f"of the {body} claims" in said
    assert narrate.kwic_text(kwic(seed, "zebra"), "zebra") == "“zebra” does not occur."
    apart = narrate.keyness_text(keyness(word_frequencies(seed, roles="headline"), frequent), a="the headline", b="the body")
    assert apart.startswith("- Used more in the headline than in the body:")
    assert "*" not in narrate.kwic_text(kwic(seed, "Ukraine"), "*bold*").replace("\\*", "")  # the query is made inert


def test_a_named_outlet_is_a_named_source_and_local_media_are_not(nlp):
    """TechCrunch and Smithsonian pages, 2019: a teacher's read found "Reuters" and
    "Associated Press" listed as sources the reader cannot check by name."""
    from analysis import analyze
    from analysis.presenting.narrate import key_findings

    result = analyze("Plant to close\n\nAccording to Reuters, the plant will close in May.\n\n"
                     "Local media reported that the mayor had resigned.", nlp=nlp)  # fmt: skip
    lines = key_findings(result)
    nameless = next(line for line in lines if line.startswith("**Sources without names**"))
    named = next(line for line in lines if line.startswith("**Named sources**"))
    assert "Local media" in nameless and "Reuters" not in nameless
    assert "Reuters" in named


def test_a_quotation_whose_speaker_a_sentence_nearby_names_is_not_without_a_speaker(nlp):
    """Smithsonian page, 2019: '"Don't hide things like this," one Weibo commenter said.
    "Let's face whatever it is together."' was listed as a quotation with no speaker."""
    from analysis import analyze
    from analysis.presenting.narrate import key_findings

    result = analyze('Plague\n\n"Don\'t hide things like this," one Weibo commenter said. "Let\'s face whatever it is together."', nlp=nlp)
    lines = key_findings(result)
    assert not any(line.startswith("**Quotations with no speaker found**") for line in lines)
    assert any(line.startswith("**Sources without names**") and "one Weibo commenter" in line for line in lines)
