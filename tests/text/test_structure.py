import pytest

from analysis.text.structure import ROLES, assign_roles, split_paragraphs

# The seed article's 26 paragraphs, read by hand: a headline, the standfirst, the headline
# printed again, body with three subheadings, two pull quotes (one restating a body
# sentence, one the standfirst again), a "Read more:" link and a trailing page control.
SEED_ROLES = [
    "headline", "standfirst", "duplicate", "body", "body", "body", "body", "subheading",
    "body", "pull_quote", "body", "body", "body", "body", "body", "subheading", "body",
    "pull_quote", "body", "body", "subheading", "body", "related_link", "body", "body", "artifact",
]  # fmt: skip


def test_every_seed_paragraph_has_its_role(seed):
    assert seed.paragraphs["role"].tolist() == SEED_ROLES


def test_every_role_has_a_reason(seed, bbc_analyses):
    for analysis in [seed, *bbc_analyses.values()]:
        assert analysis.paragraphs["reason"].str.len().gt(0).all()
        assert set(analysis.paragraphs["role"]) <= set(ROLES)


def test_seed_reasons_name_their_evidence(seed):
    reasons = seed.paragraphs["reason"].tolist()
    assert "repeated as paragraph 17" in reasons[1]
    assert reasons[2] == "repeats the headline exactly"
    assert "paragraph 10" in reasons[9] and "paragraph 14" in reasons[17]
    assert "read more:" in reasons[22] and "font change" in reasons[25]


def test_no_body_paragraph_of_a_real_article_is_lost(bbc_analyses):
    for name, analysis in bbc_analyses.items():
        roles = analysis.paragraphs["role"].tolist()
        assert roles[0] == "headline", name
        assert set(roles[1:]) == {"body"}, (name, roles)


def test_lead_without_full_stop_stays_body(bbc_analyses):
    paragraphs = bbc_analyses["business_071.txt"].paragraphs
    assert not paragraphs["text"][1].rstrip().endswith(".")
    assert paragraphs["role"][1] == "body"


def _roles(text):
    spans = split_paragraphs(text)
    return [role for role, _ in assign_roles([text[s:e] for s, e in spans])]


BODY = "The minister said on Monday that the plan would be published next week after talks."
BODY2 = "Officials in the department declined to say how much the scheme would eventually cost taxpayers."


