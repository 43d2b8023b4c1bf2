"""Input validation: the one place where xentlib checks what it is given.

Every public function converts and checks its arguments through the helpers
here, so that bad input always fails the same way: a ``ValueError`` whose
message names the argument, says what is wrong and where (an index), and
says how to fix it. Nothing here computes a result.

The checks are written to be cheap on large arrays: each is one reduction
(``min``, ``max`` or a sum) over the data, and the slower search for the
offending index runs only once an error is certain.
"""

import numbers

import numpy as np

__all__ = []  # internal module: nothing here is public API


def _first(bad, arr=None):
    """Where the first True in ``bad`` is, as text ("[i, j]", or "" for a 0-d
    array), and the entry of ``arr`` found there (None without ``arr``)."""
    if bad.ndim == 0:
        return "", (arr[()] if arr is not None else None)
    idx = np.unravel_index(int(np.argmax(bad.ravel())), bad.shape)
    text = "[" + ", ".join(str(int(i)) for i in idx) + "]"
    return text, (arr[idx] if arr is not None else None)


def _where(bad):
    """Index of the first True in ``bad`` as text, e.g. "[2, 0]"."""
    return _first(bad)[0] or "()"


def _fmt(value):
    value = float(value)
    if np.isfinite(value):
        return np.format_float_positional(value, precision=6, trim="-")
    return str(value)


def as_float_array(x, name):
    """Convert ``x`` to a floating ndarray, or raise a ValueError naming ``name``.

    float32 and float64 keep their dtype; float16 becomes float32; booleans and
    integers become float64. Complex, object and string data are rejected.
    """
    try:
        arr = np.asarray(x)
    except Exception as exc:  # ragged lists and the like
        raise ValueError(
            f"{name} could not be turned into a numeric array ({exc}). "
            f"Pass a NumPy array or a (nested) list of numbers of equal length."
        ) from None
    kind = arr.dtype.kind
    if kind == "f":
        if arr.dtype == np.float16:
            return arr.astype(np.float32)
        return arr
    if kind in "biu":
        return arr.astype(np.float64)
    if kind == "c":
        raise ValueError(
            f"{name} is complex ({arr.dtype}); xentlib works with real numbers only. "
            f"Pass the real part (np.real({name})) if the imaginary part is zero."
        )
    raise ValueError(
        f"{name} must be an array of real numbers, got dtype {arr.dtype}. "
        f"If it is a list, check that every entry is a number and rows have equal length."
    )


def result_dtype(*arrays):
    """The floating dtype of a result computed from already-converted arrays."""
    return np.result_type(*arrays)


def check_no_nan(arr, name):
    """Raise if ``arr`` holds a NaN."""
    if arr.size and np.isnan(arr.min()):
        raise ValueError(
            f"{name} contains NaN at index {_where(np.isnan(arr))}. "
            f"A NaN usually comes from an earlier 0/0 or inf - inf; fix that step "
            f"rather than passing NaN on."
        )


def check_probabilities(p, name, counts_hint=False):
    """Raise unless every entry of ``p`` lies in [0, 1] (NaN is rejected)."""
    if p.size == 0:
        return
    lo, hi = p.min(), p.max()
    if np.isnan(lo) or np.isnan(hi):
        raise ValueError(
            f"{name} contains NaN at index {_where(np.isnan(p))}. Probabilities must "
            f"be numbers in [0, 1]; a NaN usually comes from an earlier 0/0 or inf - inf."
        )
    if lo < 0 or hi > 1:
        where, value = _first((p < 0) | (p > 1), p)
        if lo >= 0:  # nothing negative, some above 1: counts or weights, most likely
            fix = (
                f"If these are counts or weights, divide them by their total "
                f"({name} / {name}.sum())" + (" or pass normalize=True" if counts_hint else "")
                + "; if they are logits or scores, use xentlib.softmax or xentlib.sigmoid."
            )
        else:
            fix = (
                "If these are logits or scores, turn them into probabilities with "
                "xentlib.softmax or xentlib.sigmoid first."
            )
        raise ValueError(f"{name}{where} = {_fmt(value)} is outside [0, 1]; {name} must hold probabilities. {fix}")


