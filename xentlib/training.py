r"""Training a softmax regression with the book's own loss and gradient.

A softmax regression (multinomial logistic regression) predicts the logits
:math:`z = xW + b` and is trained by minimising the mean
:func:`~xentlib.sparse_softmax_cross_entropy_with_logits` plus an L2
penalty :math:`\frac{\lambda}{2}\lVert W \rVert^2` (the intercept :math:`b` is
not penalised, as in scikit-learn). Chapter 9 trains one on scikit-learn's
handwritten digits with :func:`fit_softmax_regression`: full-batch gradient
descent, nothing else, so that every step is the chapter 8 gradient
:math:`\operatorname{softmax}(z) - y` pushed back through :math:`z = xW + b`.
"""

from typing import NamedTuple

import numpy as np

from . import validation as v
from .gradients import sparse_softmax_cross_entropy_with_logits_grad
from .losses import sparse_softmax_cross_entropy_with_logits

__all__ = ["Split", "load_digits_split", "SoftmaxRegression", "fit_softmax_regression", "step_size"]


class Split(NamedTuple):
    """One part of a data set: the examples ``x`` (one per row) and their ``labels``."""

    x: np.ndarray
    labels: np.ndarray


def load_digits_split(sizes=(1077, 360, 360), seed=0):
    """scikit-learn's handwritten digits, split in three and standardised.

    The 1,797 images of 8 x 8 pixels (grey levels 0 to 16) ship inside
    scikit-learn (``sklearn.datasets.load_digits``): nothing is downloaded.
    They are shuffled with a seeded generator and cut into a training, a
    validation and a test set; every pixel is then standardised with the
    mean and standard deviation of the *training* set (a pixel that is blank
    in every training image is left at 0).

    Parameters
    ----------
    sizes : (int, int, int)
        Sizes of the training, validation and test sets; they must add up
        to at most 1797.
    seed : int
        Seed of :func:`numpy.random.default_rng` for the shuffle.

    Returns
    -------
    dict of str to Split
        ``"train"``, ``"val"`` and ``"test"``, each with ``x`` of shape
        (n, 64) and ``labels`` (the digits 0-9) of shape (n,).

    Examples
    --------
    >>> data = load_digits_split()
    >>> {name: part.x.shape for name, part in data.items()}
    {'train': (1077, 64), 'val': (360, 64), 'test': (360, 64)}
    """
    try:
        from sklearn.datasets import load_digits
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError(
            "load_digits_split needs scikit-learn, which ships the digits: "
            "pip install scikit-learn"
        ) from None
    digits = load_digits()
    n_train, n_val, n_test = sizes
    if min(sizes) < 1 or sum(sizes) > len(digits.target):
        raise ValueError(
            f"sizes must be three positive numbers adding up to at most {len(digits.target)}, "
            f"got {tuple(sizes)}."
        )
    order = np.random.default_rng(seed).permutation(len(digits.target))
    parts = np.split(order[: sum(sizes)], [n_train, n_train + n_val])
    train = digits.data[parts[0]]
    mean, std = train.mean(axis=0), train.std(axis=0)
    std[std == 0] = 1.0
    return {
        name: Split((digits.data[idx] - mean) / std, digits.target[idx])
        for name, idx in zip(("train", "val", "test"), parts)
    }


class SoftmaxRegression(NamedTuple):
    """A trained softmax regression and how its training went.

    Attributes
    ----------
    weights : ndarray, shape (features, classes)
    bias : ndarray, shape (classes,)
    history : dict of ndarray
        ``"step"`` and, measured at those steps, ``"train_loss"`` and
        ``"train_accuracy"`` (and ``"val_loss"``, ``"val_accuracy"`` with a
        validation set). Losses are mean cross-entropies in nats, without the
        penalty.
    """

    weights: np.ndarray
    bias: np.ndarray
    history: dict

    def logits(self, x):
        """The logits :math:`xW + b` of the examples ``x`` (one row each)."""
        return np.asarray(x, dtype=np.float64) @ self.weights + self.bias


