"""Right and wrong answers to chapter 8's exercises, computed without xentlib."""

import math

import numpy as np


def _xent_right(labels, logits):  # max(z, 0) - z y + log1p(exp(-|z|)), averaged
    z, y = np.asarray(logits, dtype=float), np.asarray(labels, dtype=float)
    return float(np.mean(np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-np.abs(z)))))


def _xent_logaddexp(labels, logits):  # y log(1 + e^-z) + (1 - y) log(1 + e^z), with logaddexp
    z, y = np.asarray(logits, dtype=float), np.asarray(labels, dtype=float)
    return float(np.mean(y * np.logaddexp(0.0, -z) + (1.0 - y) * np.logaddexp(0.0, z)))


def _xent_article(labels, logits):  # z - z y + log(1 + e^-z): inf at z = -1000
    z, y = np.asarray(logits, dtype=float), np.asarray(labels, dtype=float)
    with np.errstate(all="ignore"):
        return float(np.mean(z - z * y + np.log(1.0 + np.exp(-z))))


def _xent_no_abs(labels, logits):  # the max, but exp(-z) instead of exp(-|z|): overflows
    z, y = np.asarray(logits, dtype=float), np.asarray(labels, dtype=float)
    with np.errstate(all="ignore"):
        return float(np.mean(np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-z))))


def _xent_from_probability(labels, logits):  # through the sigmoid: log(0) at z = +-1000
    z, y = np.asarray(logits, dtype=float), np.asarray(labels, dtype=float)
    with np.errstate(all="ignore"):
        p = 1.0 / (1.0 + np.exp(-z))
        return float(np.mean(-y * np.log(p) - (1.0 - y) * np.log(1.0 - p)))


def _xent_sum(labels, logits):  # the sum over the entries instead of the mean
    return _xent_right(labels, logits) * np.size(logits)


def _xent_swapped(labels, logits):  # arguments read in TensorFlow's order reversed
    return _xent_right(logits, labels)


_Z = [1.0, 2.0, 3.0]
_lse = math.log(sum(math.exp(v) for v in _Z))
_loss = _lse - _Z[1]
_s2 = 1.0 / (1.0 + math.exp(-2.0))
_grad = _s2 - 1.0

# exercise: (right answers, wrong answers)
ANSWERS = {
    "8.1": (
        [_loss, 1.4076, 1.41],
        [_lse - _Z[0], _lse - _Z[2], _loss / math.log(2), math.exp(_Z[1] - _lse)],
    ),
    "8.2": (
        [_grad, -0.1192, -0.12],
        [-_grad, _s2, _s2 * (1.0 - _s2), math.log1p(math.exp(-2.0))],
    ),
    "8.3": (["a", "(a)", "A"], ["b", "c"]),
    "8.4": (
        [_xent_right, _xent_logaddexp],
        [_xent_article, _xent_no_abs, _xent_from_probability, _xent_sum, _xent_swapped],
    ),
}
