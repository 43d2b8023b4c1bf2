"""Row-wise kernels shared by the activations, the losses and their gradients.

A private module with public names (the ``_src`` pattern of Optax): the
functions here are the package's kernel library, used across modules, and
are not part of xentlib's API.

Logits with a class axis are viewed as a 2-d array of rows (examples) by
classes (:func:`as_rows`), evaluated block by block (:mod:`xentlib._blocks`)
and put back in the caller's shape (:func:`from_rows`). Every softmax-family
kernel starts from :func:`split_max`, which takes each row's largest term
out of the sum of exponentials: what keeps the results accurate where one
class takes almost all the probability.
"""

from typing import NamedTuple

import numpy as np

from . import validation as v

__all__ = [
    "finish",
    "as_rows",
    "from_rows",
    "MaxSplit",
    "split_max",
    "softmax_from_split",
    "smooth_targets",
    "exp_neg_abs",
    "sigmoid_pair",
    "sigmoid_ce",
]


def finish(out, dtype):
    """Cast to the caller's dtype and turn 0-d arrays into NumPy scalars."""
    out = out.astype(dtype, copy=False)
    return out[()] if out.ndim == 0 else out


def as_rows(x, axis, name, allow_all_neg_inf=False):
    """Validate logits and view them as (rows, classes), the class axis last.

    Returns ``(x2, batch_shape, axis)``. The checks are
    :func:`xentlib.validation.check_logits` (NaN, ``+inf``, a row that is all
    ``-inf`` unless allowed), on the caller's array so that an error names
    the caller's index.
    """
    axis = v.normalize_axis(axis, x.ndim)
    v.check_nonempty_axis(x, axis, name)
    v.check_logits(x, name, axis=axis, allow_all_neg_inf=allow_all_neg_inf)
    xl = np.moveaxis(x, axis, -1)
    return xl.reshape(-1, xl.shape[-1]), xl.shape[:-1], axis


def from_rows(out2, batch_shape, axis, dtype):
    """Undo :func:`as_rows` for an output with the class axis kept."""
    out = np.moveaxis(out2.reshape(batch_shape + out2.shape[-1:]), -1, axis)
    return finish(out, dtype)


class MaxSplit(NamedTuple):
    """One row block's exponentials with each row's largest term taken out.

    Attributes
    ----------
    top : ndarray, shape (rows, 1)
        The largest logit of each row, :math:`m`.
    shifted : ndarray, shape (rows, classes)
        :math:`x - m` (all :math:`\\le 0`).
    terms : ndarray, shape (rows, classes)
        :math:`e^{x - m}`, with the largest entry's own term (exactly 1) set to 0.
    rest : ndarray, shape (rows, 1)
        The sum of ``terms``: every exponential but the largest's.
    index : ndarray, shape (rows, 1)
        The column of (one) largest logit of each row.
    """

    top: np.ndarray
    shifted: np.ndarray
    terms: np.ndarray
    rest: np.ndarray
    index: np.ndarray


def split_max(xb):
    """Shared core of the softmax family and of the softmax losses, for one block.

    Works in the input's own precision (float32 stays float32: the accuracy
    near p = 1 comes from ``log1p`` of the rest, not from extra precision).
    Keeping the largest term's 1 out of ``rest`` is what lets callers use
    ``log1p(rest)`` and ``-rest / (1 + rest)`` and keep full relative accuracy
    when one class takes almost all the probability (Blanchard, Higham &
    Higham, 2021).
    """
    w = xb.copy()  # the shift is computed in place
    index = np.argmax(w, axis=-1)[:, None]
    top = np.take_along_axis(w, index, axis=-1)
    # A row that is all -inf (allowed only in logsumexp) is shifted by 0, not
    # by -inf, so that (-inf) - (-inf) never makes a NaN.
    shifted = np.subtract(w, np.where(top == -np.inf, 0.0, top), out=w)
    terms = np.exp(shifted)
    np.put_along_axis(terms, index, 0.0, axis=-1)
    return MaxSplit(top, shifted, terms, terms.sum(axis=-1, keepdims=True), index)


def softmax_from_split(split):
    """The softmax of the block, ``e^{x - m} / (1 + rest)``, written over ``split.terms``.

    Returns ``(probabilities, 1 + rest)``; ``split.terms`` is reused (the split
    must not be used for its terms afterwards).
    """
    denom = 1.0 + split.rest
    np.put_along_axis(split.terms, split.index, 1.0, axis=-1)
    return np.divide(split.terms, denom, out=split.terms), denom


def smooth_targets(y, eps):
    """Label smoothing along the last axis: ``(1 - eps) y + eps / K``, in ``y``'s dtype.

    Every entry is >= 0, and ``eps / K`` > 0 also where ``y`` is 0 (a masked
    class then gets a positive target).
    """
    return y * (1.0 - eps) + eps / y.shape[-1]


def exp_neg_abs(w):
    """exp(-|w|): always in [0, 1], so it never overflows."""
    e = np.abs(w)
    np.negative(e, out=e)
    return np.exp(e, out=e)


def sigmoid_pair(z):
    """``(sigmoid(z), sigmoid(-z))`` for a block, each computed directly.

    With :math:`e = e^{-|z|} \\in [0, 1]`, :math:`\\sigma(|z|) = 1/(1 + e)` and
    :math:`\\sigma(-|z|) = e\\,\\sigma(|z|)`: neither is formed as ``1 -`` the
    other, so both keep full relative accuracy (``sigmoid(-40)`` is 4.25e-18,
    not 0), and nothing overflows (``z = -inf`` gives ``(0, 1)``).
    """
    e = exp_neg_abs(z)
    big = np.add(e, 1.0)
    np.reciprocal(big, out=big)  # sigmoid(|z|), in [1/2, 1]
    small = np.multiply(e, big, out=e)  # sigmoid(-|z|), in [0, 1/2]
    neg = np.signbit(z)
    return np.where(neg, small, big), np.where(neg, big, small)


def sigmoid_ce(y, z):
    """Sigmoid cross-entropy of a block, ``max(z, 0) - zy + log1p(e^{-|z|})``.

    ``y`` is already in ``z``'s dtype. The linear part is ``z (1 - y)`` or
    ``-zy`` by the sign of ``z``, so no two terms cancel; ``z = -inf`` with
    ``y = 0`` (a certain, correct "no") costs exactly 0.
    """
    with np.errstate(invalid="ignore"):
        linear = z * ((z >= 0) - y)  # z(1 - y) or -zy; -inf * 0 is NaN
    if np.isnan(linear).any():
        linear[np.isnan(linear)] = 0.0  # z = -inf with y = 0: a certain, correct "no"
    return linear + np.log1p(exp_neg_abs(z))
