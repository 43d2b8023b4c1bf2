r"""Classification losses, computed from logits (or probabilities) stably.

Functions
---------
softmax_cross_entropy_with_logits
    Multi-class loss from logits and one-hot or soft labels, one value per example.
sparse_softmax_cross_entropy_with_logits
    The same loss with integer class labels.
sigmoid_cross_entropy_with_logits
    Multi-label (independent yes/no) loss from logits, elementwise.
binary_cross_entropy
    The same loss from probabilities, elementwise.
mean_squared_error
    The mean of squared errors, for comparison.

The names and argument order follow TensorFlow (``labels`` first, then
``logits``). Every loss here is a sum of non-negative terms computed so that
none of them cancels, which is why a loss of 5.55e-17 comes out as
5.55e-17 and not 0. Gradients live in :mod:`xentlib.gradients`.
"""

import numpy as np

from . import validation as v
from ._args import dense_rows, elementwise_pair, regression_pair, scaled_difference, sparse_rows
from ._blocks import map_elements, map_rows, sum_elements
from ._rows import exp_neg_abs, finish, split_max

__all__ = [
    "softmax_cross_entropy_with_logits",
    "sparse_softmax_cross_entropy_with_logits",
    "sigmoid_cross_entropy_with_logits",
    "binary_cross_entropy",
    "mean_squared_error",
]


# --- losses ----------------------------------------------------------------


def softmax_cross_entropy_with_logits(labels, logits, axis=-1):
    r"""Softmax cross-entropy between label distributions and logits.

    Parameters
    ----------
    labels : array_like
        One-hot or soft labels, same shape as ``logits``; each row (along
        ``axis``) must be a probability distribution (tolerance
        :math:`\sqrt{\epsilon}` of its dtype).
    logits : array_like
        Unscaled scores (do *not* apply softmax first). ``-inf`` masks a
        class; NaN, ``+inf`` and a row that is all ``-inf`` raise ``ValueError``.
    axis : int, default -1
        The class axis.

    Returns
    -------
    ndarray or scalar
        One loss per example, :math:`-\sum_j y_j \log \operatorname{softmax}(z)_j`,
        with ``axis`` removed; dtype of ``logits``.

    See Also
    --------
    xentlib.naive.softmax_cross_entropy_with_logits : the textbook formula;
        through the naive softmax: ``nan`` for large logits.
    sparse_softmax_cross_entropy_with_logits : the same loss with integer labels.
    softmax_cross_entropy_with_logits_grad : its gradient, ``softmax(z) - y``.

    Notes
    -----
    With :math:`m = \max_j z_j`, attained at :math:`j^*`, and
    :math:`s = \sum_{j \ne j^*} e^{z_j - m}`, the loss is

    .. math:: \sum_j y_j (m - z_j) + \Big(\sum_j y_j\Big) \operatorname{log1p}(s),

    a sum of non-negative terms. A confident, correct prediction gets a
    tiny positive loss instead of 0: for logits ``[37.43, 0]`` and label
    ``[1, 0]`` the loss is :math:`\operatorname{log1p}(e^{-37.43}) \approx 5.55
    \times 10^{-17}`, which ``1 - softmax`` would round to 0.

    Examples
    --------
    >>> import numpy as np
    >>> from xentlib import softmax_cross_entropy_with_logits
    >>> labels = [[0, 0, 0, 1, 0], [1, 0, 0, 0, 0]]
    >>> logits = [[1.0, 2.0, 3.0, 4.0, 5.0], [5.0, 4.0, 3.0, 2.0, 1.0]]
    >>> softmax_cross_entropy_with_logits(labels, logits)
    array([1.4519144, 0.4519144])
    >>> float(softmax_cross_entropy_with_logits([0.0, 1.0], [-1000.0, 1000.0]))
    0.0
    >>> import numpy as np
    >>> from xentlib import naive
    >>> with np.errstate(all="ignore"):
    ...     print(naive.softmax_cross_entropy_with_logits(np.array([1.0, 0.0]), np.array([1000.0, 0.0])),
    ...           softmax_cross_entropy_with_logits([1.0, 0.0], [1000.0, 0.0]))
    nan 0.0
    """
    dtype, batch, _, y2, x2 = dense_rows(labels, logits, axis)

    def kernel(yb, xb):
        split = split_max(xb)
        y = yb.astype(split.shifted.dtype, copy=False)
        with np.errstate(invalid="ignore"):
            # <= 0; NaN where a masked (-inf) class has label 0
            t = np.multiply(y, split.shifted, out=split.shifted)
            cross = t.sum(axis=-1)
        if np.isnan(cross).any():  # such a class contributes nothing
            bad = np.isnan(cross)
            cross[bad] = np.nansum(t[bad], axis=-1)
        return y.sum(axis=-1) * np.log1p(split.rest[:, 0]) - cross

    return finish(map_rows(kernel, [y2, x2], x2.shape[1]).reshape(batch), dtype)


