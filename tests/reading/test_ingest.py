import pytest

from analysis import config
from analysis.errors import InputError
from analysis.reading.ingest import decode_bytes, english_share, extract_html, looks_like_html, read_article, read_bytes, read_path

from ..conftest import DATA_DIR, HTML_PAGE


def test_utf8_file_is_read_unchanged(seed_path):
    article = read_path(seed_path)
    assert article.text == seed_path.read_text(encoding="utf-8")
    assert article.encoding == "utf-8" and article.warnings == []


def test_invalid_utf8_falls_back_to_cp1252_with_a_warning():
    article = read_path(DATA_DIR / "bbc" / "sport_199.txt")
    assert article.encoding == "cp1252"
    assert "\u00a3" in article.text  # the pound sign the file encodes as 0xA3
    assert any("not valid UTF-8" in w for w in article.warnings)


def test_bom_is_honoured():
    text, encoding, warnings = decode_bytes("\ufeffHeadline\n\nBody.".encode("utf-8"))
    assert encoding == "utf-8-sig" and text == "Headline\n\nBody." and not warnings
    text, encoding, _ = decode_bytes("Headline\n\nBody.".encode("utf-16"))
    assert encoding == "utf-16" and text == "Headline\n\nBody."


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\x00\x01\x02binary\x00", "binary"),
        (b"   \n\n  ", "empty"),
    ],
)
def test_bad_bytes_are_refused(data, message):
    with pytest.raises(InputError, match=message):
        read_bytes(data, source="x")


