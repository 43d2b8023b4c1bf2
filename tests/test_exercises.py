"""The exercise checker: a right and a wrong answer for every exercise, and a
check for every exercise in the chapters (and an exercise for every check).

The right answers here are computed independently of xentlib (math.log2 and
friends), so a slip in an exercise's registered answer fails these tests.
"""

import json
import math
import re
from pathlib import Path

import pytest

from xentlib.exercises import EXERCISES, agreement, check, significant_digits, solution

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
        assert re.match(rf"{re.escape(exercise)}: (not yet.*Hint: |close: |the answer should be |your function)", message), message
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


# --- the checker is fair: rounded right answers pass, hints do not give answers away ---

NUMBER_EXERCISES = sorted(k for k, ex in EXERCISES.items() if ex.kind == "number")
CHOICE_EXERCISES = sorted(k for k, ex in EXERCISES.items() if ex.kind == "choice")


@pytest.mark.parametrize("exercise", NUMBER_EXERCISES)
def test_correct_roundings_are_accepted(exercise):
    expected = EXERCISES[exercise].expected()
    for digits in (2, 3, 4, 6):
        typed = float(f"{expected:.{digits}g}")  # what a reader types after rounding by hand
        verdict = check(exercise, typed)
        assert verdict, f"{exercise}: {typed} ({digits} significant digits of {expected}) rejected: {verdict!r}"


@pytest.mark.parametrize("exercise", NUMBER_EXERCISES)
def test_one_digit_is_close_not_right(exercise):
    ex = EXERCISES[exercise]
    expected = ex.expected()
    typed = float(f"{expected:.1g}")
    verdict = check(exercise, typed)
    if abs(typed - expected) <= ex.rtol * abs(expected):  # e.g. 2 for exactly 2.0: right
        assert verdict, repr(verdict)
    else:
        assert not verdict
        assert re.match(rf"{re.escape(exercise)}: (close: |not yet)", repr(verdict)), repr(verdict)


def test_one_digit_case_is_exercised():
    """Most exercises reach the "close" branch of the test above."""
    reached = 0
    for exercise in NUMBER_EXERCISES:
        ex = EXERCISES[exercise]
        expected = ex.expected()
        reached += abs(float(f"{expected:.1g}") - expected) > ex.rtol * abs(expected)
    assert reached >= len(NUMBER_EXERCISES) - 2


@pytest.mark.parametrize(
    ("value", "expected", "verdict"),
    [
        (0.69, math.log(2), "right"),  # two digits, correctly rounded
        (0.6931, math.log(2), "right"),
        (0.693147, math.log(2), "right"),
        (2.58, math.log2(6), "right"),  # 2.58496...: rounded to 3 digits
        (2.585, math.log2(6), "right"),
        (0.7, math.log(2), "close"),  # one digit: give more
        (0.68, math.log(2), "close"),  # one unit off in the last digit
        (0.66, math.log(2), "wrong"),
        (1.79, math.log2(6), "wrong"),  # ln 6: nats, not bits
        (1.0, math.log(2), "wrong"),  # 1 bit is not 0.69 nats
        (10.0, 9.536, "close"),  # 10 has one significant digit
        (203.0, 202.7156, "right"),
        (200.0, 202.7156, "close"),
        (-0.0012, -0.001247, "right"),
        (-0.0013, -0.001247, "close"),
        (-0.00125, -0.001247, "right"),
        (0.0, 0.0, "right"),
    ],
)
def test_agreement_rules(value, expected, verdict):
    assert agreement(value, expected) == verdict


def test_significant_digits_as_typed():
    assert [significant_digits(v) for v in (0.69, 2.585, 203, 203.0, 10, 10.5, 1e-05, 0.0012)] == [
        2, 4, 3, 3, 1, 3, 1, 2,
    ]  # fmt: skip


def test_a_listed_mistake_gets_its_own_hint():
    mistaken = [(k, code, hint) for k, ex in EXERCISES.items() for code, hint in ex.mistakes]
    assert mistaken, "no exercise lists a typical mistake"
    for exercise, code, hint in mistaken:
        from xentlib.exercises import _evaluate

        verdict = check(exercise, _evaluate(code))
        assert not verdict and hint in repr(verdict), (exercise, code, repr(verdict))


def _answer_strings(expected):
    """The ways a hint could state a numeric answer: 2 to 4 significant digits, 2 to 4 decimals."""
    forms = {f"{expected:.{d}g}" for d in (2, 3, 4)} | {f"{expected:.{d}f}" for d in (2, 3, 4)}
    return {f for f in forms if len(f.lstrip("-").replace(".", "").strip("0")) >= 2}


@pytest.mark.parametrize("exercise", sorted(EXERCISES))
def test_no_hint_contains_the_answer(exercise):
    ex = EXERCISES[exercise]
    hints = [ex.hint] + [hint for _, hint in ex.mistakes]
    expected = ex.expected()
    if ex.kind == "number":
        for hint in hints:
            for form in _answer_strings(expected):
                assert not re.search(rf"(?<![\d.]){re.escape(form)}(?!\d)", hint), (
                    f"{exercise}: a hint states the answer ({form}): {hint}"
                )
    elif ex.kind == "choice":
        for hint in hints:
            assert not re.search(rf"\(\s*{expected}\s*\)|option {expected}\b", hint, re.I), (
                f"{exercise}: a hint names the right option: {hint}"
            )


def _choice_options():
    """{exercise: {letter: option text}} for every multiple-choice exercise in the chapters."""
    options = {}
    for nb_path in sorted((ROOT / "chapters").glob("*.ipynb")):
        nb = json.loads(nb_path.read_text())
        text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
        for block in re.findall(r"```\{exercise\}[^\n]*\n:label: ex-(\d+)-(\d+)\n(.*?)```", text, re.S):
            ch, k, body = block
            found = dict(re.findall(r"^- \*\*\(([a-e])\)\*\* (.*?)(?=^- \*\*\(|\Z)", body, re.S | re.M))
            if found:
                options[f"{int(ch)}.{int(k)}"] = {letter: " ".join(t.split()) for letter, t in found.items()}
    return options


def test_choice_exercises_have_their_options_in_the_text():
    options = _choice_options()
    assert set(options) == set(CHOICE_EXERCISES)
    for exercise, opts in options.items():
        assert EXERCISES[exercise].expected() in opts, f"{exercise}: the right letter is not an option"


def test_the_right_option_is_not_predictable():
    """Not always the same letter, not always the longest option."""
    options = _choice_options()
    letters = [EXERCISES[k].expected() for k in sorted(options)]
    assert len(set(letters)) >= 3, f"the right options are {letters}: vary their position"
    longest = sum(
        len(opts[EXERCISES[k].expected()]) == max(len(t) for t in opts.values()) for k, opts in options.items()
    )
    assert longest <= len(options) // 2, f"the right option is the longest in {longest} of {len(options)} exercises"
