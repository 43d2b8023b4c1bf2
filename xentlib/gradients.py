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

from . import validation as v
from ._args import (
    dense_rows,
    elementwise_pair,
    regression_pair,
    scaled_difference,
    sparse_rows,
    weighted_pair,
)
from ._blocks import map_elements, map_rows
from ._rows import (
    finish,
    from_rows,
    sigmoid_ce,
    sigmoid_pair,
    smooth_targets,
    softmax_from_split,
    split_max,
)

__all__ = [
    "softmax_cross_entropy_with_logits_grad",
    "sparse_softmax_cross_entropy_with_logits_grad",
    "sigmoid_cross_entropy_with_logits_grad",
    "sigmoid_focal_loss_grad",
    "mean_squared_error_grad",
]


def softmax_cross_entropy_with_logits_grad(labels, logits, axis=-1, label_smoothing=0.0):
    r"""Gradient of :func:`softmax_cross_entropy_with_logits` with respect to the logits.

    Parameters
    ----------
    labels, logits, axis, label_smoothing
        As for :func:`~xentlib.softmax_cross_entropy_with_logits`.

    Returns
    -------
    ndarray
        :math:`\big(\sum_j t_j\big)\operatorname{softmax}(z) - t`, shaped
        like ``logits``, with :math:`t` the (smoothed) target: ``softmax(z) - t``
        for labels that sum to 1, and then each row sums to 0.

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

    With label smoothing, :math:`\sum_{j \ne j^*} t_j` is summed directly
    rather than as :math:`\sum_j t_j - t_{j^*}`, which would lose the small
    :math:`\varepsilon (K - 1) / K` to rounding. A masked (``-inf``) class gets
    the finite entry :math:`-\varepsilon / K` although the loss is ``+inf``,
    as a positive label on a masked class does without smoothing.

    Examples
    --------
    >>> from xentlib import softmax_cross_entropy_with_logits_grad
    >>> softmax_cross_entropy_with_logits_grad([0, 1, 0], [1.0, 2.0, 3.0])
    array([ 0.09003057, -0.75527153,  0.66524096])
    >>> softmax_cross_entropy_with_logits_grad([0, 1, 0], [1.0, 2.0, 3.0], label_smoothing=0.3)
    array([-0.00996943, -0.55527153,  0.56524096])
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
    eps = v.check_label_smoothing(label_smoothing)

    def smoothed(yb, xb):
        split = split_max(xb)
        t = smooth_targets(yb.astype(split.terms.dtype, copy=False), eps)
        t_top = np.take_along_axis(t, split.index, axis=-1)
        others = t.copy()
        np.put_along_axis(others, split.index, 0.0, axis=-1)
        others = others.sum(axis=-1, keepdims=True)  # sum_{j != top} t_j, no cancellation
        grad, denom = softmax_from_split(split)
        grad *= others + t_top
        grad -= t
        np.put_along_axis(grad, split.index, (others - t_top * split.rest) / denom, axis=-1)
        return grad

    if eps:
        return from_rows(map_rows(smoothed, [y2, x2], x2.shape[1]), batch, axis, dtype)

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


def sparse_softmax_cross_entropy_with_logits_grad(labels, logits, label_smoothing=0.0):
    r"""Gradient of :func:`sparse_softmax_cross_entropy_with_logits` w.r.t. the logits.

    Parameters
    ----------
    labels, logits, label_smoothing
        As for :func:`~xentlib.sparse_softmax_cross_entropy_with_logits`.

    Returns
    -------
    ndarray
        ``softmax(z) - one_hot(labels)``, shaped like ``logits``; with label
        smoothing :math:`\varepsilon`, ``softmax(z) - t`` with
        :math:`t = (1 - \varepsilon)\,\operatorname{onehot} + \varepsilon / K`.

    See Also
    --------
    xentlib.naive.sparse_softmax_cross_entropy_with_logits_grad : the textbook formula;
        ``softmax(z) - one_hot``: rounds a confident, right gradient to 0.

    Notes
    -----
    The labelled entry :math:`p_y - 1` is evaluated as
    :math:`(\operatorname{expm1}(z_c - m) - s)/(1 + s)`: two non-positive
    terms, so it keeps full relative accuracy when :math:`p_c \approx 1`.
    With label smoothing that entry is this accurate :math:`p_c - 1` plus
    :math:`\varepsilon (K - 1) / K`, and the others are
    :math:`p_j - \varepsilon / K`; no one-hot array is built.

    Examples
    --------
    >>> from xentlib import sparse_softmax_cross_entropy_with_logits_grad
    >>> sparse_softmax_cross_entropy_with_logits_grad(1, [1.0, 2.0, 3.0])
    array([ 0.09003057, -0.75527153,  0.66524096])
    >>> sparse_softmax_cross_entropy_with_logits_grad(1, [1.0, 2.0, 3.0], label_smoothing=0.3)
    array([-0.00996943, -0.55527153,  0.56524096])
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
    eps = v.check_label_smoothing(label_smoothing)
    k = x2.shape[1]

    def kernel(lb, xb):
        split = split_max(xb)
        labelled = np.expm1(np.take_along_axis(split.shifted, lb, axis=-1)) - split.rest
        grad, denom = softmax_from_split(split)
        labelled /= denom  # p_c - 1
        if eps:
            grad -= eps / k
            labelled += eps * (k - 1) / k  # p_c - (1 - eps + eps/K)
        np.put_along_axis(grad, lb, labelled, axis=-1)
        return grad

    return from_rows(map_rows(kernel, [lab2, x2], x2.shape[1]), batch, -1, dtype)


