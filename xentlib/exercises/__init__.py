"""Self-checks for the book's exercises.

In a notebook, after working an exercise::

    from xentlib.exercises import check
    check("1.1", 2.6)          # -> "1.1: correct ..." or a hint

:func:`check` says right or wrong, with a hint when wrong, and never shows the
solution; :func:`solution` shows it when asked. Every expected answer is
*computed* from xentlib by the code shown in the solution (nothing is typed
in by hand), so the checker, the solution and the library cannot disagree.

Three kinds of exercise:

``number``
    A numeric answer. It is accepted when it is within a relative tolerance of
    the expected value (default 0.1 %), or when it is the expected value
    correctly rounded to the digits given, with at least two significant
    digits (0.69 for ln 2 = 0.6931...). One significant digit, or a rounding
    that is one unit off, is "close": the reader is asked for more digits.
``choice``
    One letter out of the options given in the exercise text.
``function``
    A function the reader writes; it is called on several inputs (fresh
    copies each time) and compared with the reference implementation, within
    the relative tolerance or an absolute one of ``atol`` near zero.

An exercise may list typical ``mistakes``: the code of a wrong answer and the
hint for it (a value in nats where bits were asked, a sum instead of a mean,
a letter): an answer that matches one gets that hint instead of the general
one. No hint states the answer.

The verdicts and hints are shown in the reader's language (``XENT_LANG``, see
:mod:`xentlib._i18n`): the hints and units of the chapters' exercises are
English strings marked with ``N_()``, translated when :func:`check` shows them.

Examples
--------
>>> from xentlib.exercises import check
>>> check("1.1", ...)
1.1: no answer yet. Replace the ... with your answer and run the cell again.
>>> verdict = check("1.1", 1.0)
>>> bool(verdict), repr(verdict).startswith("1.1: not yet. Hint:")
(False, True)
"""

import copy
import math
from dataclasses import dataclass, field

import numpy as np

from .._i18n import _

__all__ = ["check", "solution", "agreement", "significant_digits", "EXERCISES", "Verdict"]


@dataclass(frozen=True)
class Exercise:
    """One exercise: how to compute its answer, how to judge one, a hint."""

    kind: str  # "number", "choice" or "function"
    answer: str  # Python code computing the answer from xentlib (xl) and numpy (np)
    hint: str  # English, marked with N_(): check() shows it translated
    unit: str = ""  # "bits" or "nats", marked with N_(), shown translated
    rtol: float = 1e-3
    atol: float = 1e-9  # "function" answers: the absolute tolerance for values near 0
    inputs: tuple = field(default_factory=tuple)  # arguments tried on a "function" answer
    mistakes: tuple = field(default_factory=tuple)  # ((code of a wrong answer, its hint (N_()-marked)), ...)

    def expected(self):
        """Evaluate ``answer`` (a constant string of this module, shown by :func:`solution`)."""
        return _evaluate(self.answer)


def _evaluate(code):
    import xentlib

    return eval(code, {"np": np, "math": math, **_REFERENCES, "xl": xentlib})  # noqa: S307


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
    return f"{x:.4g}" + (f" {_(unit)}" if unit else "")


def significant_digits(value):
    """Significant digits of a number as written: 0.69 -> 2, 2.585 -> 4, 203 -> 3, 10 -> 1.

    A float is read in its shortest form (``repr``), which is how it was typed;
    trailing zeros of a whole number are not counted (10 and 200 have one).
    """
    text = repr(value) if isinstance(value, float) else str(value)
    mantissa = text.lower().split("e")[0].lstrip("+-")
    if mantissa.endswith(".0"):
        mantissa = mantissa[:-2]
    if "." not in mantissa:
        mantissa = mantissa.rstrip("0") or "0"
    return max(len(mantissa.replace(".", "").lstrip("0")), 1)