def distribution_tolerance(dtype):
    """Tolerance on |sum - 1| for a distribution: sqrt(eps) of its dtype.

    1.5e-8 for float64 and 3.5e-4 for float32: loose enough for sums of
    rounded probabilities, tight enough to catch a forgotten normalisation.
    """
    return float(np.sqrt(np.finfo(dtype).eps))


def check_distribution(p, name, axis, suggest_normalize=False):
    """Raise unless ``p`` holds probabilities that sum to 1 along ``axis``."""
    check_probabilities(p, name, counts_hint=suggest_normalize)
    if p.size == 0:
        return
    tol = distribution_tolerance(p.dtype)
    sums = p.sum(axis=axis)  # pairwise: accurate far beyond the tolerance
    bad = np.abs(sums - 1.0) > tol
    if np.any(bad):
        where, total = _first(bad, sums)
        row = f" row {where}" if where else ""
        raise ValueError(
            f"{name} must sum to 1 along axis {axis} (tolerance {tol:.1e}), but{row} "
            f"sums to {np.format_float_positional(total, trim='-')}. Normalise it first, e.g. "
            f"{name} / {name}.sum(axis={axis}, keepdims=True)"
            + (", or pass normalize=True." if suggest_normalize else ".")
        )


def check_counts(c, name, axis):
    """Raise unless ``c`` holds finite non-negative counts with a positive sum along ``axis``."""
    if c.size == 0:
        return
    lo, hi = c.min(), c.max()
    if np.isnan(lo) or np.isnan(hi) or np.isinf(hi):
        where, value = _first(~np.isfinite(c), c)
        raise ValueError(
            f"{name} with normalize=True must hold finite counts or weights, but "
            f"{name}{where} is {_fmt(value)}."
        )
    if lo < 0:
        where, value = _first(c < 0, c)
        raise ValueError(
            f"{name} with normalize=True must hold non-negative counts or weights, "
            f"but {name}{where} = {_fmt(value)} is negative."
        )
    sums = c.sum(axis=axis)
    if np.any(sums == 0):
        raise ValueError(
            f"{name} with normalize=True has a row {_where(sums == 0)} whose counts are "
            f"all zero along axis {axis}; it cannot be turned into a distribution."
        )


def check_logits(x, name, axis=None, allow_all_neg_inf=False):
    """Raise on NaN or +inf logits, and (unless allowed) on a row that is all -inf.

    One ``max`` finds all three: NaN and +inf show up in it, and so does a row
    whose maximum is -inf; only then is the slower search for the index run.
    ``axis=None`` checks elementwise logits (where -inf is always allowed).
    """
    if x.size == 0:
        return
    if axis is None:
        top = x.max()
        if np.isnan(top) or top == np.inf:
            _raise_bad_logit(x, name)
        return
    m = np.max(x, axis=axis)
    top = m.max()
    if np.isnan(top) or top == np.inf:
        _raise_bad_logit(x, name)
    if not allow_all_neg_inf and m.min() == -np.inf:
        bad = m == -np.inf
        row = f" {_where(bad)}" if bad.ndim else ""
        raise ValueError(
            f"{name} has a row{row} whose entries are all -inf along axis {axis}: "
            f"every class is masked out, so there is no distribution to compute. "
            f"Leave at least one class finite."
        )


def _raise_bad_logit(x, name):
    if np.isnan(x).any():
        raise ValueError(
            f"{name} contains NaN at index {_where(np.isnan(x))}. A NaN usually comes "
            f"from an earlier 0/0 or inf - inf (e.g. a naive softmax); fix that step."
        )
    raise ValueError(
        f"{name} contains +inf at index {_where(x == np.inf)}. Logits must be finite "
        f"or -inf (-inf masks a class). A +inf usually means an overflow upstream: "
        f"compute the logits in log space, or clip them, e.g. np.clip({name}, None, 1e300)."
    )


