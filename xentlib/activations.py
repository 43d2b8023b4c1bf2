"""Activations: sigmoid and softmax, and their logarithms, computed stably.

Functions
---------
sigmoid, log_sigmoid
    The logistic function and its logarithm, elementwise.
softmax, log_softmax, logsumexp
    The softmax family along a class axis.

None of them overflows for any finite input, and all are accurate to a few
units in the last place of the input's own precision (for a softmax
probability far below the largest, the rounding of the shift ``x - max``
adds up to ``|x - max|`` half-ulps, the conditioning of ``exp``). Their
accuracy near probability 1 comes from taking the largest term out of the
sum and applying ``log1p`` to the rest (Blanchard, Higham & Higham, 2021),
not from the max-shift alone.
"""

import numpy as np

from . import validation as v
from ._blocks import map_elements, map_rows
from ._rows import as_rows, exp_neg_abs, finish, from_rows, softmax_from_split, split_max

__all__ = ["sigmoid", "log_sigmoid", "softmax", "log_softmax", "logsumexp"]


def logsumexp(x, axis=-1):
    r"""Logarithm of the sum of exponentials along an axis, without overflow.

    Parameters
    ----------
    x : array_like
        Input values. ``-inf`` entries are allowed and contribute nothing;
        NaN and ``+inf`` raise ``ValueError``.
    axis : int, default -1
        Axis to reduce.

    Returns
    -------
    ndarray or scalar
        :math:`\log \sum_j e^{x_j}` along ``axis`` (that axis removed). A row
        that is all ``-inf``, and an axis of length 0, give ``-inf``: the log
        of a sum that is 0 (as ``scipy.special.logsumexp`` does). The
        softmax and the losses, which need a class to exist, reject both.

    See Also
    --------
    xentlib.naive.logsumexp : the textbook formula;
        ``log(sum(exp(z)))``: ``inf`` once a logit exceeds about 709.
    log_softmax : ``x - logsumexp(x)``, computed with the same care.

    Notes
    -----
    With :math:`m = \max_j x_j` attained at :math:`j^*`,

    .. math:: \operatorname{LSE}(x) = m + \operatorname{log1p}\Big(\sum_{j \ne j^*} e^{x_j - m}\Big).

    Shifting by the maximum prevents overflow; taking the maximum's own term
    (exactly 1) out of the sum and using ``log1p`` keeps full relative
    accuracy when the other terms are tiny (Blanchard, Higham and Higham, 2021).

    References
    ----------
    P. Blanchard, D. J. Higham, N. J. Higham, "Accurately computing the
    log-sum-exp and softmax functions", IMA J. Numer. Anal. 41 (2021).

    Examples
    --------
    >>> import numpy as np
    >>> from xentlib import logsumexp
    >>> float(logsumexp([1000.0, 1000.0]))      # log(2 e^1000) = 1000 + log 2
    1000.69314718
    >>> with np.errstate(over="ignore"):        # the naive formula overflows
    ...     float(np.log(np.sum(np.exp([1000.0, 1000.0]))))
    inf
    >>> float(logsumexp([1.0, 2.0, 3.0]))
    3.40760596444
    >>> float(logsumexp([0.0, -np.inf]))        # a masked entry adds nothing
    0.0
    >>> logsumexp(np.zeros((2, 0)))              # no terms: log 0
    array([-inf, -inf])
    >>> import numpy as np
    >>> from xentlib import naive
    >>> with np.errstate(all="ignore"):
    ...     print(naive.logsumexp(np.array([1000.0, 1000.0])), f"{logsumexp([1000.0, 1000.0]):.4f}")
    inf 1000.6931
    """
    x = v.as_float_array(x, "x")
    k = v.normalize_axis(axis, x.ndim)
    if x.shape[k] == 0:  # the sum over no terms is 0, and its log is -inf
        return finish(np.full(np.delete(x.shape, k), -np.inf), x.dtype)
    x2, batch, _ = as_rows(x, axis, "x", allow_all_neg_inf=True)

    def kernel(xb):
        split = split_max(xb)
        return split.top + np.log1p(split.rest)

    return finish(map_rows(kernel, [x2], x2.shape[1]).reshape(batch), x.dtype)


