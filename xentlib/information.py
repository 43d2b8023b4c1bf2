"""Information theory: information content, entropy, KL divergence, cross-entropy.

Functions
---------
information
    Information content (surprisal) of an event, :math:`-\\log p`.
entropy, binary_entropy
    Expected information of a distribution; the two-outcome special case.
kl_divergence, cross_entropy
    How far a distribution q is from p, and the expected information of p's
    outcomes measured with q's probabilities.

Conventions: :math:`0 \\log 0 = 0`; natural logarithms (nats) unless
``base`` is given (``base=2`` for bits); inputs that should be probability
distributions must lie in [0, 1] and sum to 1 along ``axis``.
"""

import numpy as np

from . import validation as v
from ._args import distribution_pair
from ._rows import finish

__all__ = ["information", "entropy", "binary_entropy", "kl_divergence", "cross_entropy"]


def _to_float64(x):
    return x.astype(np.float64, copy=False)


def _in_base(out, dtype, log_b):
    """Scale by ``log_b`` (from :func:`validation.log_base`; None for nats),
    drop the sign of zero, cast, unwrap 0-d."""
    if log_b is not None:
        out = out / log_b
    return finish(out + 0.0, dtype)  # + 0.0 turns -0.0 into 0.0


def _xlogx(p):
    """p * log(p) with the convention 0 * log 0 = 0 (no NaN, no warning)."""
    return p * np.log(np.where(p > 0, p, 1.0))


def _xlogy(p, q):
    """p * log(q), 0 where p == 0 (whatever q is), -inf where q == 0 < p."""
    with np.errstate(divide="ignore"):  # log(0) = -inf is the intended value
        return np.where(p > 0, p * np.log(np.where(p > 0, q, 1.0)), 0.0)


def information(p, base=None):
    r"""Information content (surprisal) of an event of probability ``p``.

    Parameters
    ----------
    p : array_like
        Probabilities in [0, 1].
    base : float, optional
        Logarithm base: ``None`` for nats (natural log), ``2`` for bits.

    Returns
    -------
    ndarray or scalar
        :math:`I(p) = -\log p`, elementwise: 0 for a certain event, ``inf``
        for an impossible one.

    See Also
    --------
    xentlib.naive.information : the textbook formula;
        ``-log p``, which warns (divide by zero) at p = 0.

    Notes
    -----
    The logarithm is what makes information additive: two independent events
    have probability :math:`p_1 p_2` and information
    :math:`-\log p_1 - \log p_2`.

    Examples
    --------
    >>> from xentlib import information
    >>> information([1.0, 0.5, 0.25], base=2)     # in bits
    array([0., 1., 2.])
    >>> float(information(0.0))
    inf
    >>> import numpy as np
    >>> from xentlib import naive
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     _ = naive.information(np.array([0.0])), information([0.0])
    >>> [str(w.message) for w in caught]      # only the textbook -log p warns
    ['divide by zero encountered in log']
    """
    log_b = v.log_base(base)
    p = v.as_float_array(p, "p")
    v.check_probabilities(p, "p")
    with np.errstate(divide="ignore"):  # -log 0 = inf is the intended value
        out = -np.log(_to_float64(p))
    return _in_base(out, p.dtype, log_b)


def entropy(p, axis=-1, base=None, normalize=False):
    r"""Shannon entropy of a discrete distribution.

    Parameters
    ----------
    p : array_like
        Probabilities along ``axis`` that sum to 1 (tolerance
        :math:`\sqrt{\epsilon}` of the dtype: 1.5e-8 for float64). With
        ``normalize=True``, any non-negative counts or weights instead.
    axis : int, default -1
        The axis along which the outcomes lie.
    base : float, optional
        ``None`` for nats, ``2`` for bits.
    normalize : bool, default False
        Divide ``p`` by its sum along ``axis`` first (for counts).

    Returns
    -------
    ndarray or scalar
        :math:`H(p) = -\sum_i p_i \log p_i`, with :math:`0 \log 0 = 0`,
        ``axis`` removed.

    See Also
    --------
    xentlib.naive.entropy : the textbook formula;
        ``nan`` as soon as a probability is 0.
    binary_entropy : the two-outcome case as a function of one probability.
    cross_entropy, kl_divergence

    Notes
    -----
    Zero probabilities contribute exactly 0 by construction (their log is
    never taken), so there is no NaN to hide: bad input is an error, not a
    NaN silently dropped.

    Examples
    --------
    >>> from xentlib import entropy
    >>> float(entropy([0.5, 0.5], base=2))
    1.0
    >>> float(entropy([0.7, 0.2, 0.1]))        # nats
    0.80181855254
    >>> float(entropy([1.0, 0.0, 0.0]))        # certainty: no information
    0.0
    >>> float(entropy([3, 1], normalize=True, base=2))
    0.811278124459
    >>> import numpy as np
    >>> from xentlib import naive
    >>> with np.errstate(all="ignore"):
    ...     print(naive.entropy(np.array([1.0, 0.0, 0.0])), entropy([1.0, 0.0, 0.0]))
    nan 0.0
    """
    log_b = v.log_base(base)
    p = v.as_float_array(p, "p")
    axis = v.normalize_axis(axis, p.ndim)
    if normalize:
        v.check_counts(p, "p", axis)
        w = _to_float64(p)
        w = w / w.sum(axis=axis, keepdims=True)
    else:
        v.check_distribution(p, "p", axis, suggest_normalize=True)
        w = _to_float64(p)
    return _in_base(-_xlogx(w).sum(axis=axis), p.dtype, log_b)


