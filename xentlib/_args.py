"""Argument preparation shared by the losses, their gradients and the information measures.

A private module with public names: each function takes a public function's
arguments, validates them through :mod:`xentlib.validation` (the one place
where inputs are checked) and returns them in the form the kernels use.
"""

import numpy as np

from . import validation as v
from ._rows import as_rows

__all__ = [
    "distribution_pair",
    "dense_rows",
    "sparse_rows",
    "elementwise_pair",
    "weighted_pair",
    "regression_pair",
    "scaled_difference",
    "calibration_rows",
    "temperature_rows",
]


def _same_shape_pair(a, b, names, axis=None, b_first=False):
    """Two float arrays of one shape, and the normalised axis (if one is given).

    ``b_first`` converts ``b`` first, so that its error is the one reported
    when both are bad (the logits, for the losses).
    """
    if b_first:
        b = v.as_float_array(b, names[1])
    a = v.as_float_array(a, names[0])
    if not b_first:
        b = v.as_float_array(b, names[1])
    v.check_same_shape(a, b, *names)
    return a, b, (None if axis is None else v.normalize_axis(axis, b.ndim))


def distribution_pair(p, q, axis):
    """Two distributions of one shape along ``axis``: ``(p, q, axis)``."""
    p, q, axis = _same_shape_pair(p, q, ("p", "q"), axis)
    v.check_distribution(p, "p", axis)
    v.check_distribution(q, "q", axis)
    return p, q, axis


def dense_rows(labels, logits, axis):
    """Label distributions and logits viewed as (rows, classes).

    Returns ``(dtype, batch_shape, axis, labels2, logits2)``.
    """
    labels, logits, axis = _same_shape_pair(labels, logits, ("labels", "logits"), axis, b_first=True)
    v.check_distribution(labels, "labels", axis)
    x2, batch, axis = as_rows(logits, axis, "logits")
    y2 = np.moveaxis(labels, axis, -1).reshape(x2.shape)
    return logits.dtype, batch, axis, y2, x2


def sparse_rows(labels, logits):
    """Integer class labels as (rows, 1) and logits as (rows, classes).

    Returns ``(dtype, batch_shape, labels2, logits2)``.
    """
    logits = v.as_float_array(logits, "logits")
    v.normalize_axis(-1, logits.ndim, "logits' class axis")
    v.check_nonempty_axis(logits, logits.ndim - 1, "logits")
    labels = v.as_sparse_labels(labels, logits.shape)
    x2, batch, _ = as_rows(logits, -1, "logits")
    return logits.dtype, batch, labels.reshape(-1, 1), x2


def elementwise_pair(labels, logits):
    """Labels in [0, 1] and finite-or-(-inf) logits of one shape: ``(dtype, labels, logits)``."""
    labels, logits, _ = _same_shape_pair(labels, logits, ("labels", "logits"), b_first=True)
    v.check_probabilities(labels, "labels")
    v.check_logits(logits, "logits")
    return logits.dtype, labels, logits


def weighted_pair(labels, logits, pos_weight):
    """:func:`elementwise_pair` and a positive-class weight: ``(dtype, labels, logits, q)``.

    ``q`` is None when nothing is weighted: ``pos_weight`` None, or every weight
    exactly 1 (the unweighted kernel then runs, so ``pos_weight=1`` and None agree
    bit for bit). Otherwise it is the weight broadcast along the last axis to
    ``logits``' shape (a read-only view): :func:`xentlib.validation.as_pos_weight`
    has already rejected every shape but a scalar and ``(C,)``.
    """
    dtype, labels, logits = elementwise_pair(labels, logits)
    q = v.as_pos_weight(pos_weight, logits.shape)
    if q is None or (q == 1).all():
        return dtype, labels, logits, None
    return dtype, labels, logits, np.broadcast_to(q, logits.shape)


def regression_pair(y_true, y_pred):
    """Finite, equal-shape, non-empty arrays, and a scale for them.

    Returns ``(dtype, y_true, y_pred, scale)``. Values above about the square
    root of the largest float (2**508 for float64, 2**60 for float32) could
    overflow when squared; the differences are then scaled by a power of two
    (exact) and the result scaled back.
    """
    y_true, y_pred, _ = _same_shape_pair(y_true, y_pred, ("y_true", "y_pred"))
    if y_pred.size == 0:
        raise ValueError("y_true and y_pred are empty; the mean of no errors is undefined.")
    bounds = np.concatenate([v.check_finite(y_true, "y_true"), v.check_finite(y_pred, "y_pred")])
    big = float(np.abs(bounds.astype(np.float64)).max())
    limit = 2.0 ** (np.finfo(y_pred.dtype).maxexp // 2 - 4)
    scale = 2.0 ** -int(np.frexp(big)[1]) if big > limit else 1.0
    return y_pred.dtype, y_true, y_pred, scale


def scaled_difference(tb, pb, scale):
    """(y_pred - y_true) * scale for a block, in y_pred's precision."""
    a = tb.astype(pb.dtype, copy=False)
    if scale == 1.0:
        return pb - a
    return pb * scale - a * scale


def calibration_rows(labels, probs):
    """Integer labels and probability rows for the calibration measures.

    ``probs`` has the classes along its last axis (any leading batch shape, at
    least one example) and rows that sum to 1; ``labels`` has shape
    ``probs.shape[:-1]``. Returns ``(dtype, labels1, probs2)`` with ``labels1``
    of shape (rows,) and ``probs2`` of shape (rows, classes).
    """
    probs = v.as_float_array(probs, "probs")
    axis = v.normalize_axis(-1, probs.ndim, "probs' class axis")
    v.check_nonempty_axis(probs, axis, "probs")
    v.check_distribution(probs, "probs", axis)
    labels = v.as_sparse_labels(labels, probs.shape, against="probs")
    p2 = probs.reshape(-1, probs.shape[-1])
    v.check_has_examples(p2.shape[0], "probs")
    return probs.dtype, labels.reshape(-1), p2


def temperature_rows(labels, logits):
    """:func:`sparse_rows` for temperature fitting: at least one example, and no
    label on a masked (-inf) class. Returns ``(dtype, labels2, logits2)``."""
    dtype, batch, lab2, x2 = sparse_rows(labels, logits)
    v.check_has_examples(x2.shape[0], "logits")
    v.check_labelled_finite(lab2, x2, batch)
    return dtype, lab2, x2