@pytest.mark.parametrize(
    "text, expected",
    [
        # A subheading sits between two complete body paragraphs.
        (f"Headline\n\n{BODY}\n\nCost questions\n\n{BODY2}", ["headline", "body", "subheading", "body"]),
        # A short unpunctuated line that continues a broken paragraph is not a heading.
        (f"Headline\n\n{BODY}\n\nagent provocateur\n\n{BODY2}", ["headline", "body", "body", "body"]),
        # A figure on its own line (attendance) is not a heading.
        (f"Headline\n\n{BODY}\n\n78,000\n\n{BODY2}", ["headline", "body", "body", "body"]),
        # Related links and page furniture.
        (f"Headline\n\n{BODY}\n\nRead more: Minister unveils plan\n\n{BODY2}\n\nShare this article", ["headline", "body", "related_link", "body", "artifact"]),
        (f"Headline\n\n{BODY}\n\nSee also: Budget 2024 explained\n\nAdvertisement\n\n{BODY2}", ["headline", "body", "related_link", "artifact", "body"]),
        # An exact repeat of a body paragraph is a duplicate.
        (f"Headline\n\n{BODY}\n\n{BODY2}\n\n{BODY2}", ["headline", "body", "body", "duplicate"]),
        # A short line repeated in a list or a menu is not (beachbodyondemand.com's meal plans).
        (f"Headline\n\n{BODY}\n\nMeal 1\n\nEat every 2-3 hours\n\n{BODY2}\n\nMeal 2\n\nEat every 2-3 hours\n\n{BODY}x",
         ["headline", "body", "body", "body", "body", "body", "body", "body"]),
        # The headline printed again is a duplicate, however short.
        (f"Cat found\n\n{BODY}\n\nCat found\n\n{BODY2}", ["headline", "body", "duplicate", "body"]),
        # A photo's caption, its credit next, is no standfirst though the page repeats it.
        (f"Headline\n\nThe minister arrives in Hanoi on Wednesday for two days of talks on trade\n\nPhoto: Hau Dinh, AP\n\n{BODY}\n\n"
         f"The minister arrives in Hanoi on Wednesday for two days of talks on trade\n\n{BODY2}",
         ["headline", "body", "artifact", "body", "duplicate", "body"]),
        # Three headline-like lines in a row are a list of links (billboard.com, space.com).
        (f"Headline\n\n{BODY}\n\nJonas Brothers Added to 2019 American Music Awards Performance Lineup\n\n"
         "Ciara to Host 2019 American Music Awards, Plus New Performers Announced\n\n"
         f"15 Fun Facts About the 2019 American Music Awards Nominations\n\n{BODY2}",
         ["headline", "body", "related_link", "related_link", "related_link", "body"]),
        # Lines right under a list heading are its links (cleveland.com); a "Read more:" link is no heading.
        (f"Headline\n\n{BODY}\n\nYou may also like...\n\nDoobie Brothers announce tour\n\nRock Hall fan vote opens\n\n{BODY2}",
         ["headline", "body", "related_link", "related_link", "related_link", "body"]),
        (f"Headline\n\n{BODY}\n\nRead more: Minister unveils plan\n\nCost questions\n\n{BODY2}",
         ["headline", "body", "related_link", "body", "body"]),
        # Two are not a list, and table rows of names and figures are not headlines.
        (f"Headline\n\n{BODY}\n\nJonas Brothers Added to 2019 American Music Awards Performance Lineup\n\n"
         f"Ciara to Host 2019 American Music Awards, Plus New Performers Announced\n\n{BODY2}",
         ["headline", "body", "subheading", "body", "body"]),
        (f"Headline\n\n{BODY}\n\n1 | Kyle Busch | 5040 | 5\n\n2 | Martin Truex Jr. | 5035 | 7\n\n3 | Kevin Harvick | 5033 | 4\n\n{BODY2}",
         ["headline", "body", "body", "body", "body", "body"]),
        # A pull quote restates a body sentence, with words dropped.
        (
            f"Headline\n\n{BODY}\n\nOfficials declined to say how much the scheme would cost taxpayers\n\n{BODY2}",
            ["headline", "body", "pull_quote", "body"],
        ),
        # A standfirst is marked by the page: the headline printed again after it.
        (f"Headline here\n\nA summary of the story without a full stop\n\nHeadline here\n\n{BODY}", ["headline", "standfirst", "duplicate", "body"]),
        # Lines separated by single newlines are paragraphs when there are no blank lines.
        (f"Headline\n{BODY}\n{BODY2}", ["headline", "body", "body"]),
        # A headline directly followed by the text on the next line.
        (f"Headline\n{BODY}\n\n{BODY2}", ["headline", "body", "body"]),
        # Body text that merely starts with a furniture word stays body.
        ("Headline\n\nCopyright law was changed in 1988 to protect software makers, the court heard.", ["headline", "body"]),
    ],
)
def test_role_rules(text, expected):
    assert _roles(text) == expected


def test_paragraph_offsets_point_into_the_original():
    text = " \r\nHeadline \u00a0\r\n\r\n  First para.\u00a0\n \n\nSecond para.  "
    spans = split_paragraphs(text)
    assert [text[s:e] for s, e in spans] == ["Headline", "First para.", "Second para."]


def test_empty_and_whitespace_text_has_no_paragraphs():
    assert split_paragraphs("") == []
    assert split_paragraphs(" \n\n\t ") == []


