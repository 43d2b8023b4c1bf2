"""Right and wrong answers to chapter 5's exercises, computed without xentlib."""

import math

import numpy as np


def _sigmoid(z):  # the formula, fine for the moderate logits of 5.1 and 5.2
    return 1 / (1 + math.exp(-z))


def _sigmoid_stable(z):  # exp of -|z| only: no overflow at z = -1000
    e = math.exp(-abs(z))
    return 1 / (1 + e) if z >= 0 else e / (1 + e)


def _slope_stable(z):
    e = math.exp(-abs(z))
    return e / (1 + e) ** 2


def _slope_symmetric(z):  # sigma(z) sigma(-z), with a stable sigmoid
    return _sigmoid_stable(z) * _sigmoid_stable(-z)


def _slope_numpy(z):  # written with NumPy, as the exercise asks
    e = np.exp(-np.abs(z))
    return e / (1 + e) ** 2


def _slope_rounded(z):  # sigma (1 - sigma): 0 at z = 40, the chapter's pitfall
    s = _sigmoid_stable(z)
    return s * (1 - s)


def _slope_value(z):  # the value instead of the slope
    return _sigmoid_stable(z)


def _slope_no_square(z):  # forgot the square in the denominator
    e = math.exp(-abs(z))
    return e / (1 + e)


def _slope_naive(z):  # the textbook form: nan at z = -1000 (inf / inf)
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(-z)
        return e / (1 + e) ** 2


def _slope_naive_math(z):  # the same with math.exp: OverflowError at z = -1000
    e = math.exp(-z)
    return e / (1 + e) ** 2


def _slope_positive_form(z):  # e^z / (1 + e^z)^2: nan at z = +1000
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(z)
        return e / (1 + e) ** 2


_s4 = _sigmoid(4)

# exercise: (right answers, wrong answers)
ANSWERS = {
    "5.1": ([1 - _sigmoid(2), 1 / (1 + math.exp(2)), 0.1192, 0.12], [_sigmoid(2), -_sigmoid(2), 0.5, 0.13]),
    "5.2": ([_s4 * (1 - _s4), 0.0177, 0.01766, 0.018], [_s4, 0.25, math.exp(-4), 1 - _s4]),
    "5.3": (["a", "(a)", "A"], ["b", "c"]),
    "5.4": (
        [_slope_stable, _slope_symmetric, _slope_numpy],
        [_slope_rounded, _slope_value, _slope_no_square, _slope_naive, _slope_naive_math, _slope_positive_form],
    ),
}
