r"""Gradients of the losses with respect to the logits (or predictions).

Each function takes exactly the arguments of its loss and returns an array
shaped like ``logits`` (or ``y_pred``): the derivative of the loss of each
example with respect to each of its own logits. (For the mean squared
error, which is a single number, it is the gradient of that number.)

The formulas are the famous simple ones, ``softmax(z) - y`` and
``sigmoid(z) - y``; the care is in evaluating them where the two terms
almost cancel, i.e. exactly when the model is confidently right.
"""

import numpy as np

from ._args import dense_rows, elementwise_pair, regression_pair, scaled_difference, sparse_rows
from ._blocks import map_elements, map_rows
from ._rows import finish, from_rows, softmax_from_split, split_max

__all__ = [
    "softmax_cross_entropy_with_logits_grad",
    "sparse_softmax_cross_entropy_with_logits_grad",
    "sigmoid_cross_entropy_with_logits_grad",
    "mean_squared_error_grad",
]


def softmax_cross_entropy_with_logits_grad(labels, logits, axis=-1):
    r"""Gradient of :func:`softmax_cross_entropy_with_logits` with respect to the logits.

    Parameters
    ----------
    labels, logits, axis
        As for :func:`~xentlib.softmax_cross_entropy_with_logits`.

    Returns
    -------
    ndarray
        :math:`\big(\sum_j y_j\big)\operatorname{softmax}(z) - y`, shaped
        like ``logits``: ``softmax(z) - y`` for labels that sum to 1, and then
        each row sums to 0.

    See Also
    --------
    xentlib.naive.softmax_cross_entropy_with_logits_grad : the textbook formula;
        ``softmax(z) - y`` through the naive softmax: ``nan`` for large logits.

    Notes
    -----
    At the largest logit both terms are close to 1 when the prediction is
    confident. There the entry is evaluated as
    :math:`(\sum_{j \ne j^*} y_j - y_{j^*} s) / (1 + s)` with :math:`s` the
    sum of the other exponentials, so ``[37.43, 0]`` with label ``[1, 0]``
    gives :math:`\mp 5.55 \times 10^{-17}`, not ``[0, 5.55e-17]``.

    Examples
    --------
    >>> from xentlib import softmax_cross_entropy_with_logits_grad
    >>> softmax_cross_entropy_with_logits_grad([0, 1, 0], [1.0, 2.0, 3.0])
    array([ 0.09003057, -0.75527153,  0.66524096])
    >>> g = softmax_cross_entropy_with_logits_grad([1, 0], [37.42994775023705, 0.0])
    >>> print(g)
    [-5.55111512e-17  5.55111512e-17]
    >>> import numpy as np
    >>> from xentlib import naive
    >>> with np.errstate(all="ignore"):
    ...     print(naive.softmax_cross_entropy_with_logits_grad(np.array([1.0, 0.0]), np.array([1000.0, 0.0])),
    ...           softmax_cross_entropy_with_logits_grad([1.0, 0.0], [1000.0, 0.0]))
    [nan  0.] [0. 0.]
    """
    dtype, batch, axis, y2, x2 = dense_rows(labels, logits, axis)

    def kernel(yb, xb):
        split = split_max(xb)
        y = yb.astype(split.terms.dtype, copy=False)
        total = y.sum(axis=-1, keepdims=True)
        grad, denom = softmax_from_split(split)
        grad *= total
        grad -= y
        # The entry at the maximum, S/(1+s) - y_max, as (S - y_max - y_max s)/(1+s):
        # no cancellation between two numbers near 1 when the prediction is
        # confident (S - y_max is exact for one-hot labels).
        y_top = np.take_along_axis(y, split.index, axis=-1)
        top = ((total - y_top) - y_top * split.rest) / denom
        np.put_along_axis(grad, split.index, top, axis=-1)
        return grad

    return from_rows(map_rows(kernel, [y2, x2], x2.shape[1]), batch, axis, dtype)


def sparse_softmax_cross_entropy_with_logits_grad(labels, logits):
    r"""Gradient of :func:`sparse_softmax_cross_entropy_with_logits` w.r.t. the logits.

    Parameters
    ----------
    labels, logits
        As for :func:`~xentlib.sparse_softmax_cross_entropy_with_logits`.

    Returns
    -------
    ndarray
        ``softmax(z) - one_hot(labels)``, shaped like ``logits``.

    See Also
    --------
    xentlib.naive.sparse_softmax_cross_entropy_with_logits_grad : the textbook formula;
        ``softmax(z) - one_hot``: rounds a confident, right gradient to 0.

    Notes
    -----
    The labelled entry :math:`p_y - 1` is evaluated as
    :math:`(\operatorname{expm1}(z_c - m) - s)/(1 + s)`: two non-positive
    terms, so it keeps full relative accuracy when :math:`p_c \approx 1`.

    Examples
    --------
    >>> from xentlib import sparse_softmax_cross_entropy_with_logits_grad
    >>> sparse_softmax_cross_entropy_with_logits_grad(1, [1.0, 2.0, 3.0])
    array([ 0.09003057, -0.75527153,  0.66524096])
    >>> print(sparse_softmax_cross_entropy_with_logits_grad(0, [37.42994775023705, 0.0]))
    [-5.55111512e-17  5.55111512e-17]
    >>> import numpy as np
    >>> from xentlib import naive
    >>> print(naive.sparse_softmax_cross_entropy_with_logits_grad(0, np.array([40.0, 0.0])))
    [0.00000000e+00 4.24835426e-18]
    >>> print(sparse_softmax_cross_entropy_with_logits_grad(0, [40.0, 0.0]))
    [-4.24835426e-18  4.24835426e-18]
    """
    dtype, batch, lab2, x2 = sparse_rows(labels, logits)

    def kernel(lb, xb):
        split = split_max(xb)
        labelled = np.expm1(np.take_along_axis(split.shifted, lb, axis=-1)) - split.rest
        grad, denom = softmax_from_split(split)
        np.put_along_axis(grad, lb, labelled / denom, axis=-1)
        return grad

    return from_rows(map_rows(kernel, [lab2, x2], x2.shape[1]), batch, -1, dtype)


