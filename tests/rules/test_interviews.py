"""An interview printed as questions and answers: each answer is the interviewee's words,
not the writer's. Shapes from PolNeAR train (USA Today 2016-05-06 and 2016-03-18, Politico
2016-02-19), shortened."""

from analysis import analyze

# usa-today 2016-05-06 "Immigration debate hits home for actress Diane Guerrero", shortened.
INTERVIEW = (
    "Immigration debate hits home for actress Diane Guerrero\n\n"
    "Actress Diane Guerrero has become a familiar figure to many through her television roles. "
    "Questions and answers have been edited for length and clarity.\n\n"
    "Q: You open your book on May 17, 2001. What did you find?\n\n"
    "A: I came home from school and my parents were gone. I knew what that meant.\n\n"
    "They were here undocumented. They overstayed their visas.\n\n"
    "Q: Did the Immigration service take care of you?\n\n"
    "A: No, no one came. I stayed with friends.\n\n"
    "The interview was conducted by phone."
)


def test_every_answer_rests_on_the_person_interviewed(nlp):
    result = analyze(INTERVIEW, nlp=nlp)
    answers = result.attributions[result.attributions["pattern"] == "interview_answer"]
    assert answers[["canonical_source", "source_type", "cue"]].values.tolist() == [["Diane Guerrero", "person", "A:"]] * 2
    sentences = result.sentences.set_index("sent_id")
    said = sentences[sentences["text"].str.contains("came home|what that meant|undocumented|overstayed|no one came|friends")]
    assert len(said) == 6
    assert (said["claim_source"] == "Diane Guerrero").all() and (said["status"] == "reported").all()
    # The questions are the interviewer's, and what follows the last answer is the writer's.
    writer = sentences[sentences["text"].str.contains("Immigration service|conducted by phone")]
    assert (writer["claim_source"] == "author").all()
    assert result.quotes["reason"].str.contains("interview printed as questions and answers").sum() == 2


def test_one_paragraph_opening_with_an_initial_is_no_interview(nlp):
    text = ("Council backs new library\n\nA. Patel, the council leader, said the library would open in May.\n\n"
            "Q: When will it open? The council did not say.")  # fmt: skip
    assert "interview_answer" not in set(analyze(text, nlp=nlp).attributions["pattern"])


def test_answers_with_nobody_named_before_the_questions_stay_as_they_are(nlp):
    text = ("What readers asked us\n\nQ: Is the bridge safe?\n\nA: Engineers inspected it in May.\n\n"
            "Q: When will it reopen?\n\nA: The council expects it to reopen in June.")  # fmt: skip
    assert "interview_answer" not in set(analyze(text, nlp=nlp).attributions["pattern"])


def test_a_name_the_model_did_not_tag_is_found_in_the_headline_and_introduction(nlp):
    """A saved page (Experience, the extraction benchmark): the small model tags no entity
    in "Introducing Junior Gaspard, New CEO at Experience"; the introduction repeats the
    name."""
    text = ("Introducing Junior Gaspard, New CEO at Experience\n\n"
            "Experience is thrilled to have Junior Gaspard, long time ExpApper, as our new President and CEO.\n\n"
            "Q: What are two words to describe how it felt?\n\n"
            "A: Inspired and humbled! I love this company.\n\n"
            "Q: How do you prioritize your day?\n\n"
            "A: I block time for meetings and separate time for emails.")  # fmt: skip
    answers = analyze(text, nlp=nlp).attributions.query("pattern == 'interview_answer'")
    assert answers["canonical_source"].tolist() == ["Junior Gaspard", "Junior Gaspard"]


# breitbart 2016-07-10 "OK Gov Fallin: Trump Is 'Trying To Campaign As A Racial Healer'"
# and west-journal 2016-03-29 (PolNeAR train), shortened: transcripts labelled by speaker.
TRANSCRIPT = (
    "Fallin says Trump is trying to heal\n\n"
    "On Sunday, Oklahoma Gov. Mary Fallin spoke about the police shootings.\n\n"
    "Partial transcript as follows:\n\n"
    "JAKE TAPPER: Do you think Donald Trump has campaigned as a racial healer?\n\n"
    "FALLIN: I think he is trying to campaign as a racial healer. That has been part of his message.\n\n"
    "And I think that is his intent.\n\n"
    "TAPPER: The campaign has been divisive.\n\n"
    "FALLIN: We all need to move towards being compassionate."
)


def test_a_transcripts_turns_rest_on_the_speakers_their_labels_name(nlp):
    result = analyze(TRANSCRIPT, nlp=nlp)
    turns = result.attributions.query("pattern == 'transcript_turn'")
    assert turns[["canonical_source", "source_type", "cue"]].values.tolist() == [
        ["Jake Tapper", "person", "JAKE TAPPER:"], ["Mary Fallin", "person", "FALLIN:"],
        ["Jake Tapper", "person", "TAPPER:"], ["Mary Fallin", "person", "FALLIN:"]]  # fmt: skip
    sentences = result.sentences.set_index("sent_id")
    said = sentences[sentences["text"].str.contains("trying to campaign|part of his message|his intent|compassionate")]
    assert len(said) == 4 and (said["claim_source"] == "Mary Fallin").all()
    # "I think" inside her turn is hers, not the writer's.
    thinks = result.attributions.query("cue == 'think' and source == 'I'")
    assert set(thinks["canonical_source"]) == {"Mary Fallin"}
    assert result.quotes["reason"].str.contains("turn of 'Mary Fallin' in the transcript").sum() == 2


def test_kickers_and_labels_that_name_nobody_are_no_speakers(nlp):
    text = ("Council backs new library\n\nUPDATE: The council voted on Monday.\n\n"
            "EXCLUSIVE: The library will open in May, Ms Patel said.\n\n"
            "UN: Aid will be sent to the region.\n\nEMAIL: news@example.com.")  # fmt: skip
    assert "transcript_turn" not in set(analyze(text, nlp=nlp).attributions["pattern"])