def sigmoid_cross_entropy_with_logits_grad(labels, logits, pos_weight=None):
    r"""Gradient of :func:`sigmoid_cross_entropy_with_logits` w.r.t. the logits.

    Parameters
    ----------
    labels, logits, pos_weight
        As for :func:`~xentlib.sigmoid_cross_entropy_with_logits`.

    Returns
    -------
    ndarray
        :math:`\sigma(z) - y`, elementwise; with ``pos_weight`` :math:`q`,
        :math:`(1 - y)\,\sigma(z) - q\,y\,\sigma(-z)` (the same at :math:`q = 1`).

    See Also
    --------
    xentlib.naive.sigmoid_cross_entropy_with_logits_grad : the textbook formula;
        ``sigmoid(z) - y``: 0 for a confident, right prediction.

    Notes
    -----
    For :math:`z \ge 0` it is evaluated as :math:`(1 - y) - \sigma(-z)`,
    so a confident, correct "yes" (:math:`z = 40`, :math:`y = 1`) gives
    :math:`-4.25 \times 10^{-18}` rather than ``1.0 - 1 = 0``. With weights,
    :math:`\sigma(z)` and :math:`\sigma(-z)` are each computed directly, so for
    0/1 labels the single remaining term is accurate to a few ulp; for soft
    labels the two terms cancel only where the gradient itself is near 0.

    Examples
    --------
    >>> from xentlib import sigmoid_cross_entropy_with_logits_grad
    >>> sigmoid_cross_entropy_with_logits_grad([1.0, 0.0, 1.0], [0.0, 2.0, 40.0])
    array([-5.00000000e-01,  8.80797078e-01, -4.24835426e-18])
    >>> sigmoid_cross_entropy_with_logits_grad([1.0, 0.0, 1.0], [0.0, 2.0, 40.0], pos_weight=3.0)
    array([-1.50000000e+00,  8.80797078e-01, -1.27450628e-17])
    >>> import numpy as np
    >>> from xentlib import naive
    >>> print(naive.sigmoid_cross_entropy_with_logits_grad(np.array([1.0]), np.array([40.0])),
    ...       sigmoid_cross_entropy_with_logits_grad([1.0], [40.0]))
    [0.] [-4.24835426e-18]
    """
    dtype, labels, logits, q = weighted_pair(labels, logits, pos_weight)

    def kernel(yb, zb):
        return _sigmoid_grad(yb.astype(zb.dtype, copy=False), zb)

    def weighted(yb, zb, qb):
        y = yb.astype(zb.dtype, copy=False)
        s_pos, s_neg = sigmoid_pair(zb)
        s_pos *= 1.0 - y
        s_neg *= qb.astype(zb.dtype, copy=False) * y
        return s_pos - s_neg

    if q is None:
        return finish(map_elements(kernel, [labels, logits]), dtype)
    return finish(map_elements(weighted, [labels, logits, q]), dtype)


def _sigmoid_grad(y, z):
    """sigmoid(z) - y for a block (``y`` in ``z``'s dtype), without cancellation for 0/1."""
    small = np.abs(z)
    with np.errstate(over="ignore"):  # exp(|z|) = inf gives sigmoid(-|z|) = 0
        np.exp(small, out=small)
    small += 1.0
    np.reciprocal(small, out=small)  # sigmoid(-|z|) = 1 / (1 + e^|z|), in [0, 1/2]
    # sigmoid(z) = step + sign * small, with step = 1 for z >= +0 and 0
    # for z <= -0 (signbit, so that -0.0 and its sign agree). Subtracting
    # y from the exact step first leaves no cancellation for 0/1 labels.
    step_minus_y = (~np.signbit(z)) - y
    return step_minus_y - np.copysign(small, z, out=small)


