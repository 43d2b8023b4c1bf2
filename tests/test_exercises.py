"""The exercise checker: a right and a wrong answer for every exercise, and a
check for every exercise in the chapters (and an exercise for every check).

The right answers here are computed independently of xentlib (math.log2 and
friends), so a slip in an exercise's registered answer fails these tests.
"""

import json
import re
from pathlib import Path

import pytest

from xentlib.exercises import EXERCISES, check, solution

ROOT = Path(__file__).resolve().parent.parent


def _load_answers():
    """ANSWERS of every tests/answers/chNN.py: exercise -> (right answers, wrong answers)."""
    import importlib.util

    merged = {}
    for path in sorted((Path(__file__).parent / "answers").glob("ch*.py")):
        spec = importlib.util.spec_from_file_location(f"answers_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        merged.update(module.ANSWERS)
    return merged


ANSWERS = _load_answers()


def test_every_check_has_answers_here():
    assert set(ANSWERS) == set(EXERCISES)


@pytest.mark.parametrize("exercise", sorted(EXERCISES))
def test_right_answers_pass(exercise):
    for answer in ANSWERS[exercise][0]:
        verdict = check(exercise, answer)
        assert verdict, f"{exercise}: right answer {answer!r} rejected: {verdict!r}"
        assert repr(verdict).startswith(f"{exercise}: correct")


@pytest.mark.parametrize("exercise", sorted(EXERCISES))
def test_wrong_answers_fail_with_a_hint_and_no_solution(exercise):
    expected = EXERCISES[exercise].expected()
    for answer in ANSWERS[exercise][1]:
        verdict = check(exercise, answer)
        assert not verdict, f"{exercise}: wrong answer {answer!r} accepted"
        message = repr(verdict)
        assert message.startswith(f"{exercise}: ")
        assert "Hint" in message or "should be" in message or "None" in message, message
        if isinstance(expected, float):
            assert f"{expected:.3f}" not in message, f"{exercise}: the hint gives the answer away"


@pytest.mark.parametrize("exercise", sorted(EXERCISES))
def test_unanswered_exercise_says_so(exercise):
    verdict = check(exercise, ...)
    assert not verdict and "no answer yet" in repr(verdict)


def test_solution_shows_the_computation_and_value():
    assert repr(solution("1.1")) == "1.1: float(xl.information(1 / 6, base=2)) = 2.585 bits"
    assert "def secret_bits(n_symbols, length)" in repr(solution("1.4"))


def test_unknown_exercise_is_a_clear_error():
    with pytest.raises(ValueError, match=r"exercise '9\.9' is not known; the exercises with checks are 1\.1"):
        check("9.9", 1.0)


def _chapter_exercises():
    """(chapter file, exercise label, exercise number as printed) for every {exercise}."""
    found = []
    for nb_path in sorted((ROOT / "chapters").glob("*.ipynb")):
        chapter = int(nb_path.name[:2])
        nb = json.loads(nb_path.read_text())
        text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
        labels = re.findall(r"```\{exercise\}[^\n]*\n:label: (ex-(\d+)-(\d+))", text)
        for label, ch, k in labels:
            assert int(ch) == chapter, f"{nb_path.name}: label {label} is not of chapter {chapter}"
            found.append((nb_path.name, label, f"{int(ch)}.{int(k)}"))
    return found


def test_every_exercise_in_the_chapters_has_a_check_and_vice_versa():
    in_chapters = {number for _, _, number in _chapter_exercises()}
    assert in_chapters, "no exercises found in the chapters"
    assert in_chapters == set(EXERCISES)


def test_every_exercise_has_a_check_cell_and_a_hidden_solution():
    for nb_path in sorted((ROOT / "chapters").glob("*.ipynb")):
        nb = json.loads(nb_path.read_text())
        code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
        text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
        for name, label, number in _chapter_exercises():
            if name != nb_path.name:
                continue
            assert f'check("{number}"' in code, f"{name}: exercise {number} has no check cell"
            assert re.search(rf"```\{{solution-start\}} {label}\n:class: dropdown", text), (
                f"{name}: exercise {number} has no folded solution"
            )
