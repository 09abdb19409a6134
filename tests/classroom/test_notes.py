"""The lesson plan's notes on one article: its date, the dates that depend on it, the
sensitive topics it touches (and words that only look like them), the words to teach."""

import pytest

from analysis import analyze
from analysis.classroom.notes import article_notes, sensitive_topics
from analysis.classroom.pages import lesson_plan_html

from ..conftest import HTML_PAGE


def test_war_and_death_are_found_by_any_form(nlp):
    # seed shape and bbc business/346 shape
    text = ("Troops move\n\nThousands of North Korean troops were sent to the battlefield. "
            "At least 40 people were killed when the earthquake struck.")  # fmt: skip
    topics = sensitive_topics(analyze(text, nlp=nlp).tokens).set_index("topic")
    assert {"war and armed conflict", "death and killing", "illness and disaster"} <= set(topics.index)
    assert "killed" in topics.loc["death and killing", "words"]


def test_everyday_uses_are_not_sensitive(nlp):
    # seed: "abused their position"; bbc sport: a shot at goal and an injury; bbc politics: attacked the plans
    text = ("Officials row\n\nDozens of officials are alleged to have abused their position. The striker's shot hit the post "
            "before his injury. The Tories attacked the plans.")  # fmt: skip
    assert sensitive_topics(analyze(text, nlp=nlp).tokens).empty


def test_the_lesson_plan_gives_the_articles_date_topics_and_words(exercise_key_and_material):
    key, material, result = exercise_key_and_material
    notes = article_notes(result, material)
    assert notes["published"] == "2024-03-05"
    page = lesson_plan_html({**key, "notes": notes})
    assert "<b>Published</b>: 2024-03-05" in page and "This article" in page


def test_a_page_with_no_date_says_to_find_it(nlp):
    result = analyze("Troops move\n\nThousands of troops were sent to the front this week, officials said on Monday.", nlp=nlp)
    material = {"found": [], "paragraphs": [{"sentences": [{"number": 1}]}], "words": []}
    notes = article_notes(result, material)
    assert notes["published"] is None and notes["relative_dates"]
    page = lesson_plan_html({"title": "t", "cards": [], "tasks": [], "notes": notes})
    assert "No publication date" in page


@pytest.fixture(scope="module")
def exercise_key_and_material(nlp):
    from analysis.classroom.build import student_material
    from analysis.classroom.exercises import claim_cards, exercise_key
    from analysis.classroom.tasks import exercise_tasks

    result = analyze(HTML_PAGE, nlp=nlp)
    cards = claim_cards(result)
    material = student_material(result, cards, exercise_tasks(result), title="t")
    return {"title": "t", **exercise_key(result, cards), "tasks": []}, material, result


@pytest.mark.parametrize("text, topic", [
    # Shapes of the two articles a teacher found given an all-clear.
    ("Teacher charged\n\nA teacher was charged after sexting a 15-year-old pupil and sending explicit images.", "sexual violence and abuse"),
    ("Court ruling\n\nThe court found the former general guilty of genocide and crimes against humanity.", "war crimes and genocide"),
    ("Help for pupils\n\nThe charity said more pupils were asking for help with self-harm.", "suicide and self-harm"),
    ("Club fined\n\nThe club was fined after fans directed racist abuse at a player.", "racism and hate"),
])  # fmt: skip
def test_the_topics_a_teacher_must_know_of_are_found(nlp, text, topic):
    assert topic in set(sensitive_topics(analyze(text, nlp=nlp).tokens)["topic"])


def test_no_listed_topic_is_never_an_all_clear(nlp):
    text = "Bridge opens\n\nThe new bridge over the river opened on Tuesday, the council said."
    notes = article_notes(analyze(text, nlp=nlp), {"found": [], "paragraphs": [{"sentences": [{"number": 1}]}], "words": []})
    assert notes["topics"] == []
    page = lesson_plan_html({"title": "t", "cards": [], "tasks": [], "notes": notes})
    assert "No listed topic words were found" in page and "does not mean there are none" in page
    assert "racism and hate" in page and "No sensitive topic" not in page