def binary_entropy(p, base=None):
    r"""Entropy of a two-outcome (Bernoulli) distribution with probability ``p``.

    Parameters
    ----------
    p : array_like
        Probability of one of the two outcomes, in [0, 1].
    base : float, optional
        ``None`` for nats, ``2`` for bits.

    Returns
    -------
    ndarray or scalar
        :math:`H(p) = -p \log p - (1 - p) \log(1 - p)`, elementwise; maximal
        (1 bit) at :math:`p = 1/2`, 0 at :math:`p \in \{0, 1\}`.

    See Also
    --------
    xentlib.naive.binary_entropy : the textbook formula;
        ``nan`` at p = 0 and p = 1.

    Notes
    -----
    :math:`\log(1 - p)` is computed as ``log1p(-p)``: for small :math:`p` the
    second term is about :math:`p`, which ``log(1 - p)`` would round away.

    Examples
    --------
    >>> from xentlib import binary_entropy
    >>> binary_entropy([0.0, 0.5, 1.0], base=2)
    array([0., 1., 0.])
    >>> float(binary_entropy(1e-20))       # -p log p - (1-p) log(1-p)
    4.70517018599e-19
    >>> import numpy as np
    >>> from xentlib import naive
    >>> with np.errstate(all="ignore"):
    ...     print(naive.binary_entropy(np.array([0.0, 1.0])), binary_entropy([0.0, 1.0]))
    [nan nan] [0. 0.]
    """
    log_b = v.log_base(base)
    p = v.as_float_array(p, "p")
    v.check_probabilities(p, "p")
    w = _to_float64(p)
    one_minus = 1.0 - w
    # log1p(-p) is -inf at p = 1, where its weight (1 - p) is 0: use 0 there.
    second = one_minus * np.log1p(-np.where(w < 1, w, 0.0))
    return _in_base(-(_xlogx(w) + second), p.dtype, log_b)


# Coefficients 1/(2k+3), k = 0..11, of the odd series of atanh used in
# _kl_term_close: with |u| <= 1/5 the next term is below 1e-18 of the sum.
_ATANH_TAIL = 1.0 / (2.0 * np.arange(12) + 3.0)


def _kl_term_close(p, q):
    """q * f(r) with f(r) = (1+r) log1p(r) - r and r = (p - q)/q, for
    2/3 <= p/q <= 3/2.

    Written out directly this is a difference of nearly equal numbers. With
    u = r/(2+r), log1p(r) = 2 atanh(u) = 2(u + u^3/3 + u^5/5 + ...), and the
    first-order terms cancel algebraically, leaving
    f(r) = r^2/(2+r) + 2(1+r) u^3 (1/3 + u^2/5 + ...),
    a sum in which nothing cancels, so the term is exact to a few ulp even
    when KL is 1e-18. |u| <= 1/5 on this range.
    """
    r = (p - q) / q  # p - q is exact here (Sterbenz), the division adds 1/2 ulp
    u = r / (2.0 + r)
    u2 = u * u
    tail = np.zeros_like(u)
    for c in _ATANH_TAIL[::-1]:
        tail = tail * u2 + c
    return q * (r * r / (2.0 + r) + 2.0 * (1.0 + r) * u * u2 * tail)


def _kl_terms(p, q):
    """Elementwise p log(p/q) - p + q >= 0, with 0 log 0 = 0 and inf for q = 0 < p."""
    t = q.copy()  # the value where p == 0
    close = (p > 0) & (2.0 * q <= 3.0 * p) & (2.0 * p <= 3.0 * q)
    far = (p > 0) & ~close
    if close.any():
        t[close] = _kl_term_close(p[close], q[close])
    if far.any():
        pf, qf = p[far], q[far]
        with np.errstate(over="ignore", under="ignore", divide="ignore"):
            ratio = pf / qf  # overflows to inf for q == 0 or q << p
            log_ratio = np.log(ratio)
            # Outside the normal range the rounded ratio has lost digits;
            # there |log p - log q| > 700, so the difference of logs is exact
            # enough and never cancels.
            odd = ~((ratio >= np.finfo(np.float64).tiny) & (ratio < np.inf))
            if odd.any():
                log_ratio[odd] = np.log(pf[odd]) - np.log(qf[odd])
        t[far] = pf * log_ratio - pf + qf
    return t


