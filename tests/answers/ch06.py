"""Right and wrong answers to chapter 6's exercises, computed without xentlib."""

import math

import numpy as np


def _softmax(z):
    e = [math.exp(v - max(z)) for v in z]
    return [v / sum(e) for v in e]


def _entropy(p):
    return -sum(v * math.log(v) for v in p)


def _lse_right(z):
    m = z.max()
    return float(m + np.log(np.sum(np.exp(z - m))))


def _lse_log1p(z):  # the largest term taken out of the sum, as xentlib does
    k = np.argmax(z)
    rest = np.exp(np.delete(z, k) - z[k])
    return float(z[k] + np.log1p(rest.sum()))


def _lse_python(z):  # plain Python over the array's elements
    m = max(z)
    return m + math.log(sum(math.exp(v - m) for v in z))


def _lse_naive(z):  # the pitfall: overflows to inf (and log 0 = -inf)
    with np.errstate(all="ignore"):
        return float(np.log(np.sum(np.exp(np.asarray(z, float)))))


def _lse_max_only(z):  # keeps the maximum and forgets the sum
    return float(np.max(z))


def _lse_forgot_m(z):  # shifts but does not add the maximum back
    z = np.asarray(z, float)
    return float(np.log(np.sum(np.exp(z - z.max()))))


_third = math.exp(3) / (math.exp(1) + math.exp(2) + math.exp(3))
_h10 = _entropy(_softmax([0.2, 0.3, 0.5, 0.6]))

# exercise: (right answers, wrong answers)
ANSWERS = {
    "6.1": ([_third, 0.6652, 0.67], [3 / 6, math.exp(1) / (math.exp(1) + math.exp(2) + math.exp(3)), 1.0, 1 / 3]),
    "6.2": ([_h10, 1.3739, 1.37], [math.log(4), 1.39, _entropy(_softmax([2, 3, 5, 6])), _h10 / math.log(2)]),
    "6.3": (["c", "(c)", "C"], ["a", "b"]),
    "6.4": ([_lse_right, _lse_log1p, _lse_python], [_lse_naive, _lse_max_only, _lse_forgot_m]),
}
