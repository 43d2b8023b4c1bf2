"""Checks for the exercises of chapter 3, KL divergence."""

import numpy as np

from .._i18n import N_
from . import Exercise


def kl_nats(p, q):
    """KL divergence D_KL(p || q) in nats, zeros handled (exercise 3.4).

    The reference is xentlib's stable KL; the chapter's solution writes it by
    hand, selecting the outcomes with p > 0 before taking the logarithm.
    """
    import xentlib as xl

    return float(xl.kl_divergence(p, q))


_NEAR_P = [0.5, 0.25, 0.25]  # the chapter's nearly equal pair: KL = 2.6e-18
_NEAR_Q = [0.5 + 2**-30, 0.25 - 2**-30, 0.25]

EXERCISES = {
    "3.1": Exercise(
        kind="number",
        answer="float(xl.kl_divergence([1, 0, 0], [0.9, 0.05, 0.05], base=2))",
        unit=N_("bits"),
        hint=N_("with a one-hot label only one term of the sum is not 0: which one? And mind the "
                "unit the question asks for."),
        mistakes=(
            (
                "float(xl.kl_divergence([1, 0, 0], [0.9, 0.05, 0.05]))",
                N_("that is the divergence in nats (natural logarithm); the question asks for bits."),
            ),
            (
                "-float(xl.kl_divergence([1, 0, 0], [0.9, 0.05, 0.05], base=2))",
                N_("KL is never negative (Gibbs' inequality): inside the logarithm goes p_i / q_i, "
                   "the label's probability over the prediction's."),
            ),
            (
                "float(xl.kl_divergence([1, 0, 0], [0.7, 0.2, 0.1], base=2))",
                N_("that is the divergence of the worked example's prediction [0.7, 0.2, 0.1]; "
                   "this exercise has a new prediction."),
            ),
        ),
    ),
    "3.2": Exercise(
        kind="number",
        answer="float(xl.kl_divergence([1, 0], [0.3, 0.7]))",
        unit=N_("nats"),
        hint=N_("at q = 1 the prediction is Q = [1, 0]. The order with a term p log(p/0), p > 0, "
                "is the infinite one; write out the other order term by term (a term whose weight is "
                "0 counts 0)."),
        mistakes=(
            (
                "float(xl.kl_divergence([1, 0], [0.3, 0.7], base=2))",
                N_("that is the divergence in bits; the question asks for nats (natural logarithm)."),
            ),
            (
                "-float(xl.kl_divergence([1, 0], [0.3, 0.7]))",
                N_("KL is never negative (Gibbs' inequality): inside the logarithm goes the ratio "
                   "of the first distribution's probability to the second's."),
            ),
            (
                "0.3 * math.log(0.3)",
                N_("a term p log(p/0) with p > 0 is +infinity, not 0: that order is the infinite "
                   "one. The question asks for the other order."),
            ),
            (
                "-math.log(0.7)",
                N_("at q = 1 the prediction is certain of outcome 1, not outcome 2: check which of "
                   "P's two probabilities goes with it."),
            ),
        ),
    ),
    "3.3": Exercise(
        kind="choice",
        answer="'b'",
        hint=N_("can KL ever be negative (Gibbs' inequality)? And where are the zeros in the "
                "article's example: in p or in q?"),
        mistakes=(
            (
                "'a'",
                N_("Gibbs' inequality: KL is never negative, whatever the two distributions; and "
                   "the label [1, 0, 0] and the prediction [0.7, 0.2, 0.1] are not infinitely far "
                   "apart."),
            ),
            (
                "'c'",
                N_("look at the article's q = [0.7, 0.2, 0.1]: where are the zeros, and which "
                   "logarithm do they reach?"),
            ),
        ),
    ),
    "3.4": Exercise(
        kind="function",
        answer="kl_nats",
        inputs=(
            ([1, 0, 0], [0.7, 0.2, 0.1]),  # the article's example ...
            ([0.7, 0.2, 0.1], [1, 0, 0]),  # ... and its reverse: inf
            ([0.7, 0.2, 0.1], [1 / 3, 1 / 3, 1 / 3]),
            ([0.3, 0.7], [0.3, 0.7]),  # p = q: exactly 0
            ([0.5, 0.5, 0.0], [0.5, 0.5, 0.0]),  # p = q with a zero: 0, not 0/0 = nan
            (np.array(_NEAR_P), np.array(_NEAR_Q)),  # nearly equal: 2.6e-18 (atol covers noise)
            (np.array([0.25, 0.25, 0.5]), np.array([0.5, 0.5, 0.0])),  # q = 0 < p: inf
            (np.array([0.0, 0.5, 0.5]), np.array([0.5, 0.25, 0.25])),
        ),
        hint=N_("nats mean the natural logarithm. Terms with p_i = 0 must count 0, but log 0 "
                "followed by 0 * (-inf) gives nan: select the outcomes with p_i > 0 before taking "
                "the logarithm. An outcome with p_i > 0 = q_i makes the divergence infinite. Mind "
                "the order: p is the first argument."),
    ),
}
