r"""Classification losses, computed from logits (or probabilities) stably.

Functions
---------
softmax_cross_entropy_with_logits
    Multi-class loss from logits and one-hot or soft labels, one value per example.
sparse_softmax_cross_entropy_with_logits
    The same loss with integer class labels.
sigmoid_cross_entropy_with_logits
    Multi-label (independent yes/no) loss from logits, elementwise; optionally
    with the positives weighted (``pos_weight``).
sigmoid_focal_loss
    The same loss scaled down for easy examples (Lin et al. 2017), elementwise.
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
from ._args import (
    dense_rows,
    elementwise_pair,
    regression_pair,
    scaled_difference,
    sparse_rows,
    weighted_pair,
)
from ._blocks import map_elements, map_rows, sum_elements
from ._rows import exp_neg_abs, finish, sigmoid_ce, sigmoid_pair, smooth_targets, split_max

__all__ = [
    "softmax_cross_entropy_with_logits",
    "sparse_softmax_cross_entropy_with_logits",
    "sigmoid_cross_entropy_with_logits",
    "sigmoid_focal_loss",
    "binary_cross_entropy",
    "mean_squared_error",
]


# --- losses ----------------------------------------------------------------


def softmax_cross_entropy_with_logits(labels, logits, axis=-1, label_smoothing=0.0):
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
    label_smoothing : float, default 0.0
        :math:`\varepsilon \in [0, 1]`: the target becomes
        :math:`t = (1 - \varepsilon) y + \varepsilon / K`, with :math:`K` the
        number of classes (the meaning in Keras and PyTorch). 0 is no smoothing.

    Returns
    -------
    ndarray or scalar
        One loss per example, :math:`-\sum_j t_j \log \operatorname{softmax}(z)_j`
        (:math:`t = y` without smoothing), with ``axis`` removed; dtype of ``logits``.

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

    With label smoothing the same sum runs on the smoothed target :math:`t`
    (every :math:`t_j \ge 0`, so it stays a sum of non-negative terms); with
    :math:`\varepsilon = 0` the computation is exactly the unsmoothed one.
    Smoothing gives *every* class a positive target :math:`\varepsilon / K`,
    a masked (``-inf``) one included, so a row with a masked class costs
    ``+inf``: the same rule as a positive label on a masked class without
    smoothing (PyTorch gives ``inf`` or ``nan`` there). To smooth over the
    unmasked classes only, leave the masked ones out of the row.

    Examples
    --------
    >>> import numpy as np
    >>> from xentlib import softmax_cross_entropy_with_logits
    >>> labels = [[0, 0, 0, 1, 0], [1, 0, 0, 0, 0]]
    >>> logits = [[1.0, 2.0, 3.0, 4.0, 5.0], [5.0, 4.0, 3.0, 2.0, 1.0]]
    >>> softmax_cross_entropy_with_logits(labels, logits)
    array([1.4519144, 0.4519144])
    >>> softmax_cross_entropy_with_logits(labels, logits, label_smoothing=0.1)
    array([1.5519144, 0.6519144])
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
    eps = v.check_label_smoothing(label_smoothing)

    def kernel(yb, xb):
        split = split_max(xb)
        y = yb.astype(split.shifted.dtype, copy=False)
        if eps:
            y = smooth_targets(y, eps)  # every entry > 0: no NaN below, a masked class is +inf
        with np.errstate(invalid="ignore"):
            # <= 0; NaN where a masked (-inf) class has label 0
            t = np.multiply(y, split.shifted, out=split.shifted)
            cross = t.sum(axis=-1)
        if np.isnan(cross).any():  # such a class contributes nothing
            bad = np.isnan(cross)
            cross[bad] = np.nansum(t[bad], axis=-1)
        return y.sum(axis=-1) * np.log1p(split.rest[:, 0]) - cross

    return finish(map_rows(kernel, [y2, x2], x2.shape[1]).reshape(batch), dtype)


def sparse_softmax_cross_entropy_with_logits(labels, logits, label_smoothing=0.0):
    r"""Softmax cross-entropy with integer class labels.

    Parameters
    ----------
    labels : array_like of int
        Class indices in ``[0, C)``, shape ``logits.shape[:-1]``. Negative
        indices are an error (they would silently pick a class from the end).
    logits : array_like
        Unscaled scores, classes along the last axis. ``-inf`` masks a class.
    label_smoothing : float, default 0.0
        :math:`\varepsilon \in [0, 1]`, as for
        :func:`softmax_cross_entropy_with_logits`: the one-hot target becomes
        :math:`(1 - \varepsilon)\,\operatorname{onehot}(c) + \varepsilon / K`.

    Returns
    -------
    ndarray or scalar
        One loss per example, :math:`-\log \operatorname{softmax}(z)_{c}` for label :math:`c`
        (with smoothing, :math:`(1 - \varepsilon)(-\log p_c) + \frac{\varepsilon}{K}
        \sum_j (-\log p_j)`), dtype of ``logits``.

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

    With label smoothing, :math:`-\log p_j = (m - z_j) + \operatorname{log1p}(s)`
    for every :math:`j`, and the weights :math:`1 - \varepsilon` and
    :math:`K \cdot \varepsilon / K` add up to 1, so the loss is

    .. math:: \operatorname{log1p}(s) + (1 - \varepsilon)(m - z_c)
              + \varepsilon \cdot \frac{1}{K} \sum_j (m - z_j),

    three non-negative terms, without ever building the dense target. A
    masked (``-inf``) class then costs ``+inf``, as in
    :func:`softmax_cross_entropy_with_logits`. With :math:`\varepsilon = 0`
    the computation is exactly the unsmoothed one.

    Examples
    --------
    >>> import numpy as np
    >>> from xentlib import sparse_softmax_cross_entropy_with_logits
    >>> sparse_softmax_cross_entropy_with_logits([3, 0], [[1.0, 2, 3, 4, 5], [5.0, 4, 3, 2, 1]])
    array([1.4519144, 0.4519144])
    >>> sparse_softmax_cross_entropy_with_logits([3, 0], [[1.0, 2, 3, 4, 5], [5.0, 4, 3, 2, 1]],
    ...                                          label_smoothing=0.1)
    array([1.5519144, 0.6519144])
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
    eps = v.check_label_smoothing(label_smoothing)

    def kernel(lb, xb):
        split = split_max(xb)
        return np.log1p(split.rest) - np.take_along_axis(split.shifted, lb, axis=-1)

    def smoothed(lb, xb):
        split = split_max(xb)
        spread = 0.0 - split.shifted.mean(axis=-1, keepdims=True)  # mean_j (m - z_j) >= 0
        loss = np.log1p(split.rest) + eps * spread
        if eps < 1:  # at eps = 1 the label has no weight (and 0 * inf would be NaN)
            loss += (1.0 - eps) * (0.0 - np.take_along_axis(split.shifted, lb, axis=-1))
        return loss

    out = map_rows(smoothed if eps else kernel, [lab2, x2], x2.shape[1])
    return finish(out.reshape(batch), dtype)


