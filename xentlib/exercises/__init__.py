"""Self-checks for the book's exercises.

In a notebook, after working an exercise::

    from xentlib.exercises import check
    check("1.1", 2.585)          # -> "1.1: correct ..." or a hint

:func:`check` says right or wrong, with a hint when wrong, and never shows the
solution; :func:`solution` shows it when asked. Every expected answer is
*computed* from xentlib by the code shown in the solution (nothing is typed
in by hand), so the checker, the solution and the library cannot disagree.

Three kinds of exercise:

``number``
    A numeric answer, accepted within a relative tolerance (default 0.1 %,
    so values read off a figure to three or four digits pass).
``choice``
    One letter out of the options given in the exercise text.
``function``
    A function the reader writes; it is called on several inputs and
    compared with the reference implementation.

Examples
--------
>>> from xentlib.exercises import check, solution
>>> check("1.1", 2.585)
1.1: correct: 2.585 bits.
>>> check("1.1", 1.79)
1.1: not yet. Hint: bits mean base 2: pass base=2 to xl.information (1.79 is ln 6, in nats).
>>> bool(check("1.1", 2.585))
True
>>> check("1.1", ...)
1.1: no answer yet. Replace the ... with your answer and run the cell again.
"""

import math
from dataclasses import dataclass, field

import numpy as np

__all__ = ["check", "solution", "EXERCISES", "Verdict"]


@dataclass(frozen=True)
class Exercise:
    """One exercise: how to compute its answer, how to judge one, a hint."""

    kind: str  # "number", "choice" or "function"
    answer: str  # Python code computing the answer from xentlib (xl) and numpy (np)
    hint: str
    unit: str = ""
    rtol: float = 1e-3
    inputs: tuple = field(default_factory=tuple)  # arguments tried on a "function" answer

    def expected(self):
        """Evaluate ``answer`` (a constant string of this module, shown by :func:`solution`)."""
        import xentlib

        return eval(self.answer, {"np": np, "math": math, **_REFERENCES, "xl": xentlib})  # noqa: S307


def _load_chapters():
    """Every chapter's exercises: the EXERCISES dict of each module chNN in this package."""
    import importlib
    import pkgutil

    merged = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.name.startswith("ch"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        clash = set(merged) & set(module.EXERCISES)
        if clash:
            raise RuntimeError(f"exercises {sorted(clash)} are defined twice (again in {info.name})")
        merged.update(module.EXERCISES)
        # reference implementations that "function" answers name
        _REFERENCES.update(
            {name: f for name, f in vars(module).items() if callable(f) and getattr(f, "__module__", "") == module.__name__}
        )
    return merged


_REFERENCES = {}  # reference functions of "function" exercises, by name
EXERCISES = _load_chapters()


class Verdict:
    """The result of :func:`check`: shows as its message, is truthy when correct."""

    def __init__(self, correct, message):
        self.correct = correct
        self.message = message

    def __bool__(self):
        return self.correct

    def __repr__(self):
        return self.message

    _repr_pretty_ = lambda self, p, cycle: p.text(self.message)  # noqa: E731 (IPython display)


def _lookup(exercise):
    key = str(exercise)
    if key not in EXERCISES:
        known = ", ".join(sorted(EXERCISES))
        raise ValueError(f"exercise {key!r} is not known; the exercises with checks are {known}.")
    return key, EXERCISES[key]


def _fmt(x, unit=""):
    return f"{x:.4g}" + (f" {unit}" if unit else "")


def check(exercise, answer):
    """Check an answer to a book exercise: right, or wrong with a hint.

    Parameters
    ----------
    exercise : str
        The exercise number as printed in the book, e.g. ``"1.1"``.
    answer
        A number, a letter (``"a"``, ``"b"``, ...) or a function, as the
        exercise asks. ``...`` means "not answered yet".

    Returns
    -------
    Verdict
        Displays as a one-line message; ``bool(verdict)`` is True when correct.
    """
    key, ex = _lookup(exercise)
    if answer is ...:
        return Verdict(False, f"{key}: no answer yet. Replace the ... with your answer and run the cell again.")
    expected = ex.expected()
    if ex.kind == "number":
        try:
            value = float(answer)
        except (TypeError, ValueError):
            return Verdict(False, f"{key}: the answer should be a number, got {answer!r}.")
        if math.isclose(value, expected, rel_tol=ex.rtol, abs_tol=1e-12):
            return Verdict(True, f"{key}: correct: {_fmt(expected, ex.unit)}.")
        return Verdict(False, f"{key}: not yet. Hint: {ex.hint}")
    if ex.kind == "choice":
        if str(answer).strip().lower().strip("()") == expected:
            return Verdict(True, f"{key}: correct.")
        return Verdict(False, f"{key}: not yet. Hint: {ex.hint}")
    if not callable(answer):
        return Verdict(False, f"{key}: the answer should be a function (def ...), got {answer!r}.")
    for args in ex.inputs:
        try:
            got = answer(*args)
            if got is None:
                return Verdict(False, f"{key}: your function returned None for inputs {args}: finish it with a return statement.")
            got = float(got)
        except Exception as exc:  # a student's function may fail in any way
            return Verdict(False, f"{key}: your function raised {type(exc).__name__}: {exc} for inputs {args}.")
        want = expected(*args)
        if not math.isclose(got, want, rel_tol=ex.rtol):
            return Verdict(
                False, f"{key}: not yet: for inputs {args} your function gives {got:.4g}. Hint: {ex.hint}"
            )
    return Verdict(True, f"{key}: correct on all {len(ex.inputs)} test inputs.")


def solution(exercise):
    """Show how the expected answer to an exercise is computed, and its value."""
    key, ex = _lookup(exercise)
    if ex.kind == "function":
        import inspect

        return Verdict(True, f"{key}: a solution:\n\n{inspect.getsource(ex.expected())}")
    value = ex.expected()
    shown = _fmt(value, ex.unit) if ex.kind == "number" else repr(value)
    return Verdict(True, f"{key}: {ex.answer} = {shown}")