def sparse_softmax_cross_entropy_with_logits(labels, logits):
    r"""Softmax cross-entropy with integer class labels.

    Parameters
    ----------
    labels : array_like of int
        Class indices in ``[0, C)``, shape ``logits.shape[:-1]``. Negative
        indices are an error (they would silently pick a class from the end).
    logits : array_like
        Unscaled scores, classes along the last axis. ``-inf`` masks a class.

    Returns
    -------
    ndarray or scalar
        One loss per example, :math:`-\log \operatorname{softmax}(z)_{c}` for label :math:`c`,
        dtype of ``logits``.

    See Also
    --------
    xentlib.naive.sparse_softmax_cross_entropy_with_logits : the textbook formula;
        ``-log softmax(z)[label]`` through the naive softmax.
    softmax_cross_entropy_with_logits : the same loss with one-hot or soft labels.

    Notes
    -----
    The loss is :math:`(m - z_c) + \operatorname{log1p}(s)` with :math:`m`
    and :math:`s` as in :func:`softmax_cross_entropy_with_logits`: two
    non-negative terms, the first exactly 0 when the labelled class has the
    largest logit.

    Examples
    --------
    >>> import numpy as np
    >>> from xentlib import sparse_softmax_cross_entropy_with_logits
    >>> sparse_softmax_cross_entropy_with_logits([3, 0], [[1.0, 2, 3, 4, 5], [5.0, 4, 3, 2, 1]])
    array([1.4519144, 0.4519144])
    >>> loss = sparse_softmax_cross_entropy_with_logits(0, [37.42994775023705, 0.0])
    >>> print(f"{loss:.3e}")      # log1p(e^-37.43), not 0
    5.551e-17
    >>> import numpy as np
    >>> from xentlib import naive
    >>> with np.errstate(all="ignore"):
    ...     print(naive.sparse_softmax_cross_entropy_with_logits(0, np.array([1000.0, 0.0])),
    ...           sparse_softmax_cross_entropy_with_logits(0, [1000.0, 0.0]))
    nan 0.0
    """
    dtype, batch, lab2, x2 = sparse_rows(labels, logits)

    def kernel(lb, xb):
        split = split_max(xb)
        return np.log1p(split.rest) - np.take_along_axis(split.shifted, lb, axis=-1)

    return finish(map_rows(kernel, [lab2, x2], x2.shape[1]).reshape(batch), dtype)


def sigmoid_cross_entropy_with_logits(labels, logits):
    r"""Elementwise sigmoid cross-entropy: independent yes/no labels from logits.

    Parameters
    ----------
    labels : array_like
        Targets :math:`y \in [0, 1]` (0/1, or soft), same shape as ``logits``.
    logits : array_like
        Unscaled scores :math:`z`; ``-inf`` is allowed, NaN and ``+inf`` raise.

    Returns
    -------
    ndarray or scalar
        :math:`-y \log \sigma(z) - (1 - y) \log(1 - \sigma(z))`, elementwise,
        dtype of ``logits``.

    See Also
    --------
    xentlib.naive.sigmoid_cross_entropy_with_logits : the textbook formula;
        ``z - zy + log(1 + exp(-z))``, overflowing for large negative z.
    binary_cross_entropy : the same loss from probabilities.
    sigmoid_cross_entropy_with_logits_grad : its gradient, ``sigmoid(z) - y``.

    Notes
    -----
    Algebra turns the definition into :math:`z - zy + \log(1 + e^{-z})`,
    which overflows for large negative :math:`z`. The form used here,

    .. math:: \max(z, 0) - zy + \operatorname{log1p}(e^{-|z|}),

    is the same function, never overflows, and is evaluated as
    :math:`z(1-y)` or :math:`-zy` (by the sign of :math:`z`) plus the log
    term, so that no two terms cancel.

    Examples
    --------
    >>> import numpy as np
    >>> from xentlib import sigmoid_cross_entropy_with_logits
    >>> logits = [[0.5, 0.7, 0.3], [0.8, 0.2, 0.9]]
    >>> sigmoid_cross_entropy_with_logits(np.ones((2, 3)), logits)
    array([[0.47407698, 0.40318605, 0.55435524],
           [0.37110067, 0.59813887, 0.34115387]])
    >>> sigmoid_cross_entropy_with_logits([0.0, 1.0], [-1000.0, -1000.0])
    array([   0., 1000.])
    >>> import numpy as np
    >>> from xentlib import naive
    >>> with np.errstate(all="ignore"):
    ...     print(naive.sigmoid_cross_entropy_with_logits(np.array([0.0]), np.array([-1000.0])),
    ...           sigmoid_cross_entropy_with_logits([0.0], [-1000.0]))
    [inf] [0.]
    """
    dtype, labels, logits = elementwise_pair(labels, logits)

    def kernel(yb, zb):
        y = yb.astype(zb.dtype, copy=False)
        with np.errstate(invalid="ignore"):
            linear = zb * ((zb >= 0) - y)  # z(1 - y) or -zy; -inf * 0 is NaN
        if np.isnan(linear).any():
            linear[np.isnan(linear)] = 0.0  # z = -inf with y = 0: a certain, correct "no"
        return linear + np.log1p(exp_neg_abs(zb))

    return finish(map_elements(kernel, [labels, logits]), dtype)