@pytest.mark.parametrize(
    "line, furniture",
    [
        ("Additional reporting by Jane Roe in London; Editing by John Stonestreet", True),
        ("(Reporting by Ana Lopez; Writing by Tom Hale; Editing by Mark Potter)", True),
        ("Our Standards: The Thomson Reuters Trust Principles.", True),
        ("Have a tip? Amy Kuperinsky may be reached at akuperinsky@example.com. Follow her on Twitter @AmyKup or on Facebook.", True),
        ("Follow her on Twitter @AmyKup", True),
        ("If you buy something through this post, IGN may get a share of the sale. For more, learn more.", True),
        ("Get the latest updates right in your inbox. Subscribe to our newsletters.", True),
        ("Print this page", True),
        ("Permalink https://p.dw.com/p/3WRsM", True),
        ("Send us your feedback", True),
        ("Watch video 02:17", True),
        ("copyright Inexhibit 2019 - ISSN: 2283-5474", True),
        ("Visit Business Insider's homepage for more stories.", True),
        ("Get the day's top headlines delivered to your inbox every morning by subscribing to our newsletter.", True),
        ("You may also like...", True),
        ("For more information, please visit www.my6sense.com.", True),
        ('Use code "50OFF699" to get it at Dell for $799.99', True),
        ("______________________________", True),
        ("Get started with 2B Mindset here.", True),
        ("Get access to India's fastest growing financial subscriptions service Moneycontrol Pro", True),
        ("Get access to India's fastest growing financial subscriptions service Moneycontrol Pro for as little as Rs 599 "
         "for first year. Use the code \"GETPRO\". Moneycontrol Pro offers you all the information you need for wealth "
         "creation including actionable investment ideas and independent research.", True),
        ("Click the link above so you can:", True),
        ("Download it here so you can apply this to your business:", True),
        ("Esper is on a visit to Vietnam to strengthen the military relations ... more", True),
        ("Esper is on a visit to Vietnam to strengthen the military relations with the Southeast Asian nation. less", True),
        ("Disclaimer: The views and investment tips expressed by investment experts are their own.", True),
        ("Tell us what YOU think...", True),
        ("Story continues below gallery", True),
        ("Staff Reports", True),
        ("Listen to Newsbeat live at 12:45 and 17:45 weekdays - or listen back here.", True),
        ("GET FOX BUSINESS ON THE GO BY CLICKING HERE", True),
        ("Mike Wall's book about the search for alien life is out now. Follow him on Twitter @michaeldwall.", True),
        ("HD | THE HOME DEPOT INC. | 225.86 | -12.99 | -5.44%", True),
        ("Get Motor Cycle Monthly delivered through your letterbox every month. 12 issues for £11.99.", True),
        ("Staff reports suggest the plan failed, the union said on Monday.", False),
        ("This article was reprinted on Wired.com.", True),
        ("Originally published on Live Science.", True),
        ("Originally published in 1980, the novel sold poorly at first, its editor said.", False),
        ("[1] Alarm fatigue: impacts on patient safety, Ruskin KJ, Hueske-Kraus D. Curr Opin Anaesthesiol. 2015; 28: 685-690.", True),
        ("Correction, Nov. 15, 2019: This article originally misidentified the first publisher of the novel. It was Pocket, not Tor.", True),
        ("Correction: An earlier version of this story incorrectly indicated that Mark Wynn intended to become a delegate.", True),
        ("Correction: the council says the bridge will cost twelve million pounds, not ten.", False),
        ("This story was first published in 2004, the archive shows.", False),
        ("___", True),
        ("Sign up for our daily newsletter", True),
        ("Sign up to get the morning briefing in your inbox", True),
        ("Every online business exists in the 'space-time continuum.'Click To Tweet", True),
        ("GET THE QUIZ: INSTANT DOWNLOAD!", True),
        ("Clip the $10 off coupon on the product page", True),
        ("Catch up on the 2020 election campaign with AP experts on our weekly politics podcast, “Ground Game.”", True),
        ("Read our review-in-progress here.", True),
        # A step of the article's own instructions (ign.com) is no sign-up prompt.
        ("Sign up for a Hulu ad-free account for $11.99 a month", False),
        ("Thousands of people signed up for the scheme, the council said on Monday.", False),
        ("Thanks for signing up!", True),
        ("There was an error processing your subscription.", True),
        ("Photo: Hau Dinh, AP", True),
        ("Image 1 of 8", True),
        ("1 / 8", True),
        ("Caption", True),
        ("Updated at 1:23 p.m.", True),
        ("UPDATED: Tue., Nov. 19, 2019", True),
        ("October 12, 2017", True),
        ("5:45 AM PST 11/19/2019 by Patrick Shanley", True),
        ("Robert Burns, AP National Security Writer", True),
        ("BC-EU--Britain-Brexit-Election, 1st Ld-Writethru", True),
        ("SOURCE: News agencies", True),
        ("Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.", True),
        ("Follow Ian Hanchett on Twitter @IanHanchett.", True),
        ("Follow AP's full coverage of Brexit and British politics at https://www.apnews.com/Brexit", True),
        ("Filed under: Khawarij |", True),
        ("If you enjoyed this article, we have a proposition for you: Join NRPLUS.", True),
        ('[button link="http://www.example.com/submit/" type="big"] Send us YOUR kit review[/button]', True),
        # Body sentences that open with the same words stay body.
        ("Updated figures for 2019 are due in May, the office said.", False),
        ("Thanks to the new rules, the firm signed up 200 more drivers.", False),
        ("He was last updated on the talks on 3 May 2019, his aide said.", False),
        ("Image rights were at the heart of the case, the judge said.", False),
        ("Three of the four victims were named on Tuesday, police said.", False),
        ("Source: the company, in a statement to investors on Monday.", False),
        ("Reporting by local papers suggested the mayor knew of the crack months ago, the inquiry heard.", False),
        ("Get the latest figures from the council and the picture looks worse than the minister admits.", False),
        ("Copyright holders won the case in 2019 after a long fight with the streaming firm, the court said.", False),
        ("Police said the man may be reached at the hospital, where he is recovering, but declined to name him.", False),
        ("You may also like the new version of the film, the critics said, though it is much longer.", False),
        ("Use the code of conduct as a guide, the minister told councils on Tuesday.", False),
        ("Get started with the basics before the course begins, the coach said.", False),
        ("Get access to the internet was the campaign's main demand for rural schools.", False),
    ],
)
def test_page_furniture_lines_are_set_aside_with_their_reason(line, furniture):
    spans = split_paragraphs(f"Headline\n\n{BODY}\n\n{line}\n\n{BODY2}")
    texts = [f"Headline\n\n{BODY}\n\n{line}\n\n{BODY2}"[s:e] for s, e in spans]
    role, reason = assign_roles(texts)[2]
    assert (role in ("artifact", "related_link")) == furniture, (line, role, reason)
    if furniture:
        assert "lexicons/boilerplate.csv" in reason