def kl_divergence(p, q, axis=-1, base=None):
    r"""Kullback-Leibler divergence :math:`D_{KL}(p \| q)` between distributions.

    Parameters
    ----------
    p : array_like
        The reference ("true") distribution along ``axis``.
    q : array_like
        The approximating ("predicted") distribution; same shape as ``p``.
    axis : int, default -1
        The axis along which the outcomes lie.
    base : float, optional
        ``None`` for nats, ``2`` for bits.

    Returns
    -------
    ndarray or scalar
        :math:`\sum_i p_i \log(p_i / q_i) \ge 0`, ``axis`` removed; 0 exactly
        when ``p == q``; ``inf`` where some :math:`q_i = 0 < p_i`.

    See Also
    --------
    xentlib.naive.kl_divergence : the textbook formula;
        ``nan`` for zeros in p, negative noise for p close to q.
    cross_entropy : :math:`H(p, q) = H(p) + D_{KL}(p \| q)`.

    Notes
    -----
    KL is not symmetric: :math:`D_{KL}(p\|q) \ne D_{KL}(q\|p)` in general.

    It is computed as :math:`\sum_i [p_i \log(p_i/q_i) - p_i + q_i]`, which
    equals the definition when both sum to 1 and, unlike it, has no negative
    terms, so nothing cancels and rounding can never make the result
    negative. Terms with :math:`p_i \approx q_i` use a series in which the
    first-order parts cancel algebraically: for nearly equal distributions
    (KL of order 1e-18) the result keeps full relative accuracy, where the
    direct sum returns rounding noise of order 1e-17, often negative.

    Examples
    --------
    >>> from xentlib import kl_divergence
    >>> float(kl_divergence([1.0, 0.0, 0.0], [0.7, 0.2, 0.1]))   # = -log 0.7
    0.356674943939
    >>> float(kl_divergence([0.5, 0.5], [0.5, 0.5]))
    0.0
    >>> float(kl_divergence([0.5, 0.5], [1.0, 0.0]))
    inf
    >>> p, q = [0.5, 0.25, 0.25], [0.5 + 2**-30, 0.25 - 2**-30, 0.25]
    >>> float(kl_divergence(p, q))                 # tiny, and positive
    2.60208521720e-18
    >>> import numpy as np
    >>> from xentlib import naive
    >>> p, q = np.array([0.5, 0.25, 0.25]), np.array([0.5 + 2**-30, 0.25 - 2**-30, 0.25])
    >>> print(naive.kl_divergence(p, q) < 0, kl_divergence(p, q) > 0)   # never negative here
    True True
    """
    log_b = v.log_base(base)
    p, q, axis = distribution_pair(p, q, axis)
    out = _kl_terms(_to_float64(p), _to_float64(q)).sum(axis=axis)
    return _in_base(out, v.result_dtype(p, q), log_b)


def cross_entropy(p, q, axis=-1, base=None):
    r"""Cross-entropy :math:`H(p, q)` of distribution ``q`` relative to ``p``.

    Parameters
    ----------
    p : array_like
        The reference ("true") distribution along ``axis``, e.g. labels.
    q : array_like
        The predicted distribution; same shape as ``p``.
    axis : int, default -1
        The axis along which the outcomes lie.
    base : float, optional
        ``None`` for nats, ``2`` for bits.

    Returns
    -------
    ndarray or scalar
        :math:`-\sum_i p_i \log q_i`, ``axis`` removed; terms with
        :math:`p_i = 0` are 0; ``inf`` where some :math:`q_i = 0 < p_i`.

    See Also
    --------
    xentlib.naive.cross_entropy : the textbook formula;
        ``nan`` where p = q = 0.
    kl_divergence, entropy : :math:`H(p, q) = H(p) + D_{KL}(p \| q)`.
    softmax_cross_entropy_with_logits : the same loss computed from logits.

    Examples
    --------
    >>> import numpy as np
    >>> from xentlib import cross_entropy
    >>> float(cross_entropy([0, 1, 0], [0.3, 0.6, 0.1]))    # = -log 0.6
    0.510825623766
    >>> cross_entropy([[0, 1, 0], [1, 0, 0]], [[0.3, 0.6, 0.1], [0.3, 0.6, 0.1]])
    array([0.51082562, 1.2039728 ])
    >>> import numpy as np
    >>> from xentlib import naive
    >>> with np.errstate(all="ignore"):
    ...     print(naive.cross_entropy(np.array([1.0, 0.0]), np.array([1.0, 0.0])), cross_entropy([1.0, 0.0], [1.0, 0.0]))
    nan 0.0
    """
    log_b = v.log_base(base)
    p, q, axis = distribution_pair(p, q, axis)
    out = -_xlogy(_to_float64(p), _to_float64(q)).sum(axis=axis)
    return _in_base(out, v.result_dtype(p, q), log_b)
