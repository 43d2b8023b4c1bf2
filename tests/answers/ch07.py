"""Right and wrong answers to chapter 7's exercises, computed without xentlib."""

import math

import numpy as np

_PROBS = [0.01, 0.05, 0.4, 0.6, 0.3, 0.1, 0.5, 0.4, 0.06, 0.8]


def _count_right(probs, threshold):
    return int(np.sum(np.asarray(probs, float) > threshold))


def _count_loop(probs, threshold):  # plain Python, works for lists and arrays alike
    return sum(1 for p in probs if p > threshold)


def _count_at_least(probs, threshold):  # >= counts an output equal to the threshold
    return int(np.sum(np.asarray(probs, float) >= threshold))


def _count_below(probs, threshold):  # counts the labels that are not predicted
    return int(np.sum(np.asarray(probs, float) <= threshold))


def _count_argmax(probs, threshold):  # multi-class thinking: always one label
    return 1


def _count_no_array(probs, threshold):  # the naive one-liner: a list > a float raises TypeError
    return int(np.sum(probs > threshold))


def _count_rounded(probs, threshold):  # rounds the outputs first: 1e-300 becomes 0 and drops out
    return int(np.sum(np.round(np.asarray(probs, float), 2) > threshold))


def _labels_not_count(probs, threshold):  # returns the predicted labels, not how many
    return np.flatnonzero(np.asarray(probs, float) > threshold)


def _sigmoid(z):
    return 1 / (1 + math.exp(-z))


_sig_sum = sum(_sigmoid(k) for k in range(1, 11))
_softmax_top = math.exp(10) / sum(math.exp(k) for k in range(1, 11))
_neg_sig_sum = sum(_sigmoid(-k) for k in range(1, 11))  # the sign in the exponent flipped

# exercise: (right answers, wrong answers)
ANSWERS = {
    "7.1": ([_sig_sum, 9.536, 9.54, 9.5], [1.0, 10.0, _softmax_top, _neg_sig_sum, 55.0, 9.4]),
    "7.2": ([2, 2.0, sum(p > 0.5 for p in _PROBS)], [3, 1, 5, 8, 0]),
    "7.3": (["b", "(b)", "B"], ["a", "c"]),
    "7.4": (
        [_count_right, _count_loop],
        [_count_at_least, _count_below, _count_argmax, _count_no_array, _count_rounded, _labels_not_count],
    ),
}
