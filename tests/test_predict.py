"""Predict, then reveal: grading (lab.predict) and the prompt's two reactions on a page (ui.predict)."""
import pytest
from hypothesis import given, strategies as st_

from lab.predict import Question, grade, show


def test_number_guess_right_and_wrong():
    q = Question("t", "What size?", answer=7, why="because")
    assert grade(q, 7).correct and grade(q, "7").correct
    v = grade(q, 6)
    assert not v.correct and v.message == "Not quite: you said 6; the answer is 7."
    assert not grade(q, None).correct and not grade(q, "x").correct


@given(st_.frozensets(st_.integers(0, 20)), st_.frozensets(st_.integers(0, 20)))
def test_cells_are_right_exactly_when_the_sets_are_equal(answer, guess):
    q = Question("c", "Which cells?", answer=answer, kind="cells", choices=tuple(range(21)))
    assert grade(q, guess).correct == (guess == answer)


def test_choice_and_yesno_use_labels():
    q = Question("f", "Who accepts it?", answer="torch", kind="choice", choices=("tf", "torch"))
    assert grade(q, "tf", {"tf": "TensorFlow", "torch": "PyTorch"}.get).message == \
        "Not quite: you said TensorFlow; the answer is PyTorch."
    assert show(True) == "yes" and show(frozenset()) == "none" and show(frozenset({3, 1})) == "{1, 3}"


def test_a_new_answer_changes_the_fingerprint():
    assert Question("t", "p", 7).fingerprint != Question("t", "p", 8).fingerprint
    with pytest.raises(ValueError):
        Question("t", "p", 1, kind="choice")