def sigmoid_cross_entropy_with_logits_grad(labels, logits):
    r"""Gradient of :func:`sigmoid_cross_entropy_with_logits` w.r.t. the logits.

    Parameters
    ----------
    labels, logits
        As for :func:`~xentlib.sigmoid_cross_entropy_with_logits`.

    Returns
    -------
    ndarray
        :math:`\sigma(z) - y`, elementwise.

    See Also
    --------
    xentlib.naive.sigmoid_cross_entropy_with_logits_grad : the textbook formula;
        ``sigmoid(z) - y``: 0 for a confident, right prediction.

    Notes
    -----
    For :math:`z \ge 0` it is evaluated as :math:`(1 - y) - \sigma(-z)`,
    so a confident, correct "yes" (:math:`z = 40`, :math:`y = 1`) gives
    :math:`-4.25 \times 10^{-18}` rather than ``1.0 - 1 = 0``.

    Examples
    --------
    >>> from xentlib import sigmoid_cross_entropy_with_logits_grad
    >>> sigmoid_cross_entropy_with_logits_grad([1.0, 0.0, 1.0], [0.0, 2.0, 40.0])
    array([-5.00000000e-01,  8.80797078e-01, -4.24835426e-18])
    >>> import numpy as np
    >>> from xentlib import naive
    >>> print(naive.sigmoid_cross_entropy_with_logits_grad(np.array([1.0]), np.array([40.0])),
    ...       sigmoid_cross_entropy_with_logits_grad([1.0], [40.0]))
    [0.] [-4.24835426e-18]
    """
    dtype, labels, logits = elementwise_pair(labels, logits)

    def kernel(yb, zb):
        y = yb.astype(zb.dtype, copy=False)
        small = np.abs(zb)
        with np.errstate(over="ignore"):  # exp(|z|) = inf gives sigmoid(-|z|) = 0
            np.exp(small, out=small)
        small += 1.0
        np.reciprocal(small, out=small)  # sigmoid(-|z|) = 1 / (1 + e^|z|), in [0, 1/2]
        # sigmoid(z) = step + sign * small, with step = 1 for z >= +0 and 0
        # for z <= -0 (signbit, so that -0.0 and its sign agree). Subtracting
        # y from the exact step first leaves no cancellation for 0/1 labels.
        step_minus_y = (~np.signbit(zb)) - y
        return step_minus_y - np.copysign(small, zb, out=small)

    return finish(map_elements(kernel, [labels, logits]), dtype)


def mean_squared_error_grad(y_true, y_pred):
    r"""Gradient of :func:`mean_squared_error` with respect to ``y_pred``.

    Parameters
    ----------
    y_true, y_pred
        As for :func:`~xentlib.mean_squared_error`.

    Returns
    -------
    ndarray
        :math:`2(\hat y - y)/N`, shaped like ``y_pred``, with :math:`N` its
        number of elements.

    See Also
    --------
    xentlib.naive.mean_squared_error_grad : the textbook formula;
        the difference overflows although the gradient would not.

    Examples
    --------
    >>> from xentlib import mean_squared_error_grad
    >>> mean_squared_error_grad([0.0, 1.0], [0.5, 0.5])
    array([ 0.5, -0.5])
    >>> import numpy as np
    >>> from xentlib import naive
    >>> y_true, y_pred = np.array([-1e308, 0.0, 0.0, 0.0]), np.array([1e308, 0.0, 0.0, 0.0])
    >>> with np.errstate(all="ignore"):
    ...     print(naive.mean_squared_error_grad(y_true, y_pred), mean_squared_error_grad(y_true, y_pred))
    [inf  0.  0.  0.] [1.e+308 0.e+000 0.e+000 0.e+000]
    """
    dtype, y_true, y_pred, scale = regression_pair(y_true, y_pred)
    factor = 2.0 / y_pred.size

    def kernel(tb, pb):
        diff = scaled_difference(tb, pb, scale)
        with np.errstate(over="ignore"):  # a gradient beyond float max is inf
            return (factor * diff) / scale

    return finish(map_elements(kernel, [y_true, y_pred]), dtype)
