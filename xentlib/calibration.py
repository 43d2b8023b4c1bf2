r"""Calibration: do the predicted probabilities mean what they say?

Functions
---------
calibration_bins
    The top-label reliability diagram: per-bin counts, accuracy and confidence.
expected_calibration_error
    The gap between confidence and accuracy, averaged over the bins.
fit_temperature
    The temperature that minimises the mean cross-entropy of ``logits / T``.

A classifier is calibrated when, among the examples it predicts with
confidence 0.8, 80% are right. All three functions follow Guo et al. (2017):
the *top-label* confidence (the largest probability, whose class is the
prediction), equal-width bins on [0, 1], and temperature scaling. They need
no naive twin: nothing here is a formula that fails for large inputs.

References
----------
C. Guo, G. Pleiss, Y. Sun, K. Q. Weinberger, "On Calibration of Modern Neural
Networks", ICML 2017.
"""

import math
from typing import NamedTuple

import numpy as np

from . import validation as v
from ._args import calibration_rows, temperature_rows
from ._blocks import map_rows
from ._rows import finish, softmax_from_split, split_max

__all__ = ["CalibrationBins", "calibration_bins", "expected_calibration_error", "fit_temperature"]


class CalibrationBins(NamedTuple):
    """The reliability diagram of :func:`calibration_bins`.

    Attributes
    ----------
    edges : ndarray, shape (n_bins + 1,)
        The bin edges :math:`0, 1/M, \\dots, 1`, dtype of ``probs``.
    counts : ndarray of int64, shape (n_bins,)
        :math:`|B_m|`, the number of examples in each bin.
    accuracy : ndarray, shape (n_bins,)
        The fraction of right predictions in each bin; 0 for an empty bin.
    confidence : ndarray, shape (n_bins,)
        The mean top-label confidence in each bin; 0 for an empty bin.
    """

    edges: np.ndarray
    counts: np.ndarray
    accuracy: np.ndarray
    confidence: np.ndarray


def _bin_sums(labels, probs, n_bins):
    """Edges, counts, right predictions and summed confidence per bin (float64 sums)."""
    dtype, lab, p2 = calibration_rows(labels, probs)
    n_bins = v.check_n_bins(n_bins)

    def kernel(lb, pb):
        index = np.argmax(pb, axis=-1)  # the first largest on ties
        confidence = np.take_along_axis(pb, index[:, None], axis=-1)[:, 0]
        return confidence, index == lb

    confidence, right = map_rows(kernel, [lab, p2], p2.shape[1])
    edges = np.linspace(0.0, 1.0, n_bins + 1).astype(dtype)
    # bin m (from 1) is ((m-1)/M, m/M]; a confidence of exactly 0 joins the first
    ids = np.clip(np.searchsorted(edges, confidence, side="left") - 1, 0, n_bins - 1)
    counts = np.bincount(ids, minlength=n_bins).astype(np.int64)
    hits = np.bincount(ids, weights=right, minlength=n_bins)
    total = np.bincount(ids, weights=confidence.astype(np.float64), minlength=n_bins)
    return dtype, edges, counts, hits, total


def calibration_bins(labels, probs, n_bins=15):
    r"""The top-label reliability diagram: counts, accuracy and confidence per bin.

    Parameters
    ----------
    labels : array_like of int
        True class indices in ``[0, K)``, shape ``probs.shape[:-1]``.
    probs : array_like
        Predicted probabilities, classes along the last axis (e.g. a softmax
        output), shape ``(N, K)`` or any batch shape followed by ``K``; each row
        must sum to 1 (tolerance :math:`\sqrt{\epsilon}` of its dtype). At least
        one example.
    n_bins : int, default 15
        The number :math:`M` of equal-width bins on [0, 1].

    Returns
    -------
    CalibrationBins
        A named tuple ``(edges, counts, accuracy, confidence)``, see
        :class:`CalibrationBins`. ``accuracy`` and ``confidence`` are in the
        dtype of ``probs``; an empty bin has ``counts`` 0 and both means 0 (not
        NaN), so tell empty bins apart by ``counts``.

    See Also
    --------
    expected_calibration_error : the weighted mean of ``|accuracy - confidence|``.

    Notes
    -----
    Each example's confidence is its largest probability and its prediction
    that class (the first one on ties). Bin :math:`m` (from 1) holds the
    confidences in :math:`((m - 1)/M, m/M]`, and a confidence of exactly 0 goes
    to the first bin (Guo et al. 2017; ``sklearn.calibration.calibration_curve``
    cuts the bins the same way).

    Examples
    --------
    >>> from xentlib import calibration_bins
    >>> probs = [[0.9, 0.1], [0.8, 0.2], [0.3, 0.7], [0.45, 0.55]]
    >>> bins = calibration_bins([0, 1, 1, 0], probs, n_bins=4)
    >>> bins.counts
    array([0, 0, 2, 2])
    >>> bins.accuracy, bins.confidence
    (array([0. , 0. , 0.5, 0.5]), array([0.   , 0.   , 0.625, 0.85 ]))
    """
    dtype, edges, counts, hits, total = _bin_sums(labels, probs, n_bins)
    accuracy = np.divide(hits, counts, out=np.zeros(counts.shape), where=counts > 0)
    confidence = np.divide(total, counts, out=np.zeros(counts.shape), where=counts > 0)
    return CalibrationBins(edges, counts, accuracy.astype(dtype), confidence.astype(dtype))


