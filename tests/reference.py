"""High-precision mpmath reference implementations of the xentlib API.

Used by ``test_oracle.py`` as an independent route to the expected values.

How every function here works
-----------------------------
* Inputs are NumPy arrays (or array-likes). Each entry is converted to an
  ``mpmath.mpf`` from its exact binary value (``mpf(float(x))``; a float32 is
  widened to float64 exactly), so the reference answers the question "what is
  the exact result for exactly these machine numbers?".
* All arithmetic runs at ``DPS`` (60) significant decimal digits, with
  ``mpmath``'s unbounded exponent range, so nothing overflows or underflows in
  the middle of a computation (``exp(-1e300)`` is a perfectly good mpf).
* Where a formula would subtract two nearly equal quantities, it is rearranged
  into an algebraically identical form without that cancellation (for example
  ``1 - softmax_l`` is computed as ``sum_{j != l} e_j / sum_j e_j``,
  ``log(1 + s)`` with ``mpmath.log1p`` and ``log(1 - p)`` as ``log1p(-p)``,
  because at 60 digits ``1 - 1e-300`` is just 1), or the working precision is raised
  (KL divergence), so the 60-digit result is correct to far more than the
  16 digits the tests compare. Each docstring says which.
* The conventions of the xentlib spec are applied exactly: ``0 log 0 = 0``,
  ``information(0) = inf``, KL / cross entropy are ``+inf`` where
  ``q = 0 < p``, ``-inf`` logits are masked classes, a label-0 term
  contributes exactly 0.
* The result is rounded once, to the nearest float64 (``float(mpf)``), and
  returned as a float64 ndarray whose shape is that of the xentlib result
  (0-d arrays for scalar results). Infinities are returned as ``+-inf``.

Vectorisation is by plain Python loops; the functions are meant for small
grids, not for speed.
"""

import functools

import mpmath
import numpy as np

DPS = 60
_KL_DPS = 120  # see kl_divergence: terms near p == q cancel ~2*log10(1/|p-q|) digits

mpf = mpmath.mpf
INF = mpmath.inf