def test_missing_directory_and_unknown_extension(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        read_path(tmp_path)
    pdf = tmp_path / "a.pdf"
    pdf.write_text("Headline\n\nText.")
    with pytest.raises(InputError, match="unsupported file type '.pdf'"):
        read_path(pdf)


def test_oversized_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(InputError, match=r"50\.0 MB; the limit is 10 MB"):
        read_path(big)


def test_text_over_the_character_limit_is_refused(monkeypatch):
    monkeypatch.setattr(config, "MAX_TEXT_CHARS", 100)
    with pytest.raises(InputError, match="limit is 100"):
        read_article("Headline\n\n" + "word " * 50)


def test_html_page_keeps_headline_and_paragraphs_and_drops_page_furniture():
    article = read_path(HTML_PAGE)
    assert article.format == "html"
    assert article.text.startswith("Council approves new bridge over the Avon\n\n")
    assert "Councillor Maria Lopez" in article.text
    assert "Cost concerns" in article.text
    for furniture in ("tracking", "Home", "Most read", "Man bites dog", "All rights reserved", "Privacy policy"):
        assert furniture not in article.text
    assert article.metadata["author"] == "Jane Doe"
    assert article.metadata["sitename"] == "The Riverside Gazette"
    assert article.metadata["date"] == "2024-03-05"


def test_html_without_article_text_is_refused():
    with pytest.raises(InputError, match="no article text"):
        extract_html("<html><body><nav><a href='/'>Home</a></nav></body></html>")


def test_html_is_sniffed_on_stdin_like_bytes():
    assert looks_like_html(b"<!DOCTYPE html><html><body></body></html>")
    assert looks_like_html("  <html lang='en'>")
    assert not looks_like_html(b"Headline\n\n<b>not a page</b>")


def test_string_is_a_path_or_the_text(seed_path):
    assert read_article(str(seed_path)).source == str(seed_path)
    assert read_article("Just a sentence of text.").source == "<text>"
    with pytest.raises(InputError, match="no such file"):
        read_article("does/not/exist.txt")


def test_non_english_text_warns():
    german = (
        "Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen. Die Regierung will damit die "
        "Wirtschaft staerken und Arbeitsplaetze schaffen. Kritiker sagen, das Gesetz gehe nicht weit genug."
    )
    article = read_article(german)
    assert any("does not look like English" in w for w in article.warnings)
    share, words = english_share(german)
    assert share < 0.12 and words > 20


def test_english_text_does_not_warn():
    for path in sorted((DATA_DIR / "bbc").glob("*.txt")):
        assert not any("English" in w for w in read_path(path).warnings), path.name


def test_inputs_are_never_modified(seed_path):
    before = seed_path.read_bytes()
    read_path(seed_path)
    assert seed_path.read_bytes() == before


def test_warnings_carry_a_code_the_program_tests_instead_of_their_wording():
    import pickle

    from analysis.reading.ingest import read_bytes

    article = read_bytes("Война и мир. Это не английский текст вовсе, а русский, и его много здесь.".encode("utf-8"))
    (note,) = [w for w in article.warnings if w.code == "not_english"]
    assert isinstance(note, str) and "does not look like English" in note
    assert pickle.loads(pickle.dumps(note)).code == "not_english"  # corpus workers pass it on
    fallback = read_bytes(b"Caf\xe9 owners protest against the new rules in the city centre on Monday morning.")
    assert [w.code for w in fallback.warnings] == ["encoding_fallback", "language_unchecked"]


@pytest.mark.parametrize("title, site, headline", [
    ("Germany launches new initiative | DW | 19.01.2020", "Deutsche Welle", "Germany launches new initiative"),
    ("Daily Deals: More Black Friday Deals Are Live - IGN", "IGN", "Daily Deals: More Black Friday Deals Are Live"),
    ("New York State Attorney General reportedly investigating WeWork \u2013 TechCrunch", "TechCrunch",
     "New York State Attorney General reportedly investigating WeWork"),
    ("The Guardian view on Hong Kong: a city on the brink | Editorial", "The Guardian",
     "The Guardian view on Hong Kong: a city on the brink"),
    ("'The Medium is the Message': the 7th Amsterdam Light Festival | Inexhibit", "Inexhibit magazine",
     "'The Medium is the Message': the 7th Amsterdam Light Festival"),
    ("LinkNaija | Nigeria's popular news platform: BREAKING NEWS: Chelsea sign Kepa", "LinkNaija | Nigeria's popular news platform",
     "BREAKING NEWS: Chelsea sign Kepa"),
    # A dash inside the headline stays when what follows is not the site.
    ("Brexit - what happens next", "BBC News", "Brexit - what happens next"),
    ("Brexit: what happens next", "Brexit", "Brexit: what happens next"),
    ("Taylor Swift's AMA row seems to be over", None, "Taylor Swift's AMA row seems to be over"),
])  # fmt: skip
def test_the_sites_additions_leave_the_page_title(title, site, headline):
    from analysis.reading.ingest import page_headline

    assert page_headline(title, site) == headline


def _page(summary_element: str, description: str, lead: str = "The council voted on Tuesday to build a new bridge over the Avon at a cost of twelve million pounds.") -> str:
    body = "".join(f"<p>{lead if i == 0 else f'Paragraph {i} of the story says something more about the bridge and the vote, at some length.'}</p>" for i in range(6))
    return (f'<html><head><title>Council approves bridge | The Gazette</title><meta name="description" content="{description}">'
            f'<meta property="og:site_name" content="The Gazette"></head><body><article><h1>Council approves bridge</h1>'
            f"{summary_element}{body}</article></body></html>")  # fmt: skip


@pytest.mark.parametrize("element", ['<p class="standfirst">{}</p>', '<h2 class="article-subline">{}</h2>', '<div class="dek">{}</div>'])
def test_a_summary_the_page_shows_under_its_headline_is_the_standfirst(element):
    summary = "Residents have waited thirty years for a second crossing over the river."
    text, metadata = extract_html(_page(element.format(summary), summary))
    assert metadata["standfirst"] == summary
    assert text.split("\n\n")[:2] == ["Council approves bridge", summary]
    from analysis import analyze

    paragraphs = analyze(_page(element.format(summary), summary).encode()).paragraphs
    assert paragraphs.loc[1, "role"] == "standfirst"
    assert "summary" in paragraphs.loc[1, "reason"]


def test_a_standfirst_the_summary_metadata_labels_or_the_page_marks_by_name():
    summary = "Residents have waited thirty years for a second crossing over the river."
    # The Guardian: the description carries "Editorial: ", which the page does not show.
    labelled = extract_html(_page(f'<div class="content__standfirst"><p>{summary}</p></div>', f"Editorial: {summary}"))[1]
    assert labelled["standfirst"] == summary
    # Slate: the description says something else; the dek is marked by its class and itemprop.
    dek = f'<h2 class="article__dek" itemprop="alternativeHeadline">{summary}</h2>'
    assert extract_html(_page(dek, "How did the town wait so long for a bridge? The story of a crossing."))[1]["standfirst"] == summary


def test_a_description_that_copies_the_lead_or_is_not_shown_is_no_standfirst():
    lead = "The council voted on Tuesday to build a new bridge over the Avon at a cost of twelve million pounds."
    # Many sites copy the lead into the description: it stays body.
    assert extract_html(_page("", lead, lead=lead))[1]["standfirst"] is None
    # A description the page never shows is no standfirst.
    assert extract_html(_page("", "Residents have waited thirty years for a second crossing over the river."))[1]["standfirst"] is None
    # Shown only inside a link (a teaser elsewhere on the page) is no standfirst either.
    linked = '<a href="/x"><p>Residents have waited thirty years for a second crossing over the river.</p></a>'
    assert extract_html(_page(linked, "Residents have waited thirty years for a second crossing over the river."))[1]["standfirst"] is None


@pytest.mark.parametrize("shown, metadata_date, expected", [
    # cbssports.com shape: 9:24 pm Eastern on the 18th is 02:24 UTC on the 19th.
    ("<p>By Bryan DeArdo</p><p>Nov 18, 2019 at 9:24 pm ET</p>", "2019-11-19", ("2019-11-18", "Nov 18, 2019")),
    ("<p>Published November 20th, 2019 - 07:29 GMT</p>", "2019-11-19", ("2019-11-20", "November 20th, 2019")),
    # The site's header shows today's date with no time: not the article's.
    ("<div>Wednesday, November 20, 2019 Spokane, Washington</div>", "2019-11-19", None),
    # The same day, or more than a day off (another date in the text), changes nothing.
    ("<p>Nov 19, 2019, 10:31 pm CST</p>", "2019-11-19", None),
    ("<p>Posted Nov 12, 2019, 10:31 pm CST</p>", "2019-11-19", None),
    # politifact.com shape: a date the page labels "Published" wins however far off (its
    # details give the date of the statement it checks).
    ("<p>Published: Monday, November 18th, 2019 at 11:08 a.m.</p>", "2019-10-13", ("2019-11-18", "November 18th, 2019")),
    # A date inside a link (a related story) is not the page's.
    ('<a href="/x">Published Nov 18, 2019 at 9:24 pm ET</a>', "2019-11-19", None),
])  # fmt: skip
def test_the_date_a_page_shows_its_readers_wins_over_a_time_zone(shown, metadata_date, expected):
    from analysis.reading.ingest import page_shown_date

    html = f"<html><head><title>x</title></head><body><h1>Headline</h1>{shown}<p>Body text.</p></body></html>"
    assert page_shown_date(html, metadata_date) == expected


def test_the_identity_box_gives_the_shown_date_and_says_what_the_details_say(nlp):
    from analysis import analyze
    from analysis.presenting.narrate import identity_fields

    body = "".join(f"<p>Paragraph {i} of the story says something more about the bridge and the vote, at some length.</p>" for i in range(6))
    html = ('<html><head><title>Council approves bridge</title><meta property="article:published_time" content="2019-11-19T02:24:00Z">'
            f'</head><body><article><h1>Council approves bridge</h1><p>Nov 18, 2019 at 9:24 pm ET</p>{body}</article></body></html>')  # fmt: skip
    fields = identity_fields(analyze(html.encode(), nlp=nlp))
    assert fields["date"] == "2019-11-18"
    assert "Nov 18, 2019" in fields["date_note"] and "2019-11-19" in fields["date_note"]


@pytest.mark.parametrize("element, expected", [
    # politifact.com shape: the names are links; the date follows "on".
    ('<p class="article__meta">By <a href="/a">Matthew Digby</a> , <a href="/b">Minh Do</a> '
     '<span>on Monday, November 18th, 2019 at 11:08 a.m.</span></p>', "Matthew Digby, Minh Do"),
    ("<div>By Brigit Katz smithsonian.com November 18, 2019</div>", "Brigit Katz"),
    ("<p>By <span>Carrie Arnold</span><span>November 15, 2019</span></p>", "Carrie Arnold"),
    ("<p>By Troy L. Smith, Cleveland.com</p>", "Troy L. Smith, Cleveland.com"),
    # healthline.com: "Written by", with the writer's qualifications after the name.
    ('<div>Written by <a href="/team">Rachael Link, MS, RD</a> on November 14, 2019</div>', "Rachael Link"),
    # phys.org: "by" in lower case, in the element the page's class calls its byline.
    ('<p class="article-byline text-low"> by <a class="article-byline__link" href="/esa">European Space Agency</a></p>',
     "European Space Agency"),
    # timesunion.com: a news agency alone in the byline element; sputniknews.com: "by" in its
    # author line, after a menu link "By Any Means Necessary" (a radio show), which is none.
    ('<p class="byline ap-byline">Associated Press</p>', "Associated Press"),
    ('<div class="b-mainnav__2level"><ul><li><a href="/radio">By Any Means Necessary</a></li></ul></div>'
     '<div class="b-article__refs-author">by <a rel="author" href="/a">Finian Cunningham</a></div>', "Finian Cunningham"),
    ('<aside class="widget"><p class="smallauthor">by Anmol</p></aside>', None),
    # profootballtalk.com, vortexcannon.org: "Posted by".
    ("<p>Posted by Michael David Smith on November 19, 2019, 6:21 AM EST</p>", "Michael David Smith"),
    # Not a byline: a sentence that starts with "By", a script, nothing capitalised after "By".
    ("<p>By the time the council met on Tuesday, the bridge had been closed for a week and traffic had built up.</p>", None),
    ("<script>var x = 'By Someone Else';</script>", None),
    ("<p>by subject</p>", None),
])  # fmt: skip
def test_the_byline_a_page_shows(element, expected):
    from analysis.reading.ingest import page_byline

    assert page_byline(f"<html><head><title>x</title></head><body><h1>Headline</h1>{element}<p>Body.</p></body></html>") == expected


@pytest.mark.parametrize("h1, expected", [
    # The headline a reader sees wins over the title written for search engines.
    ('<h1 class="post-title entry-title">Hiking the Boulder Flat Irons</h1>', "Hiking the Boulder Flat Irons"),
    ("<article><h1>Hiking trip: what we packed</h1></article>", "Hiking trip: what we packed"),
    # A site's name in the header, an unmarked heading, or one sharing no word is not the headline.
    ('<header><h1 class="site-title">Hiking Daily News</h1></header>', None),
    ("<h1>Kabar tentang Dunia Islam</h1>", None),
    ('<h1 class="entry-title">Our favourite recipes this week</h1>', None),
    # bigbrandsystem.com: boxes beside the article have headings of their own, and the
    # page's <body> class names its layout ("nav-below-header"), not a menu.
    ('<h1 class="heading-title">Hiking with kids: why some families thrive</h1><h1 class="heading-title">Need a hand?</h1>'
     '<h1 class="heading-title">Watch a free workshop now.</h1>', "Hiking with kids: why some families thrive"),
    # slate.com: the heading the page marks as its headline, in the article's <header>,
    # though it shares no word with the title written for sharing.
    ('<header class="article__header"><h1 class="article__hed" itemprop="headline">The Disappearance of John M. Ford</h1>'
     '</header>', "The Disappearance of John M. Ford"),
])  # fmt: skip
def test_the_headline_a_page_shows_wins_over_its_search_title(h1, expected):
    from analysis.reading.ingest import page_h1

    html = (f"<html><head><title>Simple Hiking Survival Kit (with Kids)</title></head><body class='nav-below-header'>{h1}"
            "<p>Body.</p></body></html>")
    assert page_h1(html, "Simple Hiking Survival Kit (with Kids)") == expected


def test_page_text_keeps_its_characters():
    from analysis.reading.ingest import page_byline

    html = "<html><head><meta charset='utf-8'><title>x</title></head><body><p>By José Núñez</p></body></html>"
    assert page_byline(html) == "José Núñez"


def _extracted(title: str, inside: str) -> list[str]:
    """The paragraphs extracted from an article page: a headline, five paragraphs of
    story (enough for the extractor to see an article) and ``inside``."""
    body = "".join(f"<p>Paragraph {i} of the story says something more about the news this week, at some length.</p>" for i in range(5))
    html = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}{inside}</article></body></html>"
    return extract_html(html)[0].split("\n\n")


