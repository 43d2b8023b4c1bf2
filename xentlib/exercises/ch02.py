"""Checks for the exercises of chapter 2, Entropy."""

import numpy as np

from .._i18n import N_
from . import Exercise


def entropy_bits(counts):
    """Entropy, in bits, of the frequencies given by counts (exercise 2.4).

    ``counts`` is a sequence (list, tuple or 1-d NumPy array) of non-negative
    counts, not all 0; zero counts contribute 0 (the convention 0 log 0 = 0).
    """
    import xentlib as xl

    return float(xl.entropy(counts, normalize=True, base=2))


EXERCISES = {
    "2.1": Exercise(
        kind="number",
        answer="float(xl.entropy([1 / 2, 1 / 4, 1 / 8, 1 / 8], base=2))",
        unit=N_("bits"),
        hint=N_("weight each outcome's information -log2 p by its probability p and add up, or "
                "pass the four probabilities to xl.entropy; bits need base 2."),
        mistakes=(
            (
                "float(xl.entropy([1 / 2, 1 / 4, 1 / 8, 1 / 8]))",
                N_("that is the entropy in nats (natural logarithm); the question asks for bits."),
            ),
            (
                "float(np.log2(4))",
                N_("that would be the entropy if the four kinds of weather were equally likely; "
                   "weight each outcome's information by its own probability."),
            ),
            (
                "float(np.sum(xl.information([1 / 2, 1 / 4, 1 / 8, 1 / 8], base=2)))",
                N_("that is the sum of the four outcomes' information, unweighted; entropy is their "
                   "average, each weighted by how often it occurs."),
            ),
        ),
    ),
    "2.2": Exercise(
        kind="number",
        answer="float(xl.binary_entropy(0.9, base=2))",
        unit=N_("bits"),
        hint=N_("move the slider to p = 0.900 (or 0.100: the curve is symmetric) and read the "
                "value in bits on the line under the figure, not the one in nats."),
        mistakes=(
            (
                "float(xl.binary_entropy(0.9))",
                N_("that is the value in nats (the left axis); the question asks for bits."),
            ),
            (
                "float(xl.information(0.9, base=2))",
                N_("that is the information of heads alone; entropy averages over heads and tails."),
            ),
            (
                "float(xl.information(0.1, base=2))",
                N_("that is the information of tails alone; entropy averages over heads and tails."),
            ),
        ),
    ),
    "2.3": Exercise(
        kind="choice",
        answer="'a'",
        hint=N_("what is p log p when p tends to 0? An outcome that never happens is never "
                "received, so how much can it add to the average?"),
        mistakes=(
            (
                "'b'",
                N_("a distribution may give an outcome probability 0 (a die that never shows 7); "
                   "what does such an outcome add to the average?"),
            ),
            (
                "'c'",
                N_("the outcome's information is infinite, but its weight is 0: how often do you "
                   "receive that information? And NumPy writes an infinity as inf, not nan."),
            ),
        ),
    ),
    "2.4": Exercise(
        kind="function",
        answer="entropy_bits",
        inputs=(
            ((35, 10, 5),),
            ([1, 1],),
            (np.array([0, 3, 1]),),
            ((2, 0, 2, 4),),
            (np.array([0, 0, 7]),),
            ([5, 5, 5, 5, 5, 5],),
            (np.array([1_000_000, 1]),),
        ),
        hint=N_("divide the counts by their total to get probabilities, use log base 2, and let "
                "zero counts contribute 0 (xl.entropy has a normalize option)."),
    ),
}
