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


def as_sparse_labels(labels, logits_shape, against="logits"):
    """Check integer class labels against logits of shape ``logits_shape``.

    ``against`` names the array whose last axis holds the classes (``"probs"``
    for the calibration functions).
    """
    arr = np.asarray(labels)
    if arr.dtype.kind not in "iu":
        what = f"dtype {arr.dtype}"
        hint = ""
        if arr.dtype.kind == "f":
            one_hot = (
                "use softmax_cross_entropy_with_logits or labels.argmax(axis=-1)"
                if against == "logits"
                else "convert them with labels.argmax(axis=-1)"
            )
            hint = (
                " If they are whole numbers stored as floats, convert them with "
                f"labels.astype(int); if they are one-hot rows, {one_hot}."
            )
        raise ValueError(f"labels must be integer class indices, got {what}.{hint}")
    expected = tuple(logits_shape[:-1])
    if arr.shape != expected:
        raise ValueError(
            f"labels has shape {arr.shape} but {against} has shape {tuple(logits_shape)}; "
            f"sparse labels hold one class index per example, so their shape must be "
            f"{against}.shape[:-1] = {expected}."
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
                f"labels{where} = {int(value)} is out of range: {against} has {n} classes, "
                f"so class indices must lie in [0, {n - 1}]."
            )
    return arr


# --- scalar parameters -------------------------------------------------------


def _real_number(value, name, rule):
    """``value`` as a finite Python float, or a ValueError naming ``name``.

    Booleans are rejected (``True`` is not a rate or a weight), and so are
    strings and 0-d arrays: pass a plain number. ``rule`` says what a good value
    is, e.g. "a number in [0, 1] (0 means no smoothing)".
    """
    if isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{name} must be {rule}, got the bool {value!r}; pass a number.")
    if not isinstance(value, numbers.Real):
        raise ValueError(
            f"{name} must be {rule}, got {value!r} of type {type(value).__name__}; "
            f"pass a plain number (e.g. float({name}) for a 0-d array or a numeric string)."
        )
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be {rule}, got {value}.")
    return value


def check_label_smoothing(label_smoothing):
    """Return ``label_smoothing`` as a float in [0, 1], or raise."""
    rule = "a number in [0, 1] (0 means no smoothing; 0.1 is a common choice)"
    eps = _real_number(label_smoothing, "label_smoothing", rule)
    if not 0.0 <= eps <= 1.0:
        raise ValueError(
            f"label_smoothing = {_fmt(eps)} is outside [0, 1]; it is the share of the target "
            f"spread evenly over the classes, so it must be {rule}."
        )
    return eps


def check_focal_parameters(gamma, alpha):
    """Return ``(gamma, alpha)`` as floats (``alpha`` may stay None), or raise."""
    rule = "a finite number >= 0 (0 gives the plain cross-entropy; 2 is the paper's choice)"
    gamma = _real_number(gamma, "gamma", rule)
    if gamma < 0:
        raise ValueError(
            f"gamma = {_fmt(gamma)} is negative; a negative focusing exponent would weigh "
            f"the easy examples up instead of down. gamma must be {rule}."
        )
    if alpha is None:
        return gamma, None
    rule = "None (no class balancing) or a number in [0, 1] (the weight of the positives)"
    alpha = _real_number(alpha, "alpha", rule)
    if not 0.0 <= alpha <= 1.0:
        raise ValueError(
            f"alpha = {_fmt(alpha)} is outside [0, 1]; positives get weight alpha and "
            f"negatives 1 - alpha, so alpha must be {rule}."
        )
    return gamma, alpha


def as_pos_weight(pos_weight, logits_shape):
    """Check a positive-class weight against logits of shape ``logits_shape``.

    Returns None for None, else a float ndarray that is 0-d (one weight for every
    element) or of shape ``(C,)`` with ``C = logits_shape[-1]`` (one weight per
    class, applied along the last axis). Any other shape is an error, never a
    broadcast.
    """
    if pos_weight is None:
        return None
    if isinstance(pos_weight, (bool, np.bool_)) or np.asarray(pos_weight).dtype.kind == "b":
        raise ValueError(
            f"pos_weight must hold non-negative numbers, got booleans ({pos_weight!r}); "
            f"pass numbers, e.g. n_negative / n_positive for each class."
        )
    q = as_float_array(pos_weight, "pos_weight")
    n = logits_shape[-1] if len(logits_shape) else None
    if not (q.ndim == 0 or (q.ndim == 1 and n is not None and q.shape[0] == n)):
        wanted = f"a 1-d array of length logits.shape[-1] = {n}" if n is not None else "a scalar"
        raise ValueError(
            f"pos_weight has shape {q.shape} but logits has shape {tuple(logits_shape)}; "
            f"pos_weight must be a scalar or {wanted} (one weight per class, applied "
            f"along the last axis). xentlib does not broadcast other shapes."
        )
    if q.size:
        lo, hi = q.min(), q.max()
        if not (np.isfinite(lo) and np.isfinite(hi)):
            where, value = _first(~np.isfinite(q), q)
            raise ValueError(
                f"pos_weight{where} is {_fmt(value)}; weights must be finite and non-negative."
            )
        if lo < 0:
            where, value = _first(q < 0, q)
            raise ValueError(
                f"pos_weight{where} = {_fmt(value)} is negative; a weight must be >= 0 "
                f"(values above 1 weigh the positives up, below 1 down)."
            )
    return q


