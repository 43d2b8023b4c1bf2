"""Right and wrong answers to chapter 7's exercises, computed without xentlib."""

import math

import numpy as np

_PROBS = [0.01, 0.05, 0.4, 0.6, 0.3, 0.1, 0.5, 0.4, 0.06, 0.8]


def _count_right(probs, threshold):
    return int(np.sum(np.asarray(probs, float) > threshold))


def _count_at_least(probs, threshold):  # >= counts an output equal to the threshold
    return int(np.sum(np.asarray(probs, float) >= threshold))


def _count_below(probs, threshold):  # counts the labels that are not predicted
    return int(np.sum(np.asarray(probs, float) <= threshold))


def _count_argmax(probs, threshold):  # multi-class thinking: always one label
    return 1


_sig_sum = sum(1 / (1 + math.exp(-k)) for k in range(1, 11))
_softmax_top = math.exp(10) / sum(math.exp(k) for k in range(1, 11))

# exercise: (right answers, wrong answers)
ANSWERS = {
    "7.1": ([_sig_sum, 9.536], [1.0, 10.0, _softmax_top, 55.0]),
    "7.2": ([3, 3.0, sum(p > 0.45 for p in _PROBS)], [5, 6, 2, 7]),
    "7.3": (["b", "(b)", "B"], ["a", "c"]),
    "7.4": ([_count_right], [_count_at_least, _count_below, _count_argmax]),
}
