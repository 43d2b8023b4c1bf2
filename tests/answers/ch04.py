"""Right and wrong answers to chapter 4's exercises, computed without xentlib."""

import math

import numpy as np


def _sigmoid(z):
    return 1 / (1 + math.exp(-z))


def _multilabel_right(y, y_hat):
    y, y_hat = np.asarray(y, float), np.asarray(y_hat, float)
    return float(np.mean(-y * np.log(y_hat) - (1 - y) * np.log(1 - y_hat)))


def _multilabel_single_label_formula(y, y_hat):  # the pitfall of the chapter
    y, y_hat = np.asarray(y, float), np.asarray(y_hat, float)
    return float(np.mean(-y * np.log(y_hat)))


def _multilabel_sum(y, y_hat):  # summed instead of averaged
    return _multilabel_right(y, y_hat) * len(y)


_s = _sigmoid(-6)

# exercise: (right answers, wrong answers)
ANSWERS = {
    "4.1": ([(-math.log(0.6) - math.log(0.3)) / 2, 0.8574], [-math.log(0.6) - math.log(0.3), -math.log(0.6), 0.45]),
    "4.2": ([1 / (2 * _s * (1 - _s)), 203, 0.9975 / 0.0049], [1 / (_s * (1 - _s)), 1.0, 0.005, 101]),
    "4.3": (["b", "(b)"], ["a", "c"]),
    "4.4": ([_multilabel_right], [_multilabel_single_label_formula, _multilabel_sum]),
}
