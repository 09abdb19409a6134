"""Exercises: claim cards, checked answers with evidence, teacher keys, and the student and teacher copies."""


import pandas as pd

from analysis.classroom.exercises import (
    answer_key,
    blank_answers,
    check_answers,
    claim_cards,
    questions,
    read_teacher_key,
    score,
    worksheet_html,
)


FIELDS = ["card", "sent_id", "status", "source", "source_type", "cues"]


def test_claim_cards_cover_statuses_and_source_types(seed):
    cards = claim_cards(seed)
    body = seed.body_sentences.set_index("sent_id")
    statuses = set(body.loc[cards["sent_id"], "status"])
    types = set(body.loc[cards["sent_id"], "claim_source_type"])
    assert len(cards) == 6 and cards["sent_id"].is_monotonic_increasing
    assert set(seed.body_sentences["status"]) <= statuses  # every status in the article gets a card
    assert len(types) >= 4
    assert claim_cards(seed).equals(cards)  # deterministic


def test_questions_mark_what_the_tool_can_do():
    table = questions()
    assert set(table["tool_support"]) == {"answer", "evidence", "none"}
    lateral = table[table["task"] == "lateral reading"]
    assert lateral["tool_support"].tolist() == ["none"]  # the tool never pretends to read laterally


def test_the_keys_answers_get_full_marks(seed, bbc_analyses):
    for result in [seed, bbc_analyses["politics_001.txt"]]:
        answers = answer_key(result)[FIELDS]
        checked = check_answers(answers, result)
        assert score(checked) == 1.0 and set(checked["verdict"]) == {"correct"}


def test_a_wrong_answer_is_explained_with_evidence(seed):
    answers = answer_key(seed)[FIELDS].copy()
    hedged = answers.index[answers["status"] == "hedged"][0]
    answers.at[hedged, "status"] = "confirmed"
    checked = check_answers(answers, seed)
    row = checked[(checked["sent_id"] == answers.at[hedged, "sent_id"]) & (checked["field"] == "status")].iloc[0]
    assert row["verdict"] == "wrong"
    assert "'hedged'" in row["explanation"] and "Evidence:" in row["explanation"]
    assert "[" in row["explanation"] and ":" in row["explanation"]  # cue offsets are quoted


def test_defensible_alternatives_and_source_forms(seed):
    answers = answer_key(seed)[FIELDS].copy()
    unnamed = answers.index[answers["source_type"] == "unnamed"][0]
    answers.at[unnamed, "source_type"] = "anonymous"
    austin = answers.index[answers["source"] == "Lloyd Austin"][0]
    answers.at[austin, "source"] = "austin"  # the surname, lower case
    checked = check_answers(answers, seed)
    assert checked[(checked["field"] == "source_type") & (checked["verdict"] == "defensible")].shape[0] == 1
    source = checked[(checked["sent_id"] == answers.at[austin, "sent_id"]) & (checked["field"] == "source")].iloc[0]
    assert source["verdict"] == "correct"


def test_blank_answers_are_missing_not_wrong(seed):
    checked = check_answers(blank_answers(claim_cards(seed)), seed)
    assert set(checked[checked["field"] != "cues"]["verdict"]) == {"missing"}


def test_a_teacher_key_overrides_the_tool_and_keeps_its_evidence(seed, tmp_path):
    cards = claim_cards(seed)
    first = int(cards["sent_id"].iloc[0])
    key_path = tmp_path / "key.csv"
    pd.DataFrame({"sent_id": [first], "status": ["hedged"], "source": [""]}).to_csv(key_path, index=False)
    key = read_teacher_key(key_path)
    answers = answer_key(seed, cards)[FIELDS].copy()
    checked = check_answers(answers, seed, key=key)
    row = checked[(checked["sent_id"] == first) & (checked["field"] == "status")].iloc[0]
    assert row["expected"] == "hedged" and row["verdict"] == "wrong"
    assert "teacher's key" in row["explanation"] and "the tool says" in row["explanation"]
    answers.loc[answers["sent_id"] == first, "status"] = "hedged"
    assert check_answers(answers, seed, key=key).query("sent_id == @first and field == 'status'")["verdict"].iloc[0] == "correct"


def test_worksheet_has_no_answers_and_escapes_text(seed):
    page = worksheet_html(seed)
    key = answer_key(seed)
    for evidence in key["evidence"]:
        assert evidence not in page
    assert "<script" not in page.lower()


def test_the_card_instructions_are_the_vocabulary():
    from analysis.classroom.exercises import card_instructions
    from analysis.vocabulary import SOURCE_TYPE, STATUS

    text = card_instructions()
    for labels in (STATUS, SOURCE_TYPE):
        for name in labels:
            assert f"**{name}**: {labels.describe(name)}" in text