def test_text_after_a_heading_with_no_tag_of_its_own_is_kept():
    # ign.com deals shape: each deal's text follows its heading with no <p> around it.
    paragraphs = _extracted("Daily Deals: Black Friday",
                            "<h2>PS4 DualShock Controller for $30</h2>The price of one of the PS4 controllers has dropped to its Black Friday "
                            "price early this week.<h2>Switch Lite bundle</h2>Save $31 if you get a turquoise Switch Lite this weekend only."
                            "<p>This sponsored deal is brought to you by Dashlane, the password manager, for this week.</p>")  # fmt: skip
    assert "The price of one of the PS4 controllers has dropped to its Black Friday price early this week." in paragraphs
    assert "Save $31 if you get a turquoise Switch Lite this weekend only." in paragraphs


def test_a_table_is_kept_a_row_a_paragraph_and_a_line_break_parts_words():
    # autoracing.com.br's standings table; billboard.com's tour dates, one a line.
    paragraphs = _extracted("Standings",
                            "<table><tr><th>Pos.</th><th>Driver</th><th>Points</th></tr><tr><td>1</td><td>Kyle Busch</td><td>5040</td></tr>"
                            "<tr><td>2</td><td>Martin Truex Jr.</td><td>5035</td></tr></table>"
                            "<p>The dates are:<br>June 9 in West Palm Beach, FL<br>June 10 in Tampa, FL</p>")  # fmt: skip
    assert "1 | Kyle Busch | 5040" in paragraphs
    assert "2 | Martin Truex Jr. | 5035" in paragraphs
    assert "The dates are: June 9 in West Palm Beach, FL June 10 in Tampa, FL" in paragraphs