def expected_calibration_error(labels, probs, n_bins=15):
    r"""Expected calibration error (ECE) of top-label predictions, with equal-width bins.

    Parameters
    ----------
    labels, probs, n_bins
        As for :func:`calibration_bins`.

    Returns
    -------
    scalar
        :math:`\sum_m \frac{|B_m|}{N}\,\big|\operatorname{acc}(B_m) -
        \operatorname{conf}(B_m)\big|`, in [0, 1], dtype of ``probs``.

    See Also
    --------
    calibration_bins : the per-bin numbers behind it.
    fit_temperature : a one-number fix for an over- or under-confident model.

    Notes
    -----
    Each term is evaluated as :math:`\big|\sum_{i \in B_m} (\mathbb 1[\hat y_i
    = y_i] - \hat p_i)\big| / N` (the same number, without a division per bin),
    so empty bins contribute exactly 0. The ECE of a finite sample of a
    perfectly calibrated model is not 0 but shrinks like
    :math:`\sqrt{M/N}`; with few examples per bin it is biased upwards.

    Examples
    --------
    >>> from xentlib import expected_calibration_error
    >>> probs = [[0.9, 0.1], [0.8, 0.2], [0.3, 0.7], [0.45, 0.55]]
    >>> float(expected_calibration_error([0, 1, 1, 0], probs, n_bins=4))   # (2*0.125 + 2*0.35)/4
    0.2375
    """
    dtype, _, counts, hits, total = _bin_sums(labels, probs, n_bins)
    ece = math.fsum(np.abs(hits - total)) / counts.sum()
    return finish(np.asarray(ece), dtype)


