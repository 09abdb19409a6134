"""Same story? A similarity score of the bodies and what they share."""

from analysis import analyze, config
from analysis.comparing import compare


def test_two_reports_of_one_event_are_one_story_and_share_its_facts(comparison):
    assert comparison.same_story and comparison.similarity["similarity"].iloc[0] >= 0.25
    shared = comparison.shared
    assert "date" in set(shared["kind"])
    assert {"1974", "2009", "Tuesday"} <= set(shared["item"])


def test_another_story_is_said_to_be_one_and_still_shows_what_is_shared(nlp, samples):
    seed = analyze(config.SEED_ARTICLE, nlp=nlp)
    other = compare([seed, samples[0]])
    assert not other.same_story
    assert other.similarity["similarity"].iloc[0] < 0.25