def test_a_list_inside_a_list_item_gives_each_item_once():
    # bigbrandsystem.com: the outer item's text had the inner items glued on ("...nowAssess ...").
    paragraphs = _extracted("T", "<ul><li>Take the quiz<ul><li>Discover your stage</li><li>Assess your assets</li></ul></li><li>Read on</li></ul>")
    assert paragraphs[-4:] == ["Take the quiz", "Discover your stage", "Assess your assets", "Read on"]


def test_what_a_reader_does_not_see_is_left_out():
    # thehill.com: a card that pops up over a name lists the person's latest stories.
    paragraphs = _extracted("Man pleads guilty",
                            "<p>Rep. <span class='rollover-people'><a href='/people/x'>Alexandria Ocasio-Cortez</a>"
                            "<span class='rollover-people-block'><a href='/s/1'>Sanders doubles down on Bolivia coup</a></span></span>"
                            " (D-N.Y.) was also named in the threats.</p><p style='display: none'>Hidden teaser text for robots only.</p>")  # fmt: skip
    assert "Rep. Alexandria Ocasio-Cortez (D-N.Y.) was also named in the threats." in paragraphs
    assert not any("Sanders" in p or "Hidden teaser" in p for p in paragraphs)


@pytest.mark.parametrize("given, expected", [
    ("The rÃ©sumÃ© was sent.", "The résumé was sent."),
    # PolNeAR train (Washington Post, 2015-12-13): decoded twice, with a combining tilde
    ("President FranA\u0303\u0083A\u0302\u00a7ois Hollande spoke.", "President François Hollande spoke."),
])  # fmt: skip
def test_letters_decoded_twice_are_found_and_said_with_their_repair(given, expected):
    from analysis.reading.ingest import read_text, repair_mojibake

    text = "Headline\n\n" + given + " It was a long day in Paris for everyone at the talks."
    article = read_text(text)
    assert article.text == text  # offsets index the text as given
    assert [w.code for w in article.warnings if w.code == "mojibake_found"] == ["mojibake_found"]
    assert expected in repair_mojibake(text)[0]