def test_a_topic_word_in_a_title_or_set_phrase_is_kept_apart_not_dropped(nlp):
    # bbc tech/094 ("the Death Star"), business/188 ("bidding war"), sport/163 ("the dying minutes"),
    # entertainment/347 ("Kill Bill"); a named war and a named law stay the topic (politics/105)
    text = ("Film fans\n\nThere are scans of a corridor on the Death Star, he said. Qwest may spark a bidding war for MCI. "
            "Arsenal pressed in the dying minutes. Kill Bill was a hit in cinemas last year. Many died in World War II. "
            "Police used the Terrorism Act 2000 against him. The search wars hit desktop PCs.")  # fmt: skip
    result = analyze(text, nlp=nlp)
    topics = sensitive_topics(result.tokens, entities=result.entities).set_index("topic")
    assert "Death Star" in topics.loc["death and killing", "other_uses"]
    assert "Kill Bill" in topics.loc["death and killing", "other_uses"]
    assert "dying minutes" in topics.loc["death and killing", "other_uses"]
    assert "died" in topics.loc["death and killing", "words"]
    assert topics.loc["war and armed conflict", "other_uses"] == ["bidding war", "search wars"]  # tech/108
    assert topics.loc["war and armed conflict", "words"] == ["war"]
    assert topics.loc["terrorism", "words"] == ["terrorism"]


def test_a_topic_only_in_names_reads_as_one_to_check_never_as_none(nlp):
    text = "Film fans\n\nThere are scans of a corridor on the Death Star, he said. Fans queued for hours outside the cinema."
    notes = article_notes(analyze(text, nlp=nlp), {"found": [], "paragraphs": [{"sentences": [{"number": 1}, {"number": 2}]}],
                                                     "words": []})  # fmt: skip
    page = lesson_plan_html({"title": "t", "cards": [], "tasks": [], "notes": notes})
    assert "Probably not a sensitive topic: death and killing" in page and "“Death Star”" in page
    assert "No listed topic words were found" in page and "in their usual sense" in page


def test_a_kidnapping_is_a_topic_and_a_date_pointing_back_is_not_one_to_place(nlp):
    # A third blind teacher review (BBC News politics/150, entertainment/100).
    text = ("Hostage plea\n\nThe aid worker was abducted in Baghdad last week. Her kidnappers have made no demands. "
            "The film took $10m that day, its best week of the year.")  # fmt: skip
    result = analyze(text, nlp=nlp)
    topics = sensitive_topics(result.tokens, entities=result.entities).set_index("topic")
    assert {"abducted", "kidnappers"} <= set(topics.loc["violence and crime", "words"])
    notes = article_notes(result, {"found": [], "paragraphs": [{"sentences": [{"number": i} for i in range(1, 4)]}], "words": []})
    assert "that day" not in notes["relative_dates"] and not any("of the year" in d for d in notes["relative_dates"])


def test_the_lesson_plan_says_how_the_story_opens_and_whom_it_rests_on(seed):
    # A fourth blind teacher review: the lesson plan gave no background to the story.
    material = {"found": [], "paragraphs": [{"sentences": [{"number": 1}]}], "words": []}
    notes = article_notes(seed, material)
    story = notes["story"]
    assert story["lead"].startswith("The deployment of North Korean forces")
    assert story["named"][0] == ["Vladimir Putin", 11]
    claims = story["claims"]
    assert claims["total"] == len(seed.body_sentences.dropna(subset=["status"]))
    assert claims["named"] + claims["writer"] + claims["nameless"] + claims["media"] == claims["total"]
    assert story["resting"][0][0] == "Vladimir Putin"
    page = lesson_plan_html({"title": "t", "cards": [], "tasks": [], "notes": notes})
    assert "<b>The story</b> opens: \u201cThe deployment" in page and "Vladimir Putin (11 times)" in page


#: A fifth blind teacher review (bbc politics/180, the Mental Capacity Bill).
BILL_TEXT = ("Bill concessions\n\nCritics claim the bill would allow euthanasia through the back door. "
             "The law was set when a court ruled doctors could withdraw feeding from coma victim Tony Bland.")  # fmt: skip


