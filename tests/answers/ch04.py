"""Right and wrong answers to chapter 4's exercises, computed without xentlib."""

import math

import numpy as np


def _sigmoid(z):
    return 1 / (1 + math.exp(-z))


def multilabel_loss(y, y_hat):
    """Mean binary cross-entropy over the output nodes (exercise 4.4): NumPy only."""
    y, y_hat = np.asarray(y, dtype=float), np.asarray(y_hat, dtype=float)
    # each node's probability for its right answer: y_hat where the label is 1,
    # 1 - y_hat where it is 0 (a certain, right answer then costs -log 1 = 0)
    p_right = np.where(y == 1, y_hat, 1 - y_hat)
    return float(np.mean(-np.log(p_right)))


def _multilabel_log1p(y, y_hat):  # also right: 0/1 labels picked with a mask, log1p for 1 - y_hat
    y, y_hat = np.asarray(y, dtype=float), np.asarray(y_hat, dtype=float)
    per_node = np.empty_like(y_hat)
    yes = y == 1
    per_node[yes] = -np.log(y_hat[yes])
    per_node[~yes] = -np.log1p(-y_hat[~yes])
    return float(per_node.mean())


def _multilabel_naive(y, y_hat):  # the textbook formula: 0 * log(0) = nan for a certain, right node
    y, y_hat = np.asarray(y, dtype=float), np.asarray(y_hat, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.mean(-y * np.log(y_hat) - (1 - y) * np.log(1 - y_hat)))


def _multilabel_single_label_formula(y, y_hat):  # the pitfall of the chapter
    y, y_hat = np.asarray(y, dtype=float), np.asarray(y_hat, dtype=float)
    with np.errstate(divide="ignore"):
        return float(-np.sum(y * np.log(np.where(y == 1, y_hat, 1.0))) / len(y))


def _multilabel_sum(y, y_hat):  # summed instead of averaged
    return multilabel_loss(y, y_hat) * len(y)


_s = _sigmoid(-6)  # y_hat at z = -6
_se_grad = 2 * _s * (1 - _s) ** 2  # size of the squared-error gradient there, label 1
_se_peak = 8 / 27  # its largest size: at y_hat = 1/3, i.e. z = -ln 2
_batch = [-math.log(0.6), -math.log(0.3)]  # exercise 4.1, per example

# exercise: (right answers, wrong answers)
ANSWERS = {
    "4.1": (
        [sum(_batch) / 2, 0.8574, 0.857, 0.86],
        [
            sum(_batch),  # sum, not mean
            sum(_batch) / 6,  # mean over the six entries
            sum(_batch) / 2 / math.log(2),  # bits
            sum(_batch) / 2 / math.log(10),  # base 10
            _batch[0],  # first example only
            _batch[1],  # second example only
            0.45,
        ],
    ),
    "4.2": (
        [_se_grad / _se_peak, 0.0166, 0.017, 0.01661, 0.0049 / 0.2926, 0.0049 / 0.2963],
        [
            2 * _s * (1 - _s),  # compared with the cross-entropy gradient
            1 / (2 * _s * (1 - _s)),  # the same, upside down (the old answer, 203)
            1 / (_s * (1 - _s)),  # with the article's 1/2 in front of the squared error
            _se_grad / 0.25,  # peak taken at z = 0
            _s * (1 - _s) / 0.25,  # the sigmoid's slope against its peak
            100 * _se_grad / _se_peak,  # a percentage
            _se_peak / _se_grad,  # upside down
            0.9975,  # the cross-entropy's fraction
        ],
    ),
    "4.3": (["c", "(c)", "C"], ["a", "b"]),
    "4.4": (
        [multilabel_loss, _multilabel_log1p],
        [_multilabel_naive, _multilabel_single_label_formula, _multilabel_sum],
    ),
}