def step_size(x, weight_decay=0.0):
    r"""A step size for which gradient descent on this problem cannot diverge.

    The mean softmax cross-entropy's Hessian with respect to :math:`(W, b)` is
    at most :math:`\frac12 \lVert [x, 1] \rVert_2^2 / N` (the softmax Jacobian
    :math:`\operatorname{diag}(p) - pp^\top` has eigenvalues at most
    :math:`\frac12`), plus :math:`\lambda` from the penalty; one over that
    bound is a safe step (Nesterov, *Lectures on Convex Optimization*, 2018, §2.1.5).

    Examples
    --------
    >>> round(step_size([[1.0], [1.0]]), 6)      # [x, 1] = [[1, 1], [1, 1]]: norm^2 / N = 2
    1.0
    """
    x = v.as_float_array(x, "x")
    design = np.hstack([x, np.ones((x.shape[0], 1))])
    bound = 0.5 * np.linalg.norm(design, 2) ** 2 / x.shape[0] + weight_decay
    return float(1.0 / bound)


def _measure(z, labels):
    """Mean loss (nats) and accuracy of the logits ``z`` against ``labels``."""
    loss = float(np.mean(sparse_softmax_cross_entropy_with_logits(labels, z)))
    return loss, float(np.mean(z.argmax(axis=-1) == labels))


def fit_softmax_regression(x, labels, n_classes, *, weight_decay=0.0, steps=1000,
                           learning_rate=None, validation=None, record_every=10):
    r"""Train a softmax regression by full-batch gradient descent.

    Parameters
    ----------
    x : array_like, shape (N, features)
        The training examples, one per row (standardise the features first).
    labels : array_like of int, shape (N,)
        Their classes, in ``[0, n_classes)``.
    n_classes : int
        The number of classes :math:`K`.
    weight_decay : float, default 0
        :math:`\lambda` of the penalty :math:`\frac{\lambda}{2}\lVert W\rVert^2`
        added to the mean loss. scikit-learn's ``LogisticRegression(C=...)``
        minimises the same objective for :math:`C = 1 / (\lambda N)`.
    steps : int, default 1000
        Gradient-descent steps, from :math:`W = 0, b = 0`.
    learning_rate : float, optional
        Default :func:`step_size`, which cannot diverge.
    validation : (x_val, labels_val), optional
        A held-out set, measured along the way.
    record_every : int, default 10
        Measure the losses and accuracies every this many steps (and at 0).

    Returns
    -------
    SoftmaxRegression
        The weights, the bias and the history of the losses and accuracies.

    Notes
    -----
    One step computes the logits :math:`Z = XW + b`, the chapter 8 gradient
    :math:`G = (\operatorname{softmax}(Z) - Y)/N` of the mean loss with respect
    to them, and by the chain rule

    .. math:: W \leftarrow W - \eta\,(X^\top G + \lambda W), \qquad
              b \leftarrow b - \eta \textstyle\sum_i G_i .

    Examples
    --------
    >>> import numpy as np
    >>> x = np.array([[-1.0], [-0.5], [0.5], [1.0]])
    >>> model = fit_softmax_regression(x, [0, 0, 1, 1], 2, steps=200)
    >>> model.logits(x).argmax(axis=1).tolist()
    [0, 0, 1, 1]
    >>> bool(model.history["train_loss"][-1] < model.history["train_loss"][0])
    True
    """
    x = v.as_float_array(x, "x")
    v.check_examples(x, "x")
    labels = v.as_sparse_labels(labels, x.shape[:1] + (n_classes,))
    eta = step_size(x, weight_decay) if learning_rate is None else float(learning_rate)
    validation_set = None
    if validation is not None:
        x_val = v.as_float_array(validation[0], "validation[0]")
        v.check_examples(x_val, "validation[0]")
        validation_set = (x_val, v.as_sparse_labels(validation[1], x_val.shape[:1] + (n_classes,)))

    weights = np.zeros((x.shape[1], n_classes))
    bias = np.zeros(n_classes)
    names = ["train"] + (["val"] if validation_set else [])
    history = {"step": [], **{f"{n}_{m}": [] for n in names for m in ("loss", "accuracy")}}
    for step in range(steps + 1):
        z = x @ weights + bias  # the training logits: measured, then the step's gradient
        if step % record_every == 0 or step == steps:
            history["step"].append(step)
            measured = [("train", z, labels)]
            if validation_set:
                x_val, y_val = validation_set
                measured.append(("val", x_val @ weights + bias, y_val))
            for name, zs, ys in measured:
                loss, accuracy = _measure(zs, ys)
                history[f"{name}_loss"].append(loss)
                history[f"{name}_accuracy"].append(accuracy)
        if step == steps:
            break
        g = sparse_softmax_cross_entropy_with_logits_grad(labels, z) / x.shape[0]
        weights -= eta * (x.T @ g + weight_decay * weights)
        bias -= eta * g.sum(axis=0)
    history = {k: np.asarray(val) for k, val in history.items()}
    return SoftmaxRegression(weights, bias, history)
