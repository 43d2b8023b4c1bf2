"""Checks for the exercises of chapter 4, Cross-entropy."""

import numpy as np

from .._i18n import N_
from . import Exercise


def multilabel_loss(y, y_hat):
    """Mean binary cross-entropy over the output nodes (exercise 4.4): NumPy only."""
    y, y_hat = np.asarray(y, dtype=float), np.asarray(y_hat, dtype=float)
    # each node's probability for its right answer: y_hat where the label is 1,
    # 1 - y_hat where it is 0 (a certain, right answer then costs -log 1 = 0)
    p_right = np.where(y == 1, y_hat, 1 - y_hat)
    return float(np.mean(-np.log(p_right)))


_LABELS = "[[0, 1, 0], [1, 0, 0]]"  # exercise 4.1's batch
_PREDICTIONS = "[[0.3, 0.6, 0.1], [0.3, 0.6, 0.1]]"

EXERCISES = {
    "4.1": Exercise(
        kind="number",
        answer=f"float(xl.cross_entropy({_LABELS}, {_PREDICTIONS}).mean())",
        unit=N_("nats"),
        hint=N_("in each example, which class is the true one, and what probability does the model "
                "give it? Only that number sets the example's loss; the batch loss is an average over "
                "the examples."),
        mistakes=(
            (
                f"float(xl.cross_entropy({_LABELS}, {_PREDICTIONS}).sum())",
                N_("that is the batch's total; the batch loss is the mean over its examples."),
            ),
            (
                f"float(xl.cross_entropy({_LABELS}, {_PREDICTIONS}).sum()) / 6",
                N_("you divided by the number of entries in the label arrays; the mean is over the "
                   "examples."),
            ),
            (
                f"float(xl.cross_entropy({_LABELS}, {_PREDICTIONS}, base=2).mean())",
                N_("that is in bits (log base 2); the question asks for nats, the natural logarithm."),
            ),
            (
                f"float(xl.cross_entropy({_LABELS}, {_PREDICTIONS}, base=10).mean())",
                N_("that uses the base-10 logarithm; nats are the natural logarithm."),
            ),
            (
                "float(xl.cross_entropy([0, 1, 0], [0.3, 0.6, 0.1]))",
                N_("that is the first example alone (or both read as class 2): the second example's "
                   "true class is a different one."),
            ),
            (
                "float(xl.cross_entropy([1, 0, 0], [0.3, 0.6, 0.1]))",
                N_("that is the second example alone; the batch loss covers both examples."),
            ),
        ),
    ),
    "4.2": Exercise(
        kind="number",
        answer="float(2 * xl.sigmoid(-6.0) * xl.sigmoid(6.0) ** 2 / (8 / 27))",
        rtol=0.02,  # the figure's readouts give 2 significant digits
        hint=N_("for label 1 the squared-error gradient is -2 (1 - y_hat)^2 y_hat. Where, as y_hat "
                "runs from 0 to 1, is its size largest? Compare its size at z = -6 with that."),
        mistakes=(
            (
                "float(2 * xl.sigmoid(-6.0) * xl.sigmoid(6.0))",
                N_("that compares the squared-error gradient with the cross-entropy gradient; their "
                   "ratio depends on the constant in front of each loss (the article's 1/2 would "
                   "change it). Compare the squared-error gradient with its own largest size."),
            ),
            (
                "float(1 / (2 * xl.sigmoid(-6.0) * xl.sigmoid(6.0)))",
                N_("that compares the two losses' gradients with each other, a ratio that depends "
                   "on the constant in front of each loss. Compare the squared-error gradient with "
                   "its own largest size."),
            ),
            (
                "float(2 * xl.sigmoid(-6.0) * xl.sigmoid(6.0) ** 2 / 0.25)",
                N_("is the squared-error gradient for label 1 largest at z = 0? Look at where the "
                   "solid orange curve on the right is lowest."),
            ),
            (
                "float(xl.sigmoid(-6.0) * xl.sigmoid(6.0) / 0.25)",
                N_("that is the sigmoid's slope compared with its own peak; the squared-error "
                   "gradient also carries the factor (y_hat - 1), which changes with z too."),
            ),
            (
                "float(100 * 2 * xl.sigmoid(-6.0) * xl.sigmoid(6.0) ** 2 / (8 / 27))",
                N_("give the fraction as a number between 0 and 1, not as a percentage."),
            ),
            (
                "float((8 / 27) / (2 * xl.sigmoid(-6.0) * xl.sigmoid(6.0) ** 2))",
                N_("that is the ratio the other way up: a fraction of the largest size is below 1."),
            ),
        ),
    ),
    "4.3": Exercise(
        kind="choice",
        answer="'c'",
        hint=N_("look at a term y_i log(y_hat_i) with y_i = 0: what does it cost to predict 0.99 there?"),
        mistakes=(
            (
                "'a'",
                N_("a loss near 0 says the loss is satisfied, not that the predictions are right: "
                   "is every label really present in every image?"),
            ),
            (
                "'b'",
                N_("outputs normalised to sum to 1 compete, so two labels that are both present "
                   "could not both be near 1; and look at what the loss charges for an absent label."),
            ),
        ),
    ),
    "4.4": Exercise(
        kind="function",
        answer="multilabel_loss",
        inputs=(
            (np.array([0, 1, 1]), np.array([0.1, 0.7, 0.8])),  # the frog and the mouse
            (np.array([1, 0]), np.array([0.5, 0.5])),
            (np.array([0, 1, 1]), np.array([0.999, 0.999, 0.999])),  # the lazy model of the pitfall
            (np.array([1, 0, 1, 0]), np.array([0.99, 0.2, 0.3, 0.01])),
            # certain and right: a sigmoid in float64 gives exactly 1.0 from z = 37 on,
            # and 0 * log(0) = nan in floating point
            (np.array([1, 0, 1, 0]), np.array([1.0, 0.0, 0.9, 0.2])),
        ),
        hint=N_("per node, the loss is -log of the probability the node gives to its right answer "
                "(y_hat when the label is 1, 1 - y_hat when it is 0); then the mean over the nodes. A "
                "certain, right answer (y_hat exactly 1 for a label 1) costs 0: make sure it does not "
                "give nan (0 * log 0)."),
    ),
}
