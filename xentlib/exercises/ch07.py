"""Checks for the exercises of chapter 7, Multi-class vs multi-label classification."""

from . import Exercise


def count_labels(probs, threshold):
    """How many outputs are strictly greater than the threshold (exercise 7.4)."""
    import numpy as np

    return int(np.sum(np.asarray(probs, float) > threshold))


_PROBS = "np.array([0.01, 0.05, 0.4, 0.6, 0.3, 0.1, 0.5, 0.4, 0.06, 0.8])"

EXERCISES = {
    "7.1": Exercise(
        kind="number",
        answer="float(xl.sigmoid(np.arange(1.0, 11.0)).sum())",
        hint="apply the sigmoid 1 / (1 + e^-x) to each logit 1, ..., 10 on its own and add the "
        "ten results; unlike a softmax, they are not divided by a common total.",
    ),
    "7.2": Exercise(
        kind="number",
        answer=f"int(np.sum({_PROBS} > 0.45))",
        hint="count the bars that stick out above the dashed line at t = 0.45; the outputs 0.4 "
        "are below it.",
    ),
    "7.3": Exercise(
        kind="choice",
        answer="'b'",
        hint="what do the softmax outputs add up to, and what would two outputs above 0.5 add up "
        "to?",
    ),
    "7.4": Exercise(
        kind="function",
        answer="count_labels",
        inputs=(
            ([0.01, 0.05, 0.4, 0.6, 0.3, 0.1, 0.5, 0.4, 0.06, 0.8], 0.3),
            ([0.9, 0.2, 0.7], 0.5),
            ([0.5, 0.51, 0.49], 0.5),
            ([0.99, 0.98, 0.97, 0.96], 0.01),
        ),
        hint="compare the array with the threshold using > (not >=) and count the True values "
        "with np.sum.",
    ),
}
