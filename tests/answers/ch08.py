"""Right and wrong answers to chapter 8's exercises, computed without xentlib."""

import math

import numpy as np


def _xent_right(x, z):
    return max(x, 0.0) - x * z + math.log1p(math.exp(-abs(x)))


# (NumPy, so that the overflow gives inf rather than an exception)
def _xent_article(x, z):  # x - xz + log(1 + e^-x): inf at x = -1000
    with np.errstate(all="ignore"):
        return float(x - x * z + np.log(1.0 + np.exp(-np.float64(x))))


def _xent_no_abs(x, z):  # the max, but exp(-x) instead of exp(-|x|): overflows
    with np.errstate(all="ignore"):
        return float(max(x, 0.0) - x * z + np.log1p(np.exp(-np.float64(x))))


def _xent_from_probability(x, z):  # through the sigmoid: log(0) at x = 1000, z = 0
    with np.errstate(all="ignore"):
        p = 1.0 / (1.0 + np.exp(-np.float64(x)))
        return float(-z * np.log(p) - (1.0 - z) * np.log(1.0 - p))


_S = [1.0, 2.0, 3.0]
_lse = math.log(sum(math.exp(v) for v in _S))
_loss = _lse - _S[1]
_grad = 1.0 / (1.0 + math.exp(-2.0)) - 1.0

# exercise: (right answers, wrong answers)
ANSWERS = {
    "8.1": ([_loss, 1.4076], [_lse - _S[0], _lse - _S[2], _loss / math.log(2), math.exp(_S[1] - _lse)]),
    "8.2": ([_grad, -0.1192], [-_grad, 1.0 / (1.0 + math.exp(-2.0)), (_grad + 1.0) * -_grad]),
    "8.3": (["b", "(b)", "B"], ["a", "c"]),
    "8.4": ([_xent_right], [_xent_article, _xent_no_abs, _xent_from_probability]),
}