def check_finite(x, name):
    """Raise unless every entry of ``x`` is finite; return ``[min, max]`` of ``x``."""
    if x.size == 0:
        return np.zeros(2, x.dtype)
    bounds = np.array([x.min(), x.max()])
    if not np.isfinite(bounds).all():
        where, value = _first(~np.isfinite(x), x)
        raise ValueError(
            f"{name} must be finite, but {name}{where} is {_fmt(value)}. "
            f"Replace or drop non-finite values before computing the loss."
        )
    return bounds


def check_same_shape(a, b, name_a, name_b):
    """Raise unless ``a`` and ``b`` have exactly the same shape (no broadcasting)."""
    if a.shape != b.shape:
        hint = ""
        if a.size == b.size:
            hint = f" If they hold the same values, reshape one: {name_a}.reshape({b.shape})."
        raise ValueError(
            f"{name_a} has shape {a.shape} but {name_b} has shape {b.shape}; they must "
            f"match exactly (xentlib does not broadcast them, so a (N,) against (N, 1) "
            f"mix-up cannot silently become an (N, N) result).{hint}"
        )


def normalize_axis(axis, ndim, name="axis"):
    """Return ``axis`` as a non-negative int, or raise a ValueError."""
    if isinstance(axis, (bool, np.bool_)) or not isinstance(axis, numbers.Integral):
        raise ValueError(f"{name} must be an integer, got {axis!r}.")
    if ndim == 0:
        raise ValueError(
            f"the input is a scalar, but this function needs a class axis ({name}={axis}). "
            f"Pass a 1-d array of per-class values, e.g. [x] for one class."
        )
    if not -ndim <= axis < ndim:
        raise ValueError(
            f"{name}={axis} is out of range for an input with {ndim} dimension(s); "
            f"use an axis in [{-ndim}, {ndim - 1}] (the default -1 is the last axis)."
        )
    return int(axis) % ndim


def check_nonempty_axis(arr, axis, name):
    """Raise if the class axis has length 0."""
    if arr.shape[axis] == 0:
        raise ValueError(
            f"{name} has no classes: its axis {axis} has length 0 (shape {arr.shape})."
        )


def log_base(base):
    """Return log(base) for a valid base, or None for natural log."""
    if base is None:
        return None
    if isinstance(base, (bool, np.bool_)) or not isinstance(base, numbers.Real):
        raise ValueError(
            f"base must be a positive number other than 1 (2 for bits, None or e for nats), got {base!r}."
        )
    base = float(base)
    if not (np.isfinite(base) and base > 0 and base != 1):
        raise ValueError(
            f"base must be a positive finite number other than 1 (2 for bits, None for nats), got {base!r}."
        )
    return np.log(base)


def as_sparse_labels(labels, logits_shape):
    """Check integer class labels against logits of shape ``logits_shape``."""
    arr = np.asarray(labels)
    if arr.dtype.kind not in "iu":
        what = f"dtype {arr.dtype}"
        hint = ""
        if arr.dtype.kind == "f":
            hint = (
                " If they are whole numbers stored as floats, convert them with "
                "labels.astype(int); if they are one-hot rows, use "
                "softmax_cross_entropy_with_logits or labels.argmax(axis=-1)."
            )
        raise ValueError(f"labels must be integer class indices, got {what}.{hint}")
    expected = tuple(logits_shape[:-1])
    if arr.shape != expected:
        raise ValueError(
            f"labels has shape {arr.shape} but logits has shape {tuple(logits_shape)}; "
            f"sparse labels hold one class index per example, so their shape must be "
            f"logits.shape[:-1] = {expected}."
        )
    n = logits_shape[-1]
    if arr.size:
        lo, hi = arr.min(), arr.max()
        if lo < 0:
            where, value = _first(arr < 0, arr)
            raise ValueError(
                f"labels{where} = {int(value)} is negative; class indices must lie in [0, {n - 1}] (NumPy's negative "
                f"indexing would silently pick a class from the end)."
            )
        if hi >= n:
            where, value = _first(arr >= n, arr)
            raise ValueError(
                f"labels{where} = {int(value)} is out of range: logits has {n} classes, so class indices must lie in [0, {n - 1}]."
            )
    return arr