@pytest.mark.parametrize("text, topic, word", [
    (BILL_TEXT, "end of life and euthanasia", "euthanasia"),
    (BILL_TEXT, "illness and disaster", "coma"),
    # A sixth blind teacher review: a Nazi uniform (bbc politics/120) and pornographic
    # images (tech/210) were no listed topic; a proper noun alone is the topic itself.
    ("Harry photo\n\nA photograph of Prince Harry in a Nazi uniform with a swastika armband appeared.", "racism and hate", "nazi"),
    ("Harry photo\n\nHe is due to visit Auschwitz for the Holocaust memorial.", "war crimes and genocide", "holocaust"),
    ("Virus\n\nThe messages promise pornographic videos and images.", "sexual content", "pornographic"),
])  # fmt: skip
def test_topics_a_teacher_must_be_told_of_are_found(nlp, text, topic, word):
    topics = sensitive_topics(analyze(text, nlp=nlp).tokens).set_index("topic")
    assert word in topics.loc[topic, "words"]


def test_a_topic_word_inside_a_title_with_joining_words_is_another_use(nlp):
    # "Mack the Knife" (bbc entertainment/071), "House of the Dead" (tech/345), "War on Want" (politics/385).
    text = ("Titles\n\nHe sang Mack the Knife and played House of the Dead before joining War on Want as a volunteer.")
    topics = sensitive_topics(analyze(text, nlp=nlp).tokens)
    assert all(not row.words for row in topics.itertuples()), topics


VOICES = ("Election\n\nSix lobbies say what the election should be about. We've called for the state pension to be "
          "increased. I think the pension is too low. We have drawn up a manifesto for candidates. Our members want "
          "change. I believe most pensioners agree with us. We will ask every candidate to answer. The minister said "
          '"we are listening" to the groups.')


def test_a_text_in_the_first_person_is_flagged_and_gives_no_card(nlp):
    # BBC News politics/293 and politics/250 (blind teacher reviews): readers' comments and a
    # panel of lobbies whose names the text lost were given to the writer, on cards too.
    from analysis.classroom.exercises import claim_cards
    from analysis.classroom.notes import first_person_sentences

    result = analyze(VOICES, nlp=nlp)
    voices = first_person_sentences(result)
    assert voices["warn"] and len(voices["sentences"]) >= 5
    last = int(result.sentences["sent_id"].max())
    assert last not in voices["sentences"]  # "we are listening" is inside quotation marks
    cards = claim_cards(result)["sent_id"].tolist()
    first_person_subject = {2, 3, 4, 6, 7}
    assert not first_person_subject & set(cards)
    plan = lesson_plan_html({"title": "t", "cards": [], "tasks": [], "notes": {"first_person": voices}})
    assert "Whose voice?" in plan and "readers' comments" in plan


def test_a_news_report_in_the_third_person_is_not_flagged(seed):
    from analysis.classroom.notes import first_person_sentences

    assert first_person_sentences(seed) == {"sentences": [], "claims": first_person_sentences(seed)["claims"], "warn": False}


def test_in_a_text_of_many_voices_the_cards_come_from_the_reporters_lead_in(nlp):
    # BBC News entertainment/256 (a thirteenth blind teacher review): readers' comments
    # without "I" were keyed to the writer.
    from analysis.classroom.exercises import claim_cards
    from analysis.classroom.pages import answer_key_html

    text = ("Urban music\n\nJoss Stone beat Dizzee Rascal to win the best urban act award at the Brits on Wednesday. "
            "Her victory has reignited the debate about what urban music is, critics said.\n\n"
            "I'm not comfortable with the word urban.\n\nShe definitely deserved to win a prize, her albums are amazing.\n\n"
            "I think the label is lazy.\n\nWe need a better word for this music.\n\nUrban is a meaningless marketing term.\n\n"
            "I live in Brixton and I know what urban means.\n\nMy friends agree with the comments above.")
    result = analyze(text, nlp=nlp)
    assert set(claim_cards(result)["sent_id"]) <= {1, 2}
    key = {"title": "t", "points": {"best": 2, "accepted": 1}, "cards": [], "tasks": [],
           "notes": {"first_person": {"warn": True, "sentences": [3, 5, 6, 8, 9], "claims": 9}}}
    assert "Whose voice?" in answer_key_html(key)
