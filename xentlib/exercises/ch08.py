"""Checks for the exercises of chapter 8, The losses computed from logits."""

import numpy as np

from .._i18n import N_
from . import Exercise


def stable_sigmoid_xent(labels, logits):
    """Mean sigmoid cross-entropy of NumPy arrays of labels and logits, without overflow (exercise 8.4)."""
    import xentlib as xl

    return float(np.mean(xl.sigmoid_cross_entropy_with_logits(labels, logits)))


_Z = "[1.0, 2.0, 3.0]"  # exercise 8.1's logits

EXERCISES = {
    "8.1": Exercise(
        kind="number",
        answer=f"float(xl.sparse_softmax_cross_entropy_with_logits(1, {_Z}))",
        unit=N_("nats"),
        hint=N_("the loss is minus the log of the softmax probability of the true class. Which "
                "logit is index 1 when Python counts from 0? Use the natural log."),
        mistakes=(
            (
                f"float(xl.sparse_softmax_cross_entropy_with_logits(0, {_Z}))",
                N_("that is the loss for index 0, the first logit. Python counts from 0, so index 1 "
                   "is the second logit."),
            ),
            (
                f"float(xl.sparse_softmax_cross_entropy_with_logits(2, {_Z}))",
                N_("that is the loss for index 2, the third logit. Index 1 is the second one."),
            ),
            (
                f"float(xl.sparse_softmax_cross_entropy_with_logits(1, {_Z})) / np.log(2)",
                N_("that is the loss in bits (log base 2); the exercise asks for nats (natural log)."),
            ),
            (
                f"float(xl.softmax({_Z})[1])",
                N_("that is the probability of the true class; the loss is minus its log."),
            ),
        ),
    ),
    "8.2": Exercise(
        kind="number",
        answer="float(xl.sigmoid_cross_entropy_with_logits_grad(1.0, 2.0))",
        hint=N_("read the gradient for the label y = 1 in the figure at z = +2.0. It is prediction "
                "minus label: think about its sign first."),
        mistakes=(
            (
                "-float(xl.sigmoid_cross_entropy_with_logits_grad(1.0, 2.0))",
                N_("check the sign: raising the logit lowers the loss for y = 1, so the gradient is "
                   "negative (prediction minus label, not label minus prediction)."),
            ),
            (
                "float(xl.sigmoid(2.0))",
                N_("that is the prediction sigmoid(2) itself (and the gradient for the label 0); for "
                   "y = 1 the gradient subtracts the label."),
            ),
            (
                "float(xl.sigmoid(2.0) * xl.sigmoid(-2.0))",
                N_("that is the slope of the sigmoid, sigmoid(z)(1 - sigmoid(z)). The loss's gradient "
                   "with respect to the logit is simpler: the slope cancels."),
            ),
            (
                "float(xl.sigmoid_cross_entropy_with_logits(1.0, 2.0))",
                N_("that is the loss at z = 2; the exercise asks for its gradient, the slope of the "
                   "loss curve there."),
            ),
        ),
    ),
    "8.3": Exercise(
        kind="choice",
        answer="'a'",
        hint=N_("what does BCEWithLogitsLoss do to its input first, and what is the smallest "
                "loss it can give for label 1 if that input is at most 1?"),
        mistakes=(
            (
                "'b'",
                N_("BCEWithLogitsLoss takes targets of the same shape as its input, 0/1 or soft; "
                   "class indices are what CrossEntropyLoss takes."),
            ),
            (
                "'c'",
                N_("a small learning rate slows training down but puts no floor under the loss. "
                   "What is the smallest loss BCEWithLogitsLoss can give for label 1 if its input "
                   "is at most 1?"),
            ),
        ),
    ),
    "8.4": Exercise(
        kind="function",
        answer="stable_sigmoid_xent",
        inputs=(
            (np.array([1.0]), np.array([0.7])),
            (np.array([1.0, 0.0]), np.array([-1000.0, 1000.0])),
            (np.array([0.0, 1.0]), np.array([-1000.0, 1000.0])),
            (np.ones((2, 3)), np.array([[0.5, 0.7, 0.3], [0.8, 0.2, 0.9]])),
            (np.array([0.25, 0.5, 0.0]), np.array([2.0, -3.0, -3.0])),
        ),
        hint=N_("rewrite the loss so that exp only ever sees a number <= 0 (treat z >= 0 and "
                "z < 0 separately, or use |z| and max(z, 0)); log1p keeps a tiny exp accurate; "
                "return the mean over all entries."),
    ),
}