def fit_temperature(labels, logits):
    r"""The temperature :math:`T > 0` that minimises the mean cross-entropy of ``logits / T``.

    Parameters
    ----------
    labels : array_like of int
        True class indices in ``[0, K)``, shape ``logits.shape[:-1]`` (none on
        a masked class).
    logits : array_like
        Unscaled scores of a held-out set, classes along the last axis; at
        least one example. ``-inf`` masks a class.

    Returns
    -------
    scalar
        :math:`T^* = \arg\min_{T > 0} \frac1N \sum_i \mathrm{CE}(z_i / T, y_i)`
        with CE :func:`~xentlib.sparse_softmax_cross_entropy_with_logits`,
        dtype of ``logits``. Divide the logits by it before the softmax.

    Raises
    ------
    ValueError
        For bad input, and when no finite :math:`T > 0` minimises the loss
        (see Notes).

    See Also
    --------
    expected_calibration_error : to check the result on another held-out set.

    Notes
    -----
    Temperature scaling (Guo et al. 2017) fits one number, so it changes the
    confidence but never the predicted class. With :math:`\beta = 1/T` the mean
    loss :math:`\frac1N \sum_i \operatorname{LSE}(\beta z_i) - \beta z_{i,y_i}`
    is convex in :math:`\beta`, with derivative

    .. math:: f(\beta) = \frac1N \sum_i \Big(\sum_j \operatorname{softmax}(\beta z_i)_j\,
              z_{ij} - z_{i,y_i}\Big)

    and :math:`f'(\beta)` the mean variance of :math:`z_i` under
    :math:`\operatorname{softmax}(\beta z_i)` (:math:`\ge 0`). The root of
    :math:`f` is bracketed by doubling or halving :math:`\beta` and found with
    Newton's method safeguarded by bisection, to a few units in the last place.
    The logits are first shifted by each row's maximum and scaled by a power
    of two so the largest gap is in [1/2, 1): the search is then the same for
    ``c * logits`` when ``c`` is a power of two, and returns exactly ``c * T``.
    The computation runs in float64; float32 logits give a float32 ``T``.

    There is no minimiser, and a ``ValueError`` says which case applies, when

    * every row's (unmasked) logits are all equal: the loss does not depend on
      :math:`T`;
    * every label has its row's largest logit (the model is right on every
      example): :math:`f < 0` for all :math:`\beta`, the loss keeps falling as
      :math:`T \to 0`;
    * :math:`f(0^+) = \frac1N \sum_i (\bar z_i - z_{i,y_i}) \ge 0`, with
      :math:`\bar z_i` the mean of row :math:`i`'s unmasked logits: the labelled
      logit is on average no higher than the row's mean, the model is no
      better than uniform, and the loss is smallest as :math:`T \to \infty`.

    Otherwise :math:`f(0^+) < 0 < f(\infty)` and the root is unique.

    Examples
    --------
    >>> import numpy as np
    >>> from xentlib import fit_temperature, sparse_softmax_cross_entropy_with_logits
    >>> logits = np.array([[4.0, 0.0], [4.0, 0.0], [4.0, 0.0], [0.0, 4.0]])
    >>> labels = np.array([0, 0, 0, 0])          # right 3 times out of 4, overconfident
    >>> t = fit_temperature(labels, logits)
    >>> print(f"T = {t:.6f}")                   # 4 / log(3): odds of 3 to 1, as observed
    T = 3.640957
    >>> float(sparse_softmax_cross_entropy_with_logits(labels, logits / t).mean())
    0.562335144619
    >>> float(fit_temperature(labels, 2 * logits) / t)
    2.0
    """
    dtype, lab2, x2 = temperature_rows(labels, logits)
    k = x2.shape[1]

    def summary(lb, xb):
        d = split_max(xb.astype(np.float64)).shifted  # z - max(z) <= 0, -inf where masked
        finite = d > -np.inf
        dz = np.where(finite, d, 0.0)
        gap = -dz.min(axis=-1)
        mean = dz.sum(axis=-1) / finite.sum(axis=-1)
        labelled = np.take_along_axis(dz, lb, axis=-1)[:, 0]
        return gap, labelled, mean - labelled

    gap, labelled, at_zero = map_rows(summary, [lab2, x2], k)
    largest = float(gap.max())
    v.check_temperature_fit(largest, bool((labelled == 0).all()), float(np.mean(at_zero)))
    exponent = int(np.frexp(largest)[1])  # largest gap * 2**-exponent is in [1/2, 1)

    def slope(beta):
        """f(beta) and f'(beta) for the scaled logits."""

        def kernel(lb, xb):
            d = np.ldexp(split_max(xb.astype(np.float64)).shifted, -exponent)
            dz = np.where(d > -np.inf, d, 0.0)
            labelled = np.take_along_axis(dz, lb, axis=-1)[:, 0]
            p, _ = softmax_from_split(split_max(beta * d))
            mean = (p * dz).sum(axis=-1)
            dz -= mean[:, None]
            spread = (p * dz * dz).sum(axis=-1)  # the variance, as a sum of terms >= 0
            return mean - labelled, spread

        f, df = map_rows(kernel, [lab2, x2], k)
        return float(np.mean(f)), float(np.mean(df))

    beta = _root(slope, exponent)
    return finish(np.asarray(math.ldexp(1.0 / beta, exponent)), dtype)


_LIMIT = 2.0**1000  # beta (scaled) is searched in [2**-1000, 2**1000]
_EPS = float(np.finfo(np.float64).eps)


def _root(slope, exponent):
    """The root of the non-decreasing ``slope`` on (0, inf), known to change sign there.

    Brackets it by doubling or halving from 1, then runs Newton's method
    safeguarded by bisection (``rtsafe``, Press et al., Numerical Recipes).
    Deterministic: the same inputs give the same steps. ``exponent`` turns a
    scaled ``beta`` back into a temperature for an error message.
    """
    beta = 1.0
    f, df = slope(beta)
    if f == 0:
        return beta
    lo, hi = (beta, None) if f < 0 else (None, beta)
    ends = {beta: (f, df)}
    while (hi is None or lo is None) and f != 0:
        beta = beta * 2.0 if f < 0 else beta * 0.5
        if not 1.0 / _LIMIT <= beta <= _LIMIT:
            v.check_temperature_bracket(False, math.ldexp(1.0 / beta, exponent), below=f < 0)
        f, df = slope(beta)
        ends[beta] = (f, df)
        if f < 0:
            lo = beta
        elif f > 0:
            hi = beta
    if f == 0:
        return beta
    # Newton starts from the end where |f| is smaller (the other end often overshoots)
    beta = lo if abs(ends[lo][0]) <= abs(ends[hi][0]) else hi
    f, df = ends[beta]
    step_before = hi - lo
    for _ in range(200):
        step = f / df if df > 0 else math.inf
        if abs(step) <= 2.0 * _EPS * beta:
            return beta - step  # Newton's correction is below rounding: converged
        if lo < beta - step < hi and abs(2.0 * f) <= abs(step_before * df):
            new = beta - step  # Newton
        else:
            new = 0.5 * (lo + hi)  # bisection
        step_before = abs(new - beta)
        if step_before <= 2.0 * _EPS * new:
            return new
        beta = new
        f, df = slope(beta)
        if f == 0:
            return beta
        if f < 0:
            lo = beta
        else:
            hi = beta
        if hi - lo <= 2.0 * _EPS * hi:
            return beta
    return beta