def sigmoid_cross_entropy_with_logits(labels, logits, pos_weight=None):
    r"""Elementwise sigmoid cross-entropy: independent yes/no labels from logits.

    Parameters
    ----------
    labels : array_like
        Targets :math:`y \in [0, 1]` (0/1, or soft), same shape as ``logits``.
    logits : array_like
        Unscaled scores :math:`z`; ``-inf`` is allowed, NaN and ``+inf`` raise.
    pos_weight : None, float or array_like, optional
        A weight :math:`q \ge 0` on the positive term (TensorFlow's
        ``weighted_cross_entropy_with_logits``): a scalar, or one weight per class,
        shape ``(C,)`` with ``C = logits.shape[-1]``, applied along the last axis
        (as in PyTorch's ``BCEWithLogitsLoss(pos_weight=...)``). Any other shape
        raises ``ValueError``. None (the default), or all weights 1, is no weighting.

    Returns
    -------
    ndarray or scalar
        :math:`-q\,y \log \sigma(z) - (1 - y) \log(1 - \sigma(z))`, elementwise
        (:math:`q = 1` without ``pos_weight``), dtype of ``logits``.

    See Also
    --------
    xentlib.naive.sigmoid_cross_entropy_with_logits : the textbook formula;
        ``z - zy + log(1 + exp(-z))``, overflowing for large negative z.
    binary_cross_entropy : the same loss from probabilities.
    sigmoid_cross_entropy_with_logits_grad : its gradient, ``sigmoid(z) - y``.
    sigmoid_focal_loss : this loss, scaled down for easy examples.

    Notes
    -----
    Algebra turns the definition into :math:`z - zy + \log(1 + e^{-z})`,
    which overflows for large negative :math:`z`. The form used here,

    .. math:: \max(z, 0) - zy + \operatorname{log1p}(e^{-|z|}),

    is the same function, never overflows, and is evaluated as
    :math:`z(1-y)` or :math:`-zy` (by the sign of :math:`z`) plus the log
    term, so that no two terms cancel.

    With weights, the two log-sigmoid terms are kept apart,

    .. math:: q\,y\,\big(\max(-z, 0) + \ell\big) + (1 - y)\big(\max(z, 0) + \ell\big),
              \qquad \ell = \operatorname{log1p}(e^{-|z|}),

    each non-negative (:math:`-\log\sigma(\pm z) = \max(\mp z, 0) + \ell`), so
    nothing cancels for any :math:`q`; a term whose weight :math:`q y` is 0
    costs exactly 0, also at :math:`z = -\infty`. TensorFlow's documented form
    :math:`(1 - y) z + (1 + (q - 1) y) \log(1 + e^{-z})` cancels for
    :math:`q < 1`.

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
    >>> sigmoid_cross_entropy_with_logits([[1.0, 1.0], [0.0, 0.0]], [[0.5, 0.5], [0.5, 0.5]],
    ...                                   pos_weight=[3.0, 1.0])   # per class
    array([[1.42223095, 0.47407698],
           [0.97407698, 0.97407698]])
    >>> import numpy as np
    >>> from xentlib import naive
    >>> with np.errstate(all="ignore"):
    ...     print(naive.sigmoid_cross_entropy_with_logits(np.array([0.0]), np.array([-1000.0])),
    ...           sigmoid_cross_entropy_with_logits([0.0], [-1000.0]))
    [inf] [0.]
    """
    dtype, labels, logits, q = weighted_pair(labels, logits, pos_weight)

    def kernel(yb, zb):
        return sigmoid_ce(yb.astype(zb.dtype, copy=False), zb)

    def weighted(yb, zb, qb):
        y = yb.astype(zb.dtype, copy=False)
        ell = np.log1p(exp_neg_abs(zb))
        neg = np.maximum(zb, 0.0) + ell  # -log(1 - sigmoid(z)) >= 0, finite
        pos = np.maximum(-zb, 0.0) + ell  # -log sigmoid(z) >= 0, +inf at z = -inf
        weight = qb.astype(zb.dtype, copy=False) * y
        # a loss beyond float max is inf; 0 * inf is NaN where z = -inf
        with np.errstate(over="ignore", invalid="ignore"):
            pos *= weight
            if np.isnan(pos).any():
                pos[np.isnan(pos)] = 0.0  # a zero weight: the term is absent
            neg *= 1.0 - y
            return pos + neg

    if q is None:
        return finish(map_elements(kernel, [labels, logits]), dtype)
    return finish(map_elements(weighted, [labels, logits, q]), dtype)