def log_softmax(x, axis=-1):
    r"""Logarithm of the softmax along an axis, accurate for every entry.

    Parameters
    ----------
    x : array_like
        Logits. ``-inf`` entries are allowed (masked classes, log-probability
        ``-inf``); NaN, ``+inf`` and a row that is all ``-inf`` raise
        ``ValueError``.
    axis : int, default -1
        The class axis.

    Returns
    -------
    ndarray or scalar
        :math:`x_i - \operatorname{LSE}(x)`, same shape and dtype as ``x``.

    See Also
    --------
    xentlib.naive.log_softmax : the textbook formula;
        ``log(softmax(z))``: 0 or -inf where the softmax has rounded.
    softmax, logsumexp

    Notes
    -----
    Computed as :math:`(x_i - m) - \operatorname{log1p}(\sum_{j \ne j^*}
    e^{x_j - m})`: both terms are :math:`\le 0`, so nothing cancels, and the
    largest entry keeps its tiny but nonzero log-probability where
    ``log(softmax(x))`` rounds it to 0 or a naive formula overflows.

    Examples
    --------
    >>> import numpy as np
    >>> from xentlib import log_softmax
    >>> log_softmax([1000.0, 1.0])
    array([   0., -999.])
    >>> log_softmax([0.0, -40.0])[0]      # -log(1 + e^-40), not 0
    np.float64(-4.2483542553e-18)
    >>> log_softmax(np.float32([0.0, -20.0]))[0]
    np.float32(-2.06115e-09)
    >>> import numpy as np
    >>> from xentlib import naive
    >>> with np.errstate(all="ignore"):
    ...     print(naive.log_softmax(np.array([0.0, -1000.0])), log_softmax([0.0, -1000.0]))
    [  0. -inf] [    0. -1000.]
    """
    x = v.as_float_array(x, "x")
    x2, batch, axis = as_rows(x, axis, "x")

    def kernel(xb):
        split = split_max(xb)
        return np.subtract(split.shifted, np.log1p(split.rest), out=split.shifted)

    return from_rows(map_rows(kernel, [x2], x2.shape[1]), batch, axis, x.dtype)


def softmax(x, axis=-1):
    r"""Softmax along an axis: exponentials normalised to sum to 1.

    Parameters
    ----------
    x : array_like
        Logits. ``-inf`` entries get probability 0; NaN, ``+inf`` and a row
        that is all ``-inf`` raise ``ValueError``.
    axis : int, default -1
        The class axis.

    Returns
    -------
    ndarray or scalar
        :math:`e^{x_i} / \sum_j e^{x_j}`, same shape and dtype as ``x``.

    See Also
    --------
    xentlib.naive.softmax : the textbook formula;
        ``exp(z) / sum(exp(z))``: ``nan`` once a logit exceeds about 709.
    log_softmax : use it (not ``log(softmax(x))``) when a log follows.
    sigmoid : softmax over ``[a, b]`` is ``sigmoid(a - b)`` for the first entry.

    Notes
    -----
    Subtracting the maximum :math:`m` changes nothing mathematically
    (softmax is shift invariant) but keeps every exponent :math:`\le 0`, so
    nothing overflows: the naive formula returns ``nan`` for ``[1000, 1001]``.

    Examples
    --------
    >>> import numpy as np
    >>> from xentlib import softmax
    >>> softmax([1000.0, 1001.0])
    array([0.26894142, 0.73105858])
    >>> softmax([2.0, 3.0, 5.0, 6.0]).round(8)
    array([0.01275478, 0.03467109, 0.25618664, 0.69638749])
    >>> softmax([1.0, -np.inf])
    array([1., 0.])
    >>> import numpy as np
    >>> from xentlib import naive
    >>> with np.errstate(all="ignore"):
    ...     print(naive.softmax(np.array([1000.0, 1001.0])), softmax([1000.0, 1001.0]))
    [nan nan] [0.26894142 0.73105858]
    """
    x = v.as_float_array(x, "x")
    x2, batch, axis = as_rows(x, axis, "x")

    def kernel(xb):
        probabilities, _ = softmax_from_split(split_max(xb))
        return probabilities

    return from_rows(map_rows(kernel, [x2], x2.shape[1]), batch, axis, x.dtype)