def _workdps(dps=DPS):
    """Decorator: run the whole function at ``dps`` digits (restored afterwards)."""

    def deco(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            with mpmath.workdps(dps):
                return func(*args, **kwargs)

        return wrapper

    return deco


def to_mp(x):
    """Exact mpf of one machine number (float16/32/64, int, bool)."""
    return mpf(float(x)) if not isinstance(x, (int, np.integer)) else mpf(int(x))


def to_float(v):
    """Round an mpf to the nearest float64 (+-inf stay infinite)."""
    if mpmath.isinf(v):
        return float("inf") if v > 0 else float("-inf")
    return float(v)


def _elementwise(func, *arrays):
    arrs = np.broadcast_arrays(*[np.asarray(a) for a in arrays])
    out = np.empty(arrs[0].shape, dtype=np.float64)
    for idx in np.ndindex(out.shape):
        out[idx] = to_float(func(*[to_mp(a[idx]) for a in arrs]))
    return out


def _rows(func, arrays, axis, keep_axis):
    """Apply ``func`` (lists of mpf rows -> mpf or list of mpf) along ``axis``."""
    arrs = [np.moveaxis(np.asarray(a), axis, -1) for a in arrays]
    batch = arrs[0].shape[:-1]
    n = arrs[0].shape[-1]
    out = np.empty(batch + ((n,) if keep_axis else ()), dtype=np.float64)
    for idx in np.ndindex(batch):
        rows = [[to_mp(v) for v in a[idx]] for a in arrs]
        res = func(*rows)
        if keep_axis:
            out[idx] = [to_float(v) for v in res]
        else:
            out[idx] = to_float(res)
    if keep_axis:
        out = np.moveaxis(out, -1, axis)
    return out


def _divide_log_base(v, base):
    if base is None:
        return v
    return v / mpmath.log(mpf(base))


# --------------------------------------------------------------------------
# Scalar kernels (mpf -> mpf). Exposed so tests can build their own checks.
# --------------------------------------------------------------------------


def xlogx(p):
    """p*log(p) with 0*log(0) = 0."""
    return mpf(0) if p == 0 else p * mpmath.log(p)


def x1mlog1m(p):
    """(1-p)*log(1-p) with 0*log(0) = 0, via log1p(-p).

    Not xlogx(1 - p): for tiny p (1e-300) the mp subtraction 1 - p rounds to 1
    at 60 digits and the ~ -p result would be lost.
    """
    return mpf(0) if p == 1 else (1 - p) * mpmath.log1p(-p)


def xlog1my(y, p):
    """(1-y)*log(1-p) with 0*log(0) = 0, -inf when p = 1 and y < 1; uses log1p(-p)."""
    if y == 1:
        return mpf(0)
    if p == 1:
        return -INF
    return (1 - y) * mpmath.log1p(-p)


def xlogy(p, q):
    """p*log(q) with 0*log(q) = 0 for any q (including q = 0); -inf when q = 0 < p."""
    if p == 0:
        return mpf(0)
    if q == 0:
        return -INF
    return p * mpmath.log(q)


def log_sigmoid_mp(x):
    """log(sigmoid(x)) = -log1p(exp(-x)) for x >= 0, x - log1p(exp(x)) for x < 0.

    Both branches use log1p on a number <= 1, so the result keeps full relative
    accuracy even when it is tiny (x large) and no huge exp is formed.
    """
    if x == INF:
        return mpf(0)
    if x == -INF:
        return -INF
    if x >= 0:
        return -mpmath.log1p(mpmath.exp(-x))
    return x - mpmath.log1p(mpmath.exp(x))


def sigmoid_mp(x):
    """sigmoid(x) = 1/(1 + exp(-x)); exact limits 0 and 1 at -inf / +inf."""
    if x == INF:
        return mpf(1)
    if x == -INF:
        return mpf(0)
    return 1 / (1 + mpmath.exp(-x))


def _lse_parts(row):
    """Split a row of logits for accurate log-sum-exp.

    Returns (m, k, e, rest) where m = max, k = index of (the first) max,
    e[j] = exp(x_j - m) (0 for -inf entries, exactly 1 at k) and
    rest = sum_{j != k} e[j], so logsumexp = m + log1p(rest).
    """
    finite = [v for v in row if v != -INF]
    if not finite:
        return None
    m = max(finite)
    k = row.index(m)
    e = [mpf(0) if v == -INF else mpmath.exp(v - m) for v in row]
    e[k] = mpf(1)
    rest = mpmath.fsum(e[j] for j in range(len(row)) if j != k)
    return m, k, e, rest


def logsumexp_mp(row):
    """log(sum exp(x)) = m + log1p(sum_{j != argmax} exp(x_j - m)); -inf for an all -inf row."""
    parts = _lse_parts(row)
    if parts is None:
        return -INF
    m, _, _, rest = parts
    return m + mpmath.log1p(rest)


def log_softmax_mp(row):
    """log_softmax_i = (x_i - m) - log1p(rest), see _lse_parts (-inf stays -inf).

    No cancellation: (x_i - m) <= 0 and log1p(rest) >= 0.
    """
    m, _, _, rest = _lse_parts(row)
    l1p = mpmath.log1p(rest)
    return [-INF if v == -INF else (v - m) - l1p for v in row]


def softmax_mp(row):
    """softmax_i = e_i / (1 + rest), see _lse_parts (0 for -inf entries)."""
    _, _, e, rest = _lse_parts(row)
    total = 1 + rest
    return [ei / total for ei in e]


def one_minus_softmax_mp(row, i):
    """1 - softmax_i computed as sum_{j != i} e_j / sum_j e_j (no cancellation)."""
    _, _, e, rest = _lse_parts(row)
    total = 1 + rest
    others = mpmath.fsum(e[j] for j in range(len(row)) if j != i)
    return others / total


# --------------------------------------------------------------------------
# The API, mirrored.
# --------------------------------------------------------------------------


@_workdps()
def information(p, base=None):
    """-log(p) (divided by log(base)); +inf at p = 0."""

    def f(x):
        return INF if x == 0 else _divide_log_base(-mpmath.log(x), base)

    return _elementwise(f, p)


@_workdps()
def entropy(p, axis=-1, base=None, normalize=False):
    """-sum p_i log p_i along axis with 0 log 0 = 0 (every term >= 0, no cancellation).

    normalize=True first divides the row by its exact (mp) sum.
    """

    def f(row):
        if normalize:
            s = mpmath.fsum(row)
            row = [v / s for v in row]
        return _divide_log_base(-mpmath.fsum(xlogx(v) for v in row), base)

    return _rows(f, [p], axis, keep_axis=False)


@_workdps()
def binary_entropy(p, base=None):
    """-p log p - (1-p) log1p(-p), 0 log 0 = 0; both terms >= 0.

    log1p(-p) keeps the second term ~ -p accurate for tiny p (see x1mlog1m).
    """

    def f(x):
        return _divide_log_base(-(xlogx(x) + x1mlog1m(x)), base)

    return _elementwise(f, p)


@_workdps(_KL_DPS)
def kl_divergence(p, q, axis=-1, base=None):
    """sum_i [p_i log(p_i/q_i) - p_i + q_i] along axis.

    Terms with p_i = 0 are q_i; +inf if any q_i = 0 < p_i. Every term is >= 0.
    For p_i close to q_i a term is ~ q r^2/2 with r = (p-q)/q and is formed by
    cancellation of O(p) quantities, so this runs at 120 digits: for the grid's
    closest pairs (|r| >= 2**-60) more than 80 digits survive.
    """

    def f(prow, qrow):
        terms = []
        for pi, qi in zip(prow, qrow):
            if pi == 0:
                terms.append(qi)
            elif qi == 0:
                return INF
            else:
                terms.append(pi * mpmath.log(pi / qi) - pi + qi)
        return _divide_log_base(mpmath.fsum(terms), base)

    return _rows(f, [p, q], axis, keep_axis=False)


@_workdps()
def cross_entropy(p, q, axis=-1, base=None):
    """-sum p_i log q_i along axis; p_i = 0 terms are 0; +inf where q_i = 0 < p_i."""

    def f(prow, qrow):
        terms = [xlogy(pi, qi) for pi, qi in zip(prow, qrow)]
        if any(t == -INF for t in terms):
            return INF
        return _divide_log_base(-mpmath.fsum(terms), base)

    return _rows(f, [p, q], axis, keep_axis=False)


@_workdps()
def sigmoid(x):
    """1/(1+exp(-x)) elementwise, limits 0 / 1 at -inf / +inf."""
    return _elementwise(sigmoid_mp, x)


@_workdps()
def log_sigmoid(x):
    """log sigmoid(x) via log1p, see log_sigmoid_mp."""
    return _elementwise(log_sigmoid_mp, x)


@_workdps()
def softmax(x, axis=-1):
    """exp(x_i - m) / sum_j exp(x_j - m) along axis, see softmax_mp."""
    return _rows(softmax_mp, [x], axis, keep_axis=True)


@_workdps()
def log_softmax(x, axis=-1):
    """(x_i - m) - log1p(sum_{j != argmax} exp(x_j - m)) along axis, see log_softmax_mp."""
    return _rows(log_softmax_mp, [x], axis, keep_axis=True)


@_workdps()
def logsumexp(x, axis=-1):
    """m + log1p(sum_{j != argmax} exp(x_j - m)) along axis; -inf for an all -inf row."""
    return _rows(logsumexp_mp, [x], axis, keep_axis=False)


def smoothed_mp(zrow, label_smoothing):
    """(1 - eps) z + eps/K, exactly (at 60 digits) from the exact eps and labels."""
    eps = to_mp(label_smoothing)
    if eps == 0:
        return list(zrow)
    k = len(zrow)
    return [(1 - eps) * zi + eps / k for zi in zrow]


@_workdps()
def softmax_cross_entropy_with_logits(labels, logits, axis=-1, label_smoothing=0.0):
    """-sum_i t_i log_softmax_i along axis, t the smoothed labels (smoothed_mp); t_i = 0
    terms are 0 (also at -inf logits).

    Every term is >= 0 (log_softmax <= 0), so there is no cancellation; a
    positive target on a -inf logit gives +inf (with smoothing, every target is
    positive).
    """

    def f(zrow, xrow):
        zrow = smoothed_mp(zrow, label_smoothing)
        ls = log_softmax_mp(xrow)
        terms = [xlogy_ls(zi, li) for zi, li in zip(zrow, ls)]
        return -mpmath.fsum(terms) if all(t != -INF for t in terms) else INF

    return _rows(f, [labels, logits], axis, keep_axis=False)


def xlogy_ls(z, logv):
    """z * logv with 0 * (-inf) = 0."""
    if z == 0:
        return mpf(0)
    if logv == -INF:
        return -INF
    return z * logv


@_workdps()
def softmax_cross_entropy_with_logits_grad(labels, logits, axis=-1, label_smoothing=0.0):
    """softmax_i * S - z_i along axis, S = sum(z) (exact).

    For the dominant class (softmax_i > 1/2), where S softmax_i - z_i may be a
    tiny difference of numbers near 1, it is evaluated as
    (S - z_i) - S (1 - softmax_i), with S - z_i = sum_{j != i} z_j and
    1 - softmax_i from one_minus_softmax_mp; for one-hot labels this is exactly
    -(1 - softmax_l) without any cancellation.
    """

    def f(zrow, xrow):
        zrow = smoothed_mp(zrow, label_smoothing)
        s = mpmath.fsum(zrow)
        sm = softmax_mp(xrow)
        out = []
        for i, (zi, pi) in enumerate(zip(zrow, sm)):
            if pi > mpf(1) / 2:
                z_others = mpmath.fsum(zrow[j] for j in range(len(zrow)) if j != i)
                out.append(z_others - s * one_minus_softmax_mp(xrow, i))
            else:
                out.append(s * pi - zi)
        return out

    return _rows(f, [labels, logits], axis, keep_axis=True)


@_workdps()
def sparse_softmax_cross_entropy_with_logits(labels, logits, label_smoothing=0.0):
    """-log_softmax(logits)[label] for each example (last axis = classes).

    With smoothing eps: -(1 - eps) ls_c - (eps/K) sum_j ls_j, every term >= 0
    (a -inf log-softmax with weight 0, at eps = 1, contributes 0).
    """
    labels = np.asarray(labels)
    logits = np.asarray(logits)
    eps = to_mp(label_smoothing)
    out = np.empty(labels.shape, dtype=np.float64)
    for idx in np.ndindex(labels.shape):
        row = [to_mp(v) for v in logits[idx]]
        ls = log_softmax_mp(row)
        lab = int(labels[idx])
        if eps == 0:
            out[idx] = to_float(-ls[lab])
            continue
        terms = [xlogy_ls(1 - eps, ls[lab])] + [xlogy_ls(eps / len(row), v) for v in ls]
        out[idx] = to_float(INF if any(t == -INF for t in terms) else -mpmath.fsum(terms))
    return out


@_workdps()
def sparse_softmax_cross_entropy_with_logits_grad(labels, logits, label_smoothing=0.0):
    """softmax - t, t = (1 - eps) onehot(label) + eps/K; the label entry is
    -(1 - softmax_l) + eps (K - 1)/K with 1 - softmax_l via one_minus_softmax_mp."""
    labels = np.asarray(labels)
    logits = np.asarray(logits)
    eps = to_mp(label_smoothing)
    out = np.empty(logits.shape, dtype=np.float64)
    for idx in np.ndindex(labels.shape):
        row = [to_mp(v) for v in logits[idx]]
        k = len(row)
        sm = [v - eps / k for v in softmax_mp(row)]
        lab = int(labels[idx])
        sm[lab] = -one_minus_softmax_mp(row, lab) + eps * (k - 1) / k
        out[idx] = [to_float(v) for v in sm]
    return out


def _pos_weight(pos_weight, logits):
    """pos_weight broadcast along the last axis (1 for None), as float64 values."""
    if pos_weight is None:
        return np.ones(np.shape(logits))
    return np.broadcast_to(np.asarray(pos_weight, dtype=np.float64), np.shape(logits))


def sigmoid_ce_mp(z, x, q=1):
    """-q z log sigmoid(x) - (1-z) log sigmoid(-x), with 0 * (-inf) = 0."""
    a = xlogy_ls(q * z, log_sigmoid_mp(x))
    b = xlogy_ls(1 - z, log_sigmoid_mp(-x))
    if a == -INF or b == -INF:
        return INF
    return -(a + b)


@_workdps()
def sigmoid_cross_entropy_with_logits(labels, logits, pos_weight=None):
    """-q z log sigmoid(x) - (1-z) log sigmoid(-x), with 0 * (-inf) = 0 (q = 1 without
    pos_weight, else pos_weight broadcast along the last axis).

    Uses log(1 - sigmoid(x)) = log_sigmoid(-x); 1 - z is only a coefficient
    (its 60-digit rounding is harmless). Both terms are >= 0, so there is no
    cancellation.
    """
    return _elementwise(sigmoid_ce_mp, labels, logits, _pos_weight(pos_weight, logits))


@_workdps()
def sigmoid_cross_entropy_with_logits_grad(labels, logits, pos_weight=None):
    """(1 - z) sigmoid(x) - q z sigmoid(-x); = sigmoid(x) - z at q = 1, then for
    z > 1/2 evaluated as (1 - z) - sigmoid(-x).

    The second form is algebraically identical and, for z = 1, is exactly
    -sigmoid(-x) with no cancellation (the tiny gradient at a large margin).
    """

    def f(z, x, q):
        if q != 1:
            return (1 - z) * sigmoid_mp(x) - q * z * sigmoid_mp(-x)
        if z > mpf(1) / 2:
            return (1 - z) - sigmoid_mp(-x)
        return sigmoid_mp(x) - z

    return _elementwise(f, labels, logits, _pos_weight(pos_weight, logits))


def _focal_parts(z, x, gamma, alpha):
    """(alpha_t, u = 1 - p_t, ce, a = sigmoid(x), b = sigmoid(-x)) in mp."""
    a, b = sigmoid_mp(x), sigmoid_mp(-x)
    u = z * b + (1 - z) * a
    alpha_t = mpf(1) if alpha is None else to_mp(alpha) * z + (1 - to_mp(alpha)) * (1 - z)
    return alpha_t, u, sigmoid_ce_mp(z, x), a, b


@_workdps()
def sigmoid_focal_loss(labels, logits, gamma=2.0, alpha=None):
    """alpha_t (1 - p_t)**gamma CE(x, z) with 1 - p_t = z sigmoid(-x) + (1-z) sigmoid(x)
    (no 1 - p), 0**0 = 1, and a term of weight alpha_t = 0 contributing 0 (even where CE
    is +inf). All factors >= 0: no cancellation."""
    g = to_mp(gamma)

    def f(z, x):
        alpha_t, u, ce, _, _ = _focal_parts(z, x, gamma, alpha)
        if alpha_t == 0:
            return mpf(0)
        factor = mpf(1) if g == 0 else u**g
        if ce == INF:
            return INF if factor > 0 else mpf(0)
        return alpha_t * factor * ce

    return _elementwise(f, labels, logits)


def _focal_grad_terms(z, x, gamma, alpha):
    """alpha_t u^g times the three bracket terms (1-z) a, -z b, g (1-2z) ce ab/u, in mp.

    The derivative of alpha_t ce u^g, with d ce/dx = (1-z) a - z b and
    du/dx = (1 - 2z) ab; ce * ab / u is set to its limit 0 where ab = 0 (x = -inf
    or a 0/1 label with u = 0), and the u^(g-1) of the textbook derivative is never
    formed. Each term is exact to 60 digits (no cancellation inside any of them).
    """
    g = to_mp(gamma)
    alpha_t, u, ce, a, b = _focal_parts(z, x, gamma, alpha)
    ab = a * b
    ratio = mpf(0) if ab == 0 else ab / u
    second = mpf(0) if (g == 0 or ratio == 0) else g * (1 - 2 * z) * ce * ratio
    scale = alpha_t * (mpf(1) if g == 0 else u**g)
    return [scale * (1 - z) * a, -scale * z * b, scale * second]


@_workdps()
def sigmoid_focal_loss_grad(labels, logits, gamma=2.0, alpha=None):
    """d/dx of sigmoid_focal_loss: the sum of _focal_grad_terms (60 digits, so their
    cancellation for soft labels near the optimum costs nothing of the 16 compared)."""
    return _elementwise(lambda z, x: mpmath.fsum(_focal_grad_terms(z, x, gamma, alpha)),
                        labels, logits)


@_workdps()
def sigmoid_focal_loss_grad_scale(labels, logits, gamma=2.0, alpha=None):
    """The sum of the magnitudes of _focal_grad_terms: what the rounding of a float64
    evaluation of the terms is relative to (the tests' allowance for soft labels)."""
    return _elementwise(
        lambda z, x: mpmath.fsum(abs(t) for t in _focal_grad_terms(z, x, gamma, alpha)),
        labels, logits)


@_workdps()
def binary_cross_entropy(labels, probs):
    """-(y log p + (1-y) log1p(-p)); 0 log 0 = 0; +inf when p is exactly 0 or 1
    against the opposite label (or a soft one). Both terms >= 0; log1p(-p) keeps
    tiny p accurate (see xlog1my)."""

    def f(y, p):
        a = xlogy(y, p)
        b = xlog1my(y, p)
        if a == -INF or b == -INF:
            return INF
        return -(a + b)

    return _elementwise(f, labels, probs)


@_workdps()
def mean_squared_error(y_true, y_pred):
    """mean over all elements of (y_pred - y_true)**2, differences and squares exact in mp."""
    yt = np.asarray(y_true).ravel()
    yp = np.asarray(y_pred).ravel()
    total = mpmath.fsum((to_mp(b) - to_mp(a)) ** 2 for a, b in zip(yt, yp))
    return np.asarray(to_float(total / len(yt)))


@_workdps()
def mean_squared_error_grad(y_true, y_pred):
    """2 (y_pred - y_true) / N elementwise, N = number of elements."""
    n = np.asarray(y_true).size
    return _elementwise(lambda a, b: 2 * (b - a) / n, y_true, y_pred)
