"""Checks for the exercises of chapter 4, Cross-entropy."""

from . import Exercise


def multilabel_loss(y, y_hat):
    """Mean binary cross-entropy over the output nodes (exercise 4.4)."""
    import xentlib as xl

    return float(xl.binary_cross_entropy(y, y_hat).mean())


EXERCISES = {
    "4.1": Exercise(
        kind="number",
        answer="float(xl.cross_entropy([[0, 1, 0], [1, 0, 0]], [[0.3, 0.6, 0.1], [0.3, 0.6, 0.1]]).mean())",
        unit="nats",
        hint="each example costs -log of the probability given to its true class (0.6 for the "
        "first, 0.3 for the second); the batch loss is their mean, not their sum.",
    ),
    "4.2": Exercise(
        kind="number",
        answer="float((xl.sigmoid(-6.0) - 1) / (2 * (xl.sigmoid(-6.0) - 1) * xl.sigmoid(-6.0) * xl.sigmoid(6.0)))",
        rtol=0.02,
        hint="divide the cross-entropy gradient (y_hat - 1) by the squared-error gradient "
        "2 (y_hat - 1) y_hat (1 - y_hat) at y_hat = sigmoid(-6): most factors cancel.",
    ),
    "4.3": Exercise(
        kind="choice",
        answer="'b'",
        hint="look at a term y_i log(y_hat_i) with y_i = 0: what does it cost to predict 0.99 there?",
    ),
    "4.4": Exercise(
        kind="function",
        answer="multilabel_loss",
        inputs=(([0, 1, 1], [0.1, 0.7, 0.8]), ([1, 0], [0.5, 0.5]), ([1, 0, 1, 0], [0.99, 0.2, 0.3, 0.01])),
        hint="per node, -y log(y_hat) - (1 - y) log(1 - y_hat); then the mean over the nodes.",
    ),
}