def sigmoid(x):
    r"""The logistic sigmoid :math:`\sigma(x) = 1 / (1 + e^{-x})`, elementwise.

    Parameters
    ----------
    x : array_like
        Real inputs; ``-inf`` and ``+inf`` give 0 and 1. NaN raises ``ValueError``.

    Returns
    -------
    ndarray or scalar
        Values in [0, 1], same shape and dtype as ``x``.

    See Also
    --------
    xentlib.naive.sigmoid : the textbook formula;
        ``1/(1 + exp(-z))``, whose exp overflows (with a warning) below z = -709.
    log_sigmoid, softmax

    Notes
    -----
    Uses :math:`1/(1+e^{-x})` for :math:`x \ge 0` and :math:`e^{x}/(1+e^{x})`
    for :math:`x < 0`, so the exponential is always of :math:`-|x|` and never
    overflows; each branch has full relative accuracy (:math:`\sigma(-800)`
    is a tiny positive number's correct rounding, not an overflow warning).

    Examples
    --------
    >>> import numpy as np
    >>> from xentlib import sigmoid
    >>> sigmoid([2.0, 3.0, 5.0, 6.0])
    array([0.88079708, 0.95257413, 0.99330715, 0.99752738])
    >>> float(sigmoid(-1000.0))         # no overflow warning
    0.0
    >>> float(sigmoid(-700.0))
    9.8596765438e-305
    >>> import numpy as np
    >>> from xentlib import naive
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     _ = naive.sigmoid(np.array([-1000.0])), sigmoid([-1000.0])
    >>> [str(w.message) for w in caught]      # only the textbook formula overflows
    ['overflow encountered in exp']
    """
    x = v.as_float_array(x, "x")
    v.check_no_nan(x, "x")

    def kernel(xb):
        e = exp_neg_abs(xb)
        return np.where(xb >= 0, 1.0, e) / (1.0 + e)

    return finish(map_elements(kernel, [x]), x.dtype)


def log_sigmoid(x):
    r"""The logarithm of the sigmoid, :math:`\log \sigma(x) = -\log(1 + e^{-x})`.

    Parameters
    ----------
    x : array_like
        Real inputs; ``-inf`` gives ``-inf`` and ``+inf`` gives 0. NaN raises
        ``ValueError``.

    Returns
    -------
    ndarray or scalar
        Values :math:`\le 0`, same shape and dtype as ``x``.

    See Also
    --------
    xentlib.naive.log_sigmoid : the textbook formula;
        ``log(sigmoid(z))``: -inf or 0 where the sigmoid has rounded.

    Notes
    -----
    Computed as :math:`\min(x, 0) - \operatorname{log1p}(e^{-|x|})`: the two
    terms have the same sign, so nothing cancels, and nothing overflows.
    ``log(sigmoid(x))`` would give ``-inf`` for ``x = -1000`` instead of
    ``-1000``.

    Examples
    --------
    >>> import numpy as np
    >>> from xentlib import log_sigmoid
    >>> log_sigmoid([-1000.0, 0.0, 40.0])
    array([-1.00000000e+03, -6.93147181e-01, -4.24835426e-18])
    >>> import numpy as np
    >>> from xentlib import naive
    >>> with np.errstate(all="ignore"):
    ...     print(naive.log_sigmoid(np.array([-1000.0, 40.0])), log_sigmoid([-1000.0, 40.0]))
    [-inf   0.] [-1.00000000e+03 -4.24835426e-18]
    """
    x = v.as_float_array(x, "x")
    v.check_no_nan(x, "x")

    def kernel(xb):
        return np.minimum(xb, 0.0) - np.log1p(exp_neg_abs(xb))

    return finish(map_elements(kernel, [x]), x.dtype)
