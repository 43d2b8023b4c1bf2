"""Right and wrong answers to chapter 5's exercises, computed without xentlib."""

import math

import numpy as np


def _sigmoid(z):
    return 1 / (1 + math.exp(-z))


def _slope_stable(x):
    e = math.exp(-abs(x))
    return e / (1 + e) ** 2


def _slope_symmetric(x):
    return _sigmoid(x) * _sigmoid(-x)


def _slope_numpy(x):  # written with NumPy, as the exercise asks
    e = np.exp(-np.abs(x))
    return e / (1 + e) ** 2


def _slope_rounded(x):  # sigma (1 - sigma): 0 at x = 40, the chapter's pitfall
    s = _sigmoid(x)
    return s * (1 - s)


def _slope_value(x):  # the value instead of the slope
    return _sigmoid(x)


def _slope_no_square(x):  # forgot the square in the denominator
    e = math.exp(-abs(x))
    return e / (1 + e)


_s4 = _sigmoid(4)

# exercise: (right answers, wrong answers)
ANSWERS = {
    "5.1": ([1 - _sigmoid(2), 1 / (1 + math.exp(2)), 0.1192, 0.12], [_sigmoid(2), -_sigmoid(2), 0.5, 0.13]),
    "5.2": ([_s4 * (1 - _s4), 0.0177, 0.01766], [_s4, 0.25, math.exp(-4), 1 - _s4]),
    "5.3": (["b", "(b)", "B"], ["a", "c"]),
    "5.4": ([_slope_stable, _slope_symmetric, _slope_numpy], [_slope_rounded, _slope_value, _slope_no_square]),
}
