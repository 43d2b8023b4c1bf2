"""Checks for the exercises of chapter 9, Cross-entropy in practice."""

import numpy as np

from .._i18n import N_
from . import Exercise


def ece(labels, probs, n_bins):
    """The expected calibration error, top label, equal-width bins (exercise 9.4)."""
    import xentlib as xl

    return float(xl.expected_calibration_error(labels, probs, n_bins))


EXERCISES = {
    "9.1": Exercise(
        kind="number",
        answer="float(np.exp(0.25))",
        hint=N_("the perplexity undoes the logarithm in the loss. Which logarithm gives a loss in nats?"),
        mistakes=(
            ("float(2 ** 0.25)", N_("that is 2 to the power of the loss; the loss is in nats, so use e.")),
            ("float(np.log(0.25))", N_("the perplexity undoes the log: raise e to the power of the loss.")),
            ("float(np.exp(-0.25))", N_("check the sign: the perplexity is at least 1, e to the power of +loss.")),
        ),
    ),
    "9.2": Exercise(
        kind="number",
        answer="float(xl.entropy([0.84, 0.04, 0.04, 0.04, 0.04]))",
        unit=N_("nats"),
        hint=N_("write the smoothed target for K = 5 first: what does the true class get, and each "
                "other class? Then recall where the smoothed loss is smallest, and what it is there."),
        mistakes=(
            (
                "float(xl.entropy([0.8, 0.05, 0.05, 0.05, 0.05]))",
                N_("the true class keeps 1 - ε and also gets its share ε/K, like every class."),
            ),
            (
                "float(xl.entropy([0.84, 0.04, 0.04, 0.04, 0.04], base=2))",
                N_("that is in bits; the exercise asks for nats (natural log)."),
            ),
            (
                "float(-np.log(0.84))",
                N_("that is the loss of the true class alone; the smoothed target has weight on "
                   "the other classes too, and each adds to the loss."),
            ),
        ),
    ),
    "9.3": Exercise(
        kind="choice",
        answer="'a'",
        hint=N_("which change keeps the order of the logits (and so every prediction), and in "
                "which direction must the predictions move to be less confident?"),
        mistakes=(
            ("'b'", N_("dividing by T < 1 makes the logits larger: the predictions get more confident.")),
            (
                "'c'",
                N_("class weights move the decision thresholds, so predictions (and the accuracy) "
                   "change, and the outputs are no longer calibrated probabilities."),
            ),
        ),
    ),
    "9.4": Exercise(
        kind="function",
        answer="ece",
        inputs=(
            ([0, 1, 1], [[0.9, 0.1], [0.6, 0.4], [0.3, 0.7]], 5),
            ([0, 0, 1, 2], [[0.5, 0.3, 0.2], [0.8, 0.1, 0.1], [0.25, 0.5, 0.25], [0.6, 0.2, 0.2]], 2),
            ([0, 1, 0, 0, 1], [[0.95, 0.05], [0.9, 0.1], [0.55, 0.45], [0.4, 0.6], [0.3, 0.7]], 4),
            (
                [2, 0, 1, 1, 0, 2],
                np.array([[0.1, 0.2, 0.7], [0.6, 0.3, 0.1], [0.3, 0.4, 0.3],
                          [0.2, 0.7, 0.1], [0.34, 0.33, 0.33], [0.9, 0.05, 0.05]]),
                10,
            ),
        ),
        hint=N_("per example: the confidence is the largest probability, and it is right when its "
                "argmax is the label. Check the bin edges ((m-1)/M, m/M], that each bin's gap is "
                "|accuracy - mean confidence|, and that the gaps are weighted by the bins' shares."),
    ),
}