def binary_cross_entropy(labels, probs):
    r"""Elementwise binary cross-entropy from probabilities.

    Parameters
    ----------
    labels : array_like
        Targets :math:`y \in [0, 1]`, same shape as ``probs``.
    probs : array_like
        Predicted probabilities :math:`p \in [0, 1]` (e.g. sigmoid outputs).

    Returns
    -------
    ndarray or scalar
        :math:`-y \log p - (1 - y) \log(1 - p)`, elementwise, dtype of
        ``probs``; ``inf`` for a probability of exactly 0 or 1 against the
        opposite label.

    See Also
    --------
    xentlib.naive.binary_cross_entropy : the textbook formula;
        ``nan`` for a certain, correct prediction.
    sigmoid_cross_entropy_with_logits : prefer it when you have logits; it
        is accurate where ``probs`` has already rounded to 0 or 1.

    Notes
    -----
    :math:`0 \log 0 = 0`, so a certain and correct prediction costs 0.
    :math:`\log(1-p)` is evaluated as ``log1p(-p)``, accurate for tiny ``p``.

    Examples
    --------
    >>> from xentlib import binary_cross_entropy
    >>> binary_cross_entropy([0, 1], [0.2, 0.6])       # -log 0.8, -log 0.6
    array([0.22314355, 0.51082562])
    >>> binary_cross_entropy([1.0, 0.0, 1.0], [1.0, 0.0, 0.0])
    array([ 0.,  0., inf])
    >>> import numpy as np
    >>> from xentlib import naive
    >>> with np.errstate(all="ignore"):
    ...     print(naive.binary_cross_entropy(np.array([1.0]), np.array([1.0])), binary_cross_entropy([1.0], [1.0]))
    [nan] [0.]
    """
    probs = v.as_float_array(probs, "probs")
    labels = v.as_float_array(labels, "labels")
    v.check_same_shape(labels, probs, "labels", "probs")
    v.check_probabilities(labels, "labels")
    v.check_probabilities(probs, "probs")

    def kernel(yb, pb):
        p = pb
        y = yb.astype(p.dtype, copy=False)
        not_y = 1.0 - y
        with np.errstate(divide="ignore"):  # log(0) = -inf is the intended value
            # Each log is taken only where its weight is nonzero (else of 1):
            # that is the 0 log 0 = 0 convention, with no NaN to clean up.
            pos = np.log(np.where(y > 0, p, 1.0))
            neg = np.log1p(-np.where(not_y > 0, p, 0.0))
        pos *= y
        neg *= not_y
        return 0.0 - (pos + neg)  # 0.0 - 0.0 is +0.0

    return finish(map_elements(kernel, [labels, probs]), probs.dtype)


def mean_squared_error(y_true, y_pred):
    r"""Mean of squared errors over all elements.

    Parameters
    ----------
    y_true : array_like
        Targets.
    y_pred : array_like
        Predictions, same shape as ``y_true``; both finite.

    Returns
    -------
    scalar
        :math:`\frac{1}{N}\sum_i (\hat y_i - y_i)^2` over all :math:`N`
        elements, dtype of ``y_pred``.

    See Also
    --------
    xentlib.naive.mean_squared_error : the textbook formula;
        the square overflows although the mean would not.

    Notes
    -----
    Some texts (the source article among them) use
    :math:`\frac{1}{2N}\sum_i (\hat y_i - y_i)^2`, whose factor 1/2 cancels the 2 of the
    derivative; it changes the scale, not the minimiser.

    Examples
    --------
    >>> from xentlib import mean_squared_error
    >>> float(mean_squared_error([0, 1, 0], [0.3, 0.6, 0.1]))
    0.0866666666667
    >>> import numpy as np
    >>> from xentlib import naive
    >>> y_pred = np.zeros(100)
    >>> y_pred[0] = 1e155
    >>> with np.errstate(all="ignore"):
    ...     print(naive.mean_squared_error(np.zeros(100), y_pred), f"{mean_squared_error(np.zeros(100), y_pred):.3g}")
    inf 1e+308
    """
    dtype, y_true, y_pred, scale = regression_pair(y_true, y_pred)

    def kernel(tb, pb):
        diff = scaled_difference(tb, pb, scale)
        diff *= diff
        return diff.sum(dtype=np.float64)

    total = sum_elements(kernel, [y_true, y_pred])
    with np.errstate(over="ignore"):  # a mean beyond float max is inf
        mse = total / y_pred.size / scale / scale
    return finish(np.asarray(mse), dtype)
