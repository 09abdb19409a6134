"""The tasks follow SIFT in order, name what to search, and keep model answers for the teacher."""

from analysis.classroom.tasks import SIFT_STEPS, STUDENT_FIELDS, exercise_tasks, student_tasks


def test_tasks_follow_sift_in_order_starting_with_stop(seed):
    tasks = exercise_tasks(seed)
    steps = [t["step"] for t in tasks]
    assert steps[0] == "Stop" and list(dict.fromkeys(steps)) == list(SIFT_STEPS)
    assert [t["id"] for t in tasks if t["auto_marked"]] == ["trace-cards"]
    assert len({t["id"] for t in tasks}) == len(tasks)


def test_lateral_reading_names_what_to_search_and_asks_for_web_addresses(seed):
    lateral = next(t for t in exercise_tasks(seed) if t["id"] == "investigate-2")
    assert "Lloyd Austin" in lateral["prompt"] and lateral["urls"]
    assert "cannot answer" in lateral["model_answer"][0]  # lateral reading is the student's work


def test_model_answers_come_from_the_article(seed):
    tasks = {t["id"]: t for t in exercise_tasks(seed)}
    assert any("refuse" in line for line in tasks["trace-5"]["model_answer"])
    assert any("special military operation" in line for line in tasks["trace-3"]["model_answer"])
    assert any("Sentence 19" in line for line in tasks["trace-2"]["model_answer"])


def test_the_students_tasks_hold_no_model_answer(seed):
    for task in student_tasks(exercise_tasks(seed)):
        assert set(task) == set(STUDENT_FIELDS)