# Saved pages of the extraction benchmark (Fox News and Express, 2019), shortened.
LINKS_AMID_THE_STORY = [
    "Van Der Beek eliminated from the show",
    "James Van Der Beek has been eliminated from the show.",
    "SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'",
    "The actor said the news came as a shock to his family.",
    "'DANCING WITH THE STARS': LAUREN ALAINA IS CHANNELING HER BREAKUP ENERGY INTO COMPETITION SERIES",
    "Chris Tang said in an interview that police alone are not able to end the violence.",
    "DON'T MISS",
    "China furious at Macron for Hong Kong protest jibe [INSIGHT]| Lakers vs Nets: NBA make final decision on game "
    "amid China turmoil [VIDEO] Hong Kong 'threatened with Chinese military intervention' [REACTION]",
    "The UK has urged an end to the violence.",
]


def test_links_set_in_capitals_or_tagged_amid_the_story_are_related_links():
    roles = [role for role, _ in assign_roles(LINKS_AMID_THE_STORY)]
    assert roles == ["headline", "body", "related_link", "body", "related_link", "body", "related_link", "related_link", "body"]


@pytest.mark.parametrize("line", [
    "3. FOR AFGHAN WOMEN 'GLASS IS HALF FULL.'",
    "\u201cEVENTUALLY VOTERS MAKE GOOD DECISIONS\u201d",
])  # fmt: skip
def test_a_numbered_or_quoted_heading_in_capitals_is_no_link(line):
    texts = ["Things to know", "The talks resumed on Monday.", line, "The envoy said progress was slow."]
    assert assign_roles(texts)[2][0] != "related_link"


# CBS Sports page, 2019, shortened: a newsletter box, then the site's latest stories, each
# a headline run into its summary, to the page's end.
NEWSLETTER_THEN_LATEST = [
    "Browns player on Rudolph's role in fight",
    "The Steelers spent Monday trying to distance themselves from the fight.",
    "\"We've got to right the ship,\" Heyward said.",
    "Pick Six Newsletter",
    "Get the day's big stories + fun stuff you love like mock drafts, picks and power rankings.",
    "Sorry!",
    "Join our Free $1,000,000 Parlay Challenge",
    "Gronk, Serena perform with Laker Girls Gronk may have found his true calling",
    "NFL odds, cheat sheet, picks, bets, sims SportsLine's computer model simulated every Week 12 NFL game.",
    "Pats place Olszewski on IR New England's roster is re-shuffling",
    "Playoff picture: Raiders in pursuit Breaking down the 2019 NFL playoff picture",
]