def test_text_without_mojibake_is_kept_exactly_as_given():
    from analysis.reading.ingest import read_text

    text = "Headline\n\nThe café in Zürich sold crêpes, and the cafe\u0301 next door did too."
    article = read_text(text)
    assert article.text == text and not [w for w in article.warnings if w.code == "mojibake_found"]


def test_the_mojibake_warning_names_the_word_even_when_the_repair_drops_one_control_character():
    from analysis.reading.ingest import read_text

    # PolNeAR train (Washington Post, 2016-06-09) stores "Raúl" encoded three times; ftfy
    # takes out only the stray control character, so the change alone shows nothing.
    text = "Headline\n\nRep. Ra\u00c3\u0083\u00c2ol M. Grijalva spoke to the committee on Thursday afternoon."
    (note,) = [w for w in read_text(text).warnings if w.code == "mojibake_found"]
    assert "'RaÃÂol'" in note and "''" not in note


@pytest.mark.parametrize("sitename, url, declared, shown", [
    # nj.com and cleveland.com call themselves "nj" and "cleveland"; the extractor capitalises.
    ("Nj", "https://www.nj.com/entertainment/2019/11/x.html", "nj", "nj.com"),
    ("Cleveland", "https://www.cleveland.com/entertainment/x.html", "cleveland", "cleveland.com"),
    ("Reuters", "https://www.reuters.com/x", "Reuters", "Reuters"),
    ("BBC News", "https://www.bbc.co.uk/news/x", "BBC News", "BBC News"),
    ("Cnn", "https://edition.cnn.com/x", None, "Cnn"),
    # hosted.ap.org calls itself "Hosted": a subdomain's word, not the site's name.
    ("Hosted", "https://hosted.ap.org/citizensvoice/article/x", "Hosted", "ap.org"),
    ("ProFootballTalk", "https://profootballtalk.nbcsports.com/2019/x", "ProFootballTalk", "ProFootballTalk"),
    (None, "https://www.nj.com/x", "nj", None),
])  # fmt: skip
def test_a_site_that_calls_itself_by_its_address_is_shown_by_it(sitename, url, declared, shown):
    from analysis.reading.ingest import _site_as_shown

    assert _site_as_shown(sitename, url, declared) == shown


