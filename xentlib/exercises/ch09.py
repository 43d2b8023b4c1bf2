"""Checks for the exercises of chapter 9, Cross-entropy in practice."""

import numpy as np

from . import Exercise


def ece(labels, probs, n_bins):
    """The expected calibration error, top label, equal-width bins (exercise 9.4)."""
    import xentlib as xl

    return float(xl.expected_calibration_error(labels, probs, n_bins))


EXERCISES = {
    "9.1": Exercise(
        kind="number",
        answer="float(np.exp(0.25))",
        hint="the perplexity is e to the power of the loss in nats (the loss undoes a log).",
        mistakes=(
            ("float(2 ** 0.25)", "that is 2 to the power of the loss; the loss is in nats, so use e."),
            ("float(np.log(0.25))", "the perplexity undoes the log: raise e to the power of the loss."),
            ("float(np.exp(-0.25))", "check the sign: the perplexity is at least 1, e to the power of +loss."),
        ),
    ),
    "9.2": Exercise(
        kind="number",
        answer="float(xl.entropy([0.84, 0.04, 0.04, 0.04, 0.04]))",
        unit="nats",
        hint="the smoothed target puts 1 - ε + ε/K on the true class and ε/K on every other; "
        "the smallest loss is the entropy of that target, in nats.",
        mistakes=(
            (
                "float(xl.entropy([0.8, 0.05, 0.05, 0.05, 0.05]))",
                "the true class keeps 1 - ε and also gets its share ε/K, like every class.",
            ),
            (
                "float(xl.entropy([0.84, 0.04, 0.04, 0.04, 0.04], base=2))",
                "that is in bits; the exercise asks for nats (natural log).",
            ),
            (
                "float(-np.log(0.84))",
                "that is the loss of the true class alone; the smoothed target has weight on "
                "the other classes too, and each adds to the loss.",
            ),
        ),
    ),
    "9.3": Exercise(
        kind="choice",
        answer="'a'",
        hint="which change keeps the order of the logits (and so every prediction), and in "
        "which direction must the predictions move to be less confident?",
        mistakes=(
            ("'b'", "dividing by T < 1 makes the logits larger: the predictions get more confident."),
            (
                "'c'",
                "a class weight moves the decision threshold, so predictions (and the accuracy) "
                "change, and its outputs are not calibrated probabilities.",
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
        hint="for each example take its confidence (largest probability) and whether its "
        "argmax is the label; put the confidences into bins ((m-1)/M, m/M]; in each bin take "
        "|accuracy - mean confidence|, weighted by the bin's share of all the examples.",
    ),
}