def sigmoid_focal_loss_grad(labels, logits, gamma=2.0, alpha=None):
    r"""Gradient of :func:`~xentlib.sigmoid_focal_loss` with respect to the logits.

    Parameters
    ----------
    labels, logits, gamma, alpha
        As for :func:`~xentlib.sigmoid_focal_loss`.

    Returns
    -------
    ndarray
        :math:`\partial \mathrm{FL} / \partial z`, elementwise, dtype of ``logits``.

    See Also
    --------
    xentlib.naive.sigmoid_focal_loss_grad : the paper's formula for 0/1 labels,
        ``(2y - 1) alpha_t (1 - p_t)**gamma (gamma p_t log p_t + p_t - 1)``
        through probabilities: 0 instead of a tiny gradient for a large right
        logit, ``nan`` for a large wrong one.
    sigmoid_cross_entropy_with_logits_grad : the gradient at ``gamma=0``.

    Notes
    -----
    With :math:`a = \sigma(z)`, :math:`b = \sigma(-z)`, :math:`u = 1 - p_t =
    y b + (1 - y) a` and :math:`\mathrm{CE}` the sigmoid cross-entropy, whose
    derivative is :math:`a - y = (1 - y) a - y b`, and :math:`du/dz = (1 - 2y)\,ab`,

    .. math:: \frac{\partial \mathrm{FL}}{\partial z} = \alpha_t\, u^\gamma
              \Big[(1 - y)\,a - y\,b + \gamma\,(1 - 2y)\,\mathrm{CE}\,\frac{ab}{u}\Big].

    The ratio :math:`ab/u \le 1` (as :math:`u \ge \min(a, b) \ge ab`) replaces
    :math:`u^{\gamma - 1}`, which is infinite where :math:`u = 0` when
    :math:`\gamma < 1`. For :math:`y = 1` the bracket is
    :math:`-(b + \gamma\,\mathrm{CE}\,a)` and for :math:`y = 0` it is
    :math:`a + \gamma\,\mathrm{CE}\,b`: two terms of one sign, so 0/1 labels
    lose nothing to cancellation (Lin et al.'s
    :math:`\pm(1 - p_t)^\gamma(\gamma p_t \log p_t + p_t - 1)`, rearranged).
    Where :math:`z = -\infty` (CE infinite, :math:`ab = 0`) the product
    :math:`\mathrm{CE}\cdot ab/u` is its limit 0. ``gamma=0`` returns
    :func:`~xentlib.sigmoid_cross_entropy_with_logits_grad` times
    :math:`\alpha_t`, bit for bit without ``alpha``.

    Examples
    --------
    >>> from xentlib import sigmoid_focal_loss_grad
    >>> sigmoid_focal_loss_grad([1.0, 1.0, 0.0], [2.0, -2.0, 0.0])
    array([-0.00487094, -1.07671373,  0.2982868 ])
    >>> print(sigmoid_focal_loss_grad([1.0], [40.0]))     # about -3 sigma(-40)**3, not 0
    [-2.30029442e-52]
    >>> import numpy as np
    >>> from xentlib import naive
    >>> with np.errstate(all="ignore"):
    ...     print(naive.sigmoid_focal_loss_grad(np.array([1.0, 1.0]), np.array([40.0, -1000.0])),
    ...           sigmoid_focal_loss_grad([1.0, 1.0], [40.0, -1000.0]))
    [ 0. nan] [-2.30029442e-52 -1.00000000e+00]
    """
    dtype, labels, logits = elementwise_pair(labels, logits)
    gamma, alpha = v.check_focal_parameters(gamma, alpha)

    def kernel(yb, zb):
        y = yb.astype(zb.dtype, copy=False)
        if gamma == 0:
            grad = _sigmoid_grad(y, zb)
        else:
            a, b = sigmoid_pair(zb)
            not_y = 1.0 - y
            u = y * b + not_y * a  # 1 - p_t, two terms >= 0
            ab = a * b
            ratio = np.divide(ab, u, out=np.zeros_like(ab), where=u > 0)  # ab/u <= 1
            with np.errstate(invalid="ignore"):
                second = sigmoid_ce(y, zb) * ratio  # inf * 0 at z = -inf
            if np.isnan(second).any():
                second[np.isnan(second)] = 0.0  # its limit: |z| e^{-|z|} -> 0
            second *= gamma * (1.0 - 2.0 * y)
            grad = not_y * a - y * b
            grad += second
            grad *= np.power(u, gamma, out=u)
        if alpha is not None:
            grad *= alpha * y + (1.0 - alpha) * (1.0 - y)
        return grad

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
