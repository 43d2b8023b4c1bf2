"""Checks for the exercises of chapter 7, Multi-class vs multi-label classification."""

import numpy as np

from .._i18n import N_
from . import Exercise


def count_labels(probs, threshold):
    """How many outputs are strictly greater than the threshold (exercise 7.4).

    ``probs`` is a list or a 1-d NumPy array; outputs that have saturated to
    exactly 0.0 or 1.0 are counted like any other.
    """
    return int(np.sum(np.asarray(probs, dtype=float) > threshold))


_LOGITS = "np.arange(1.0, 11.0)"  # the article's logits 1, 2, ..., 10
_PROBS = "np.array([0.01, 0.05, 0.4, 0.6, 0.3, 0.1, 0.5, 0.4, 0.06, 0.8])"  # its assumed sigmoid outputs

EXERCISES = {
    "7.1": Exercise(
        kind="number",
        answer=f"float(xl.sigmoid({_LOGITS}).sum())",
        hint=N_("the sigmoid acts on each logit alone, and nothing divides the ten outputs by a common "
                "total: each one is between one half and 1 here, so the sum is between 5 and 10."),
        mistakes=(
            (
                f"float(xl.softmax({_LOGITS}).max())",
                N_("that is the largest softmax output of these logits: the exercise applies the sigmoid to "
                   "each logit on its own and adds all ten outputs."),
            ),
            (
                "1.0",
                N_("the softmax outputs add up to 1; sigmoid outputs are not normalised, so their sum is "
                   "whatever the ten values add up to."),
            ),
            (
                "10.0",
                N_("that is the number of labels, the sum if every output were exactly 1: each sigmoid "
                   "output is below 1, the first ones well below."),
            ),
            (
                f"float(xl.sigmoid(-{_LOGITS}).sum())",
                N_("a sum below 1 means outputs near 0: check the sign in the exponent; a positive logit "
                   "gives a sigmoid output above one half."),
            ),
            (
                f"float({_LOGITS}.sum())",
                N_("that is the sum of the logits themselves: apply the sigmoid to each logit first."),
            ),
        ),
    ),
    "7.2": Exercise(
        kind="number",
        answer=f"int(np.sum({_PROBS} > 0.5))",
        hint=N_("count the bars that stick out strictly above the dashed line at t = 0.5."),
        mistakes=(
            (
                f"int(np.sum({_PROBS} >= 0.5))",
                N_("one bar only reaches the line: its output equals t, and a label is predicted only when "
                   "its output is strictly greater than t."),
            ),
            (
                f"int(np.sum({_PROBS} > 0.5)) - 1",
                N_("one too few: if you numbered the predicted bars 0, 1, ..., as the labels are numbered, "
                   "the last number is one less than how many bars there are."),
            ),
            (
                f"int(np.sum({_PROBS} > 0.3))",
                N_("that is the count at the article's threshold 0.3: move the slider to 0.5 first."),
            ),
            (
                f"int(np.sum({_PROBS} <= 0.5))",
                N_("that counts the labels that are not predicted, the bars at or below the line."),
            ),
        ),
    ),
    "7.3": Exercise(
        kind="choice",
        answer="'b'",
        hint=N_("what do the softmax outputs add up to, and what would two outputs above 0.5 add up to?"),
        mistakes=(
            (
                "'a'",
                N_("raise both tags' logits together and their softmax outputs approach one half each from "
                   "below, never above: look at what the outputs must add up to."),
            ),
            (
                "'c'",
                N_("a higher threshold keeps fewer tags, not more: if two outputs cannot both pass 0.5, they "
                   "cannot both pass 0.9."),
            ),
        ),
    ),
    "7.4": Exercise(
        kind="function",
        answer="count_labels",
        inputs=(
            ([0.01, 0.05, 0.4, 0.6, 0.3, 0.1, 0.5, 0.4, 0.06, 0.8], 0.3),  # the article's, as a list
            (np.array([0.01, 0.05, 0.4, 0.6, 0.3, 0.1, 0.5, 0.4, 0.06, 0.8]), 0.5),  # an output equals t
            (np.array([0.0, 1.0, 0.5]), 0.5),  # sigmoid of logits -1000, 1000, 0: saturated outputs
            ([1.0, 1.0, 0.999], 1.0),  # saturated at 1: not greater than t = 1
            (np.array([0.0, 1e-300, 5e-324]), 0.0),  # tiny outputs are greater than 0; 0 itself is not
            ([0.9, 0.2, 0.7], 0.5),
        ),
        hint=N_("turn the outputs into a NumPy array (a list cannot be compared with a number), compare "
                "with > (not >=) and count the True values with np.sum; return one number."),
    ),
}
