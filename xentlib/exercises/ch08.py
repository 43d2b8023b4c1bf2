"""Checks for the exercises of chapter 8, The losses computed from logits."""

from . import Exercise


def stable_sigmoid_xent(x, z):
    """Sigmoid cross-entropy of one logit x and one label z, without overflow (exercise 8.4)."""
    import xentlib as xl

    return float(xl.sigmoid_cross_entropy_with_logits(z, x))


EXERCISES = {
    "8.1": Exercise(
        kind="number",
        answer="float(xl.sparse_softmax_cross_entropy_with_logits(1, [1.0, 2.0, 3.0]))",
        unit="nats",
        hint="the loss is -log softmax(S) of the true class, index 1 (the second logit, 2): "
        "log(e^1 + e^2 + e^3) - 2, in nats (natural log).",
    ),
    "8.2": Exercise(
        kind="number",
        answer="float(xl.sigmoid_cross_entropy_with_logits_grad(1.0, 2.0))",
        hint="the gradient is sigmoid(x) - z with x = 2 and z = 1: a negative number, "
        "read off the z = 1 readout at x = +2.0.",
    ),
    "8.3": Exercise(
        kind="choice",
        answer="'b'",
        hint="what does BCEWithLogitsLoss do to its input first, and what is the smallest "
        "loss it can give for label 1 if that input is at most 1?",
    ),
    "8.4": Exercise(
        kind="function",
        answer="stable_sigmoid_xent",
        inputs=(
            (0.7, 1.0),
            (-1000.0, 1.0),
            (1000.0, 0.0),
            (-3.0, 0.0),
            (2.0, 0.25),
        ),
        hint="write the loss as max(x, 0) - x*z + log(1 + exp(-|x|)), so the exponent is "
        "never positive; log1p helps when exp(-|x|) is tiny.",
    ),
}