def agreement(value, expected, rtol=1e-3, given=None):
    """How a numeric answer compares with the expected one: "right", "close" or "wrong".

    Right: within ``rtol``, or the expected value correctly rounded to the
    significant digits given, when there are at least two. Close: that
    rounding with one digit, or one unit off in the last digit given. ``given``
    is the answer as the reader wrote it, for counting its digits (by default
    ``value`` itself).

    Examples
    --------
    >>> import math
    >>> agreement(0.69, math.log(2)), agreement(0.6931, math.log(2))
    ('right', 'right')
    >>> agreement(0.7, math.log(2)), agreement(0.68, math.log(2)), agreement(0.5, math.log(2))
    ('close', 'close', 'wrong')
    """
    if math.isclose(value, expected, rel_tol=rtol, abs_tol=1e-12):
        return "right"
    digits = significant_digits(value if given is None else given)
    rounded = float(f"{expected:.{digits}g}")
    unit = 10.0 ** (math.floor(math.log10(abs(rounded))) - digits + 1) if rounded else 0.0
    error = abs(value - rounded)
    if error <= 1e-9 * unit:  # value is the expected value, rounded to its digits
        return "right" if digits >= 2 else "close"
    if error <= unit * (1 + 1e-9) and digits >= 2:
        return "close"
    return "wrong"


def _mistake_hint(ex, answer_value, given):
    """The hint of the first listed mistake that the answer matches (translated), or None."""
    for code, hint in ex.mistakes:
        wrong = _evaluate(code)
        if ex.kind == "choice":
            if answer_value == wrong:
                return _(hint)
        elif agreement(answer_value, float(wrong), ex.rtol, given) == "right":
            return _(hint)
    return None


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
        return Verdict(
            False, _("{key}: no answer yet. Replace the ... with your answer and run the cell again.").format(key=key)
        )
    expected = ex.expected()
    not_yet = _("{key}: not yet. Hint: {hint}")
    if ex.kind == "number":
        try:
            value = float(answer)
        except (TypeError, ValueError):
            message = _("{key}: the answer should be a number, got {answer!r}.")
            return Verdict(False, message.format(key=key, answer=answer))
        if not math.isfinite(value):
            message = _("{key}: the answer should be a finite number, got {value}.")
            return Verdict(False, message.format(key=key, value=value))
        verdict = agreement(value, expected, ex.rtol, answer)
        if verdict == "right":
            return Verdict(True, _("{key}: correct: {value}.").format(key=key, value=_fmt(expected, ex.unit)))
        hint = _mistake_hint(ex, value, answer)
        if hint:
            return Verdict(False, not_yet.format(key=key, hint=hint))
        if verdict == "close":
            return Verdict(
                False,
                _(
                    "{key}: close: your answer is near the right value, but not to the digits "
                    "you gave. Give at least two significant digits, rounded correctly."
                ).format(key=key),
            )
        return Verdict(False, not_yet.format(key=key, hint=_(ex.hint)))
    if ex.kind == "choice":
        letter = str(answer).strip().lower().strip("()")
        if letter == expected:
            return Verdict(True, _("{key}: correct.").format(key=key))
        return Verdict(False, not_yet.format(key=key, hint=_mistake_hint(ex, letter, letter) or _(ex.hint)))
    if not callable(answer):
        return Verdict(
            False, _("{key}: the answer should be a function (def ...), got {answer!r}.").format(key=key, answer=answer)
        )
    for args in ex.inputs:
        try:
            got = answer(*copy.deepcopy(args))  # a fresh copy: the function may modify its input
            if got is None:
                message = _("{key}: your function returned None for inputs {args}: finish it with a return statement.")
                return Verdict(False, message.format(key=key, args=args))
            got = float(got)
        except Exception as exc:  # a student's function may fail in any way
            return Verdict(
                False,
                _("{key}: your function raised {error}: {exc} for inputs {args}.").format(
                    key=key, error=type(exc).__name__, exc=exc, args=args
                ),
            )
        want = expected(*copy.deepcopy(args))
        if not math.isclose(got, want, rel_tol=ex.rtol, abs_tol=ex.atol):
            return Verdict(
                False,
                _("{key}: not yet: for inputs {args} your function gives {got:.4g}. Hint: {hint}").format(
                    key=key, args=args, got=got, hint=_(ex.hint)
                ),
            )
    return Verdict(True, _("{key}: correct on all {n} test inputs.").format(key=key, n=len(ex.inputs)))


def solution(exercise):
    """Show how the expected answer to an exercise is computed, and its value."""
    key, ex = _lookup(exercise)
    if ex.kind == "function":
        import inspect

        return Verdict(True, _("{key}: a solution:").format(key=key) + f"\n\n{inspect.getsource(ex.expected())}")
    value = ex.expected()
    shown = _fmt(value, ex.unit) if ex.kind == "number" else repr(value)
    return Verdict(True, _("{key}: {code} = {value}").format(key=key, code=ex.answer, value=shown))
