"""Right and wrong answers to chapter 3's exercises, computed without xentlib."""

import math

import numpy as np


def _kl_right(p, q):
    total = 0.0
    for pi, qi in zip(p, q):
        if pi == 0:
            continue  # 0 log 0 = 0
        if qi == 0:
            return math.inf  # an outcome p allows and q rules out
        total += pi * math.log(pi / qi)
    return total


def _kl_right_numpy(p, q):  # the chapter's solution
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    used = p > 0
    if np.any(q[used] == 0):
        return np.inf
    return np.sum(p[used] * np.log(p[used] / q[used]))


def _kl_textbook(p, q):  # the naive formula: nan where p has zeros
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    with np.errstate(all="ignore"):
        return np.sum(p * np.log(p / q))


def _kl_epsilon(p, q, eps=1e-12):  # "fixes" the zeros with an epsilon: finite where KL is inf
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    return np.sum((p + eps) * np.log((p + eps) / (q + eps)))


def _kl_swapped(p, q):  # the arguments the wrong way round
    return _kl_right(q, p)


def _kl_bits(p, q):  # base 2 instead of nats
    return _kl_right(p, q) / math.log(2)


def _kl_zero_for_inf(p, q):  # skips q = 0 terms instead of returning inf
    return sum(pi * math.log(pi / qi) for pi, qi in zip(p, q) if pi > 0 and qi > 0)


_KL_ARTICLE = -math.log(0.7)  # D_KL([1, 0, 0] || [0.7, 0.2, 0.1]), nats

# exercise: (right answers, wrong answers)
ANSWERS = {
    "3.1": (  # -log2 0.9 = 0.152003... bits
        [-math.log2(0.9), 0.15, 0.152, 0.1520, 0.15200],
        [
            -math.log(0.9),  # nats
            -math.log10(0.9),  # base 10
            math.log2(0.9),  # the sign: log(q/p)
            _KL_ARTICLE / math.log(2),  # the worked example's prediction
            math.inf,  # the reverse order
            0.9,
            0.1,
            0.16,
        ],
    ),
    "3.2": (  # -ln 0.3 = 1.2039... nats
        [-math.log(0.3), 1.2, 1.20, 1.204, 1.2040],
        [
            math.inf,  # the infinite order
            -math.log2(0.3),  # bits
            math.log(0.3),  # the sign: log(q/p)
            0.3 * math.log(0.3),  # the infinite order with its infinite term dropped
            _KL_ARTICLE,  # -ln 0.7: the wrong outcome's probability
            -math.log10(0.3),  # base 10
            0.0,
            0.3,
            1.3,
        ],
    ),
    "3.3": (["b", "B", "(b)", " b "], ["a", "c", "(a)", "C", "", "bc"]),
    "3.4": (
        [_kl_right, _kl_right_numpy],
        [_kl_textbook, _kl_epsilon, _kl_swapped, _kl_bits, _kl_zero_for_inf, lambda p, q: None],
    ),
}
