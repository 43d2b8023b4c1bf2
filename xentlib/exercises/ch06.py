"""Checks for the exercises of chapter 6, Softmax."""

import numpy as np

from .._i18n import N_
from . import Exercise


def stable_logsumexp(z):
    """log(sum(exp(z))) of a 1-d NumPy array of logits, without overflow (exercise 6.4).

    Taking out the largest logit m leaves exponents <= 0 (nothing overflows)
    and a sum between 1 and len(z) (its log is never log 0).
    """
    m = np.max(z)
    return float(m + np.log(np.sum(np.exp(z - m))))


EXERCISES = {
    "6.1": Exercise(
        kind="number",
        answer="float(xl.softmax([1.0, 2.0, 3.0])[2])",
        hint=N_("softmax exponentiates every logit first; a class's probability is its exponential's "
                "share of the sum of all the exponentials."),
        mistakes=(
            (
                "3 / 6",
                N_("that divides the logit by the sum of the logits. Softmax exponentiates first, so "
                   "that differences of logits become ratios of probabilities."),
            ),
            (
                "float(xl.softmax([1.0, 2.0, 3.0])[0])",
                N_("that is the probability of the first class (logit 1); the question asks for the "
                   "third (logit 3), the largest."),
            ),
        ),
    ),
    "6.2": Exercise(
        kind="number",
        answer="float(xl.entropy(xl.softmax(np.array([2.0, 3.0, 5.0, 6.0]) / 10)))",
        unit=N_("nats"),
        hint=N_("the temperature divides the logits (2, 3, 5, 6) before the softmax; read the entropy "
                "in the readout at T = 10, in nats."),
        mistakes=(
            (
                "float(np.log(4))",
                N_("that is log 4, the entropy of the uniform distribution, the limit as T grows. "
                   "At T = 10 the distribution is close to uniform, but not equal to it."),
            ),
            (
                "float(xl.entropy(xl.softmax(np.array([2.0, 3.0, 5.0, 6.0]))))",
                N_("that is the entropy at T = 1: divide the logits by T = 10 before the softmax."),
            ),
            (
                "float(xl.entropy(xl.softmax(np.array([2.0, 3.0, 5.0, 6.0]) / 10), base=2))",
                N_("that is the entropy in bits; the question asks for nats (natural logarithm)."),
            ),
        ),
    ),
    "6.3": Exercise(
        kind="choice",
        answer="'c'",
        hint=N_("after subtracting the maximum, can any exponent overflow? What is exp(-900) in "
                "float64, and what is its log?"),
        mistakes=(
            (
                "'a'",
                N_("after subtracting the maximum every exponent is <= 0, so nothing can overflow; "
                   "and an overflow would give nan (inf / inf), not inf."),
            ),
            (
                "'b'",
                N_("shift invariance is exact algebra: the shifted softmax is the same distribution. "
                   "Look at the smallest probabilities instead: what is exp(-900) in float64?"),
            ),
        ),
    ),
    "6.4": Exercise(
        kind="function",
        answer="stable_logsumexp",
        inputs=(
            (np.array([1.0, 2.0, 3.0]),),
            (np.array([1000.0, 1001.0]),),
            (np.array([-1000.0, -1000.0, -1000.0]),),
            (np.array([0.5, -2.0, 7.0, 3.0]),),
            (np.array([-1000.0, 0.0, 1000.0]),),
        ),
        hint=N_("np.exp overflows above about 709.78 and underflows to 0 below about -745, so the "
                "naive formula gives inf or log 0. Shift invariance helps: subtract a well-chosen "
                "number from every logit, and correct the result afterwards."),
    ),
}