def test_a_newsletter_box_and_the_stories_listed_after_it_are_not_the_article():
    roles = [role for role, _ in assign_roles(NEWSLETTER_THEN_LATEST)]
    assert roles == ["headline", "body", "body", "artifact", "artifact", "artifact", "artifact",
                     "related_link", "related_link", "related_link", "related_link"]  # fmt: skip


def test_paragraphs_with_full_stops_after_a_box_stay_the_article():
    texts = NEWSLETTER_THEN_LATEST[:4] + ["The fight happened on Thursday night.", "Garrett was suspended for the season.",
                                          "The league has not said more."]  # fmt: skip
    assert [role for role, _ in assign_roles(texts)][-3:] == ["body", "body", "body"]


# Saved pages a teacher read (extraction benchmark): disclaimers, disclosures, shop buttons,
# social prompts, the outlet's own promotions, captions and click prompts amid or after the
# story are set aside; sentences that only look like them stay the article.
FURNITURE_LINES = [
    "The views and opinions expressed in the article do not necessarily reflect those of Sputnik.",
    "Disclosure: ZDNet may earn a commission from some of the products featured on this page.",
    "This shop has been compensated by #CollectiveBias, Inc. and its advertiser. All opinions are mine alone. #HealthyHydration #ad",
    "See it now: Amazon",
    "Be sure to visit Arrowhead on Facebook, Twitter, and Instagram.",
    "You can also subscribe to this newsletter here \u2014 just tick \"10 Things in Tech You Need to Know.\"...",
    "Have an Amazon Alexa device? Now you can hear 10 Things in Tech each morning. Just search for \"Business Insider\" "
    "in your Alexa's flash briefing settings.",
    "Cover image: artist\u2019s impression of the lighting installation by Peter Koros Design at the 7th Amsterdam Light Festival",
    "CLICK FOR FULL STATE SWIM RESULTS",
    "Jewels after Jewels after Jewels, installation views, photos \u00a9 Inexhibit, 2018",
]  # fmt: skip
STORY_LINES = [
    "The views expressed by the minister were rejected by the committee on Tuesday.",
    "See it now, said the man who had waited at the gate all night.",
    "Visitors can subscribe to the newsletter at the museum's desk, the curator said.",
]  # fmt: skip


@pytest.mark.parametrize("line, role", [(line, "artifact") for line in FURNITURE_LINES] + [(line, "body") for line in STORY_LINES])
def test_disclosures_captions_and_shop_buttons_are_set_aside(line, role):
    texts = ["Museum reopens", "The museum reopened on Monday after two years.", line, "Tickets are free."]
    assert assign_roles(texts)[2][0] == role


def test_a_press_release_closing_about_the_company_is_set_aside():
    # my6sense press release (extraction benchmark page a teacher read, 2019), shortened.
    texts = ["Native ads engage", "The research shows that native ad units generate the highest engagement.",
             "my6sense provides the only fully programmatic native exchange solution.", "About my6sense",
             "my6sense offers an open programmatic white label native advertising platform.",
             "my6sense\u2019s Cross-Network Exchange offers out of the box scalability."]  # fmt: skip
    assert [role for role, _ in assign_roles(texts)] == ["headline", "body", "body", "artifact", "artifact", "artifact"]


def test_about_a_topic_the_story_goes_on_with_stays_the_article():
    texts = ["Museum reopens", "The museum reopened on Monday.", "About the collection",
             "The collection holds 4,000 paintings, most of them Dutch.", "Visitors queued for an hour."]  # fmt: skip
    assert [role for role, _ in assign_roles(texts)][2:] == ["subheading", "body", "body"]


def test_lines_of_a_section_and_a_title_are_links_but_a_table_is_not():
    # Inexhibit page a teacher read: links under the story, few words capitalised.
    links = ["Milano Design Week 2018 | Seiko\u2019s \u2018The Flow of Time\u2019 at the Triennale",
             "Milano Design Week 2018 | \u2018LIVING NATURE\u2019 explores the relationship between nature and living",
             "Milano Design Week 2018 | a preview of DOUTDESign at Zona Santambrogio"]  # fmt: skip
    texts = ["Light installation", "The installation opens today in the showroom.", "The designer said it was new.", *links]
    assert [role for role, _ in assign_roles(texts)][3:] == ["related_link"] * 3