def check_n_bins(n_bins):
    """Return ``n_bins`` as a positive Python int, or raise."""
    if isinstance(n_bins, (bool, np.bool_)) or not isinstance(n_bins, numbers.Integral):
        raise ValueError(
            f"n_bins must be a positive integer (the number of equal-width bins; 15 is "
            f"usual), got {n_bins!r}."
        )
    if n_bins < 1:
        raise ValueError(
            f"n_bins = {int(n_bins)} is not positive; pass the number of equal-width "
            f"bins on [0, 1], at least 1 (15 is usual)."
        )
    return int(n_bins)


def check_has_examples(n, name):
    """Raise if there are no examples (rows) to average over."""
    if n == 0:
        raise ValueError(
            f"{name} holds no examples (0 rows); a mean over no examples is undefined. "
            f"Pass at least one example."
        )


def check_labelled_finite(labels2, logits2, batch_shape, name="logits"):
    """Raise if a label picks a masked (-inf) logit.

    ``labels2`` (rows, 1) and ``logits2`` (rows, classes) are the row views of
    :func:`xentlib._rows.as_rows`; ``batch_shape`` turns a row back into the
    caller's index.
    """
    picked = np.take_along_axis(logits2, labels2, axis=-1)[:, 0]
    if picked.size and picked.min() == -np.inf:
        bad = (picked == -np.inf).reshape(batch_shape)
        where, _ = _first(bad)
        value = int(labels2[int(np.argmax(picked == -np.inf)), 0])
        raise ValueError(
            f"labels{where} = {value} picks a masked (-inf) class of {name}: that "
            f"example's loss is +inf at every temperature, so no temperature fits. Drop "
            f"the example or unmask its class."
        )


def check_temperature_fit(largest_gap, labels_on_top, slope_at_zero):
    """Raise when no finite, positive temperature minimises the mean loss.

    The arguments are summaries of the (shifted) logits computed by
    :func:`xentlib.fit_temperature`: the largest gap between a row's maximum
    and one of its unmasked logits, whether every label has its row's largest
    logit, and the derivative of the mean loss in 1/T as 1/T -> 0.
    """
    if largest_gap == 0:
        raise ValueError(
            "logits has, in every row, all its (unmasked) logits equal: the predictions are "
            "uniform at every temperature and so is the loss, so no temperature is better "
            "than another. Temperature scaling needs logits that differ within a row."
        )
    if labels_on_top:
        raise ValueError(
            "labels: every example's label has the largest logit of its row of logits (the "
            "model is right on every example), so the loss keeps falling as T -> 0 and no "
            "temperature minimises it. Fit the temperature on held-out examples that "
            "include some mistakes."
        )
    if slope_at_zero >= 0:
        raise ValueError(
            "logits are no better than uniform for these labels: on average the labelled "
            "logit is not above its row's mean, so the loss is smallest as T -> infinity "
            "(uniform predictions) and no finite temperature minimises it. Check that labels "
            "and logits belong together (same order, same classes)."
        )


def check_temperature_bracket(found, bound, below):
    """Raise if the search for the best temperature ran past ``bound``.

    ``below`` says on which side: the loss was still falling at T = ``bound``
    towards smaller (``below=True``) or larger temperatures.
    """
    if not found:
        side, way = ("below", "0") if below else ("above", "infinity")
        raise ValueError(
            f"logits: the best temperature lies {side} {bound:.3g}, beyond what can be "
            f"resolved: the loss keeps falling as T -> {way}. Check labels and logits "
            f"(a near-degenerate set, e.g. almost every label on its row's maximum)."
        )


def check_examples(x, name):
    """Raise unless ``x`` is a finite 2-d array of examples (rows) by features (columns)."""
    if x.ndim != 2:
        raise ValueError(
            f"{name} must be a 2-d array, one example per row and one feature per column, "
            f"got shape {x.shape}. For a single example use {name}.reshape(1, -1)."
        )
    if x.shape[0] == 0:
        raise ValueError(f"{name} has no examples (shape {x.shape}).")
    check_finite(x, name)