def sigmoid_focal_loss(labels, logits, gamma=2.0, alpha=None):
    r"""Elementwise sigmoid focal loss: the cross-entropy scaled down for easy examples.

    Parameters
    ----------
    labels : array_like
        Targets :math:`y \in [0, 1]` (0/1, or soft: the same formula), same
        shape as ``logits``.
    logits : array_like
        Unscaled scores :math:`z`; ``-inf`` is allowed, NaN and ``+inf`` raise.
    gamma : float, default 2.0
        The focusing exponent :math:`\gamma \ge 0`; 0 gives the plain
        cross-entropy, 2 is the choice of Lin et al.
    alpha : float or None, default None
        Class balance :math:`\alpha \in [0, 1]`: positives are weighted by
        :math:`\alpha` and negatives by :math:`1 - \alpha`. None (the default)
        applies no weight. (torchvision's default is 0.25.)

    Returns
    -------
    ndarray or scalar
        :math:`\alpha_t\,(1 - p_t)^\gamma\,\mathrm{CE}(z, y)`, elementwise, dtype of
        ``logits``, with :math:`p = \sigma(z)`, :math:`p_t = p y + (1 - p)(1 - y)`,
        :math:`\alpha_t = \alpha y + (1 - \alpha)(1 - y)` (1 without ``alpha``)
        and CE the :func:`sigmoid_cross_entropy_with_logits`; for 0/1 labels
        :math:`-\alpha_t (1 - p_t)^\gamma \log p_t`. This is
        ``torchvision.ops.sigmoid_focal_loss(..., reduction="none")``.

    See Also
    --------
    xentlib.naive.sigmoid_focal_loss : the textbook formula,
        ``-alpha_t (1 - p_t)**gamma log p_t`` through probabilities: ``inf``
        for a large wrong logit, 0 for a large right one.
    sigmoid_focal_loss_grad : its gradient with respect to the logits.
    sigmoid_cross_entropy_with_logits : the loss at ``gamma=0``.

    Notes
    -----
    The cross-entropy is computed exactly as by
    :func:`sigmoid_cross_entropy_with_logits`, so ``gamma=0`` with
    ``alpha=None`` returns the same numbers bit for bit (the factor is
    :math:`0^0 = 1`). The factor's base is

    .. math:: 1 - p_t = y\,\sigma(-z) + (1 - y)\,\sigma(z),

    two non-negative terms, each sigmoid computed directly (never as ``1 -``
    the other): for :math:`y = 1`, :math:`z = 40` it is
    :math:`\sigma(-40) = 4.25 \times 10^{-18}`, where ``1 - p_t`` would be 0.
    Its power is taken with ``np.power``, whose error is :math:`\gamma` times
    that of the base; ``exp(gamma * log(...))`` would add an error
    proportional to :math:`|\gamma \log(1 - p_t)|`. A term whose weight
    :math:`\alpha_t` is 0 costs exactly 0, also where the cross-entropy is
    ``+inf`` (:math:`z = -\infty` with :math:`y > 0`), where torchvision
    gives ``nan``.

    References
    ----------
    T.-Y. Lin, P. Goyal, R. Girshick, K. He, P. Dollár, "Focal Loss for Dense
    Object Detection", ICCV 2017.

    Examples
    --------
    >>> import numpy as np
    >>> from xentlib import sigmoid_focal_loss
    >>> sigmoid_focal_loss([1.0, 1.0, 0.0], [2.0, -2.0, 0.0])   # easy, hard, unsure
    array([0.00180356, 1.65007818, 0.1732868 ])
    >>> sigmoid_focal_loss([1.0, 0.0], [2.0, 2.0], alpha=0.25)
    array([4.50890709e-04, 1.23755863e+00])
    >>> print(sigmoid_focal_loss([1.0], [40.0]))     # sigma(-40)**3, not 0
    [7.66764807e-53]
    >>> import numpy as np
    >>> from xentlib import naive
    >>> with np.errstate(all="ignore"):
    ...     print(naive.sigmoid_focal_loss(np.array([1.0, 1.0]), np.array([-1000.0, 40.0])),
    ...           sigmoid_focal_loss([1.0, 1.0], [-1000.0, 40.0]))
    [inf  0.] [1.00000000e+03 7.66764807e-53]
    """
    dtype, labels, logits = elementwise_pair(labels, logits)
    gamma, alpha = v.check_focal_parameters(gamma, alpha)

    def kernel(yb, zb):
        y = yb.astype(zb.dtype, copy=False)
        loss = sigmoid_ce(y, zb)
        if gamma:  # np.power(u, 0) would be 1 everywhere: skip it
            s_pos, s_neg = sigmoid_pair(zb)
            s_neg *= y
            s_pos *= 1.0 - y
            s_neg += s_pos  # 1 - p_t, without cancellation
            # where 1 - p_t = 0 the cross-entropy is finite: no 0 * inf
            loss *= np.power(s_neg, gamma, out=s_neg)
        if alpha is not None:
            weight = alpha * y + (1.0 - alpha) * (1.0 - y)
            with np.errstate(invalid="ignore"):
                loss *= weight  # 0 * inf is NaN where CE = inf
            if np.isnan(loss).any():
                loss[np.isnan(loss)] = 0.0  # a zero weight: the term is absent
        return loss

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