@pytest.mark.parametrize("sitename, declared, title, shown", [
    # Saved pages of the extraction benchmark a teacher read (the page's own casing; the
    # name its title ends with; a Twitter handle's full name).
    ("9To5Mac", "9to5Mac", "Apple MacBooks on sale at Amazon from $700, AirPods, more - 9to5Mac", "9to5Mac"),
    ("DH News Service", "Deccan Herald", "Impeachment sham completely debunked: White House | Deccan Herald", "Deccan Herald"),
    ("SputnikInt", None, "Royal Self-Indicting Arrogance - Sputnik International", "Sputnik International"),
    ("Associated Press", "SFGate", "7 key questions heading into the 2020 Democratic debate - SFGate", "SFGate"),
    # Left as they are: an abbreviation, a first letter's case, a name the title holds,
    # a title's part that is no name.
    ("Wall Street Journal", "WSJ", "Apple Arcade: So Many Ways to Play and Pay - WSJ", "Wall Street Journal"),
    ("The Guardian", "the Guardian", "Britain on the brink | Editorial | Opinion | The Guardian", "The Guardian"),
    ("The Hill", "TheHill", "Man pleads guilty to threatening to kill Omar | TheHill", "The Hill"),
    ("Comwrap", None, "Zukunft des Handels - comwrap auf der DMEXCO 2018", "Comwrap"),
    ("Healthline Media", "Healthline", "15 Helpful Tips to Overcome Binge Eating", "Healthline Media"),
])  # fmt: skip
def test_a_site_is_named_as_its_page_writes_it(sitename, declared, title, shown):
    from analysis.reading.ingest import _site_as_shown

    assert _site_as_shown(sitename, "https://example.com/x", declared, title) == shown
