"""xentlib against high-precision references.

Expected values come from ``tests/reference.py`` (mpmath at 60+ digits on the
exact binary values of the inputs, rounded once to float64) and, on ordinary
inputs, from ``scipy.special`` as a second independent route. No expected
value is typed in by hand: where a test names a number in a comment (e.g.
"~ -4.25e-18") it is only a description.

Tolerance policy (see ``assert_matches``):

* float64: relative error <= 1e-13, plus an absolute allowance of the smallest
  normal float64 (2.2e-308). Relative accuracy is meaningless for results in
  the subnormal range (their spacing is a fixed 4.9e-324), and a reference that
  is exactly 0 (or rounds to 0) cannot be met relatively; below the normal
  range we therefore only ask for absolute agreement.
* float32: relative error <= 4 float32 ulp (4 * 2**-23), absolute allowance
  the smallest normal float32 (1.2e-38), against the mpmath value for the
  exact float32 inputs.
* Where the result comes from cancellation between inputs (ill-conditioned),
  a test adds an absolute tolerance of a few eps times the magnitude of the
  cancelling quantities and says why in a comment.
* Infinities must match exactly (same sign); NaN is never acceptable.

Every library call runs under ``np.errstate(over/divide/invalid='raise')``
with warnings turned into errors: valid input must not trigger a
floating-point warning, even when the result is inf or 0.
"""

import math
import sys
from pathlib import Path

import numpy as np
import pytest
import scipy.special as sc

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reference as ref  # noqa: E402

import xentlib  # noqa: E402

EPS64 = float(np.finfo(np.float64).eps)
EPS32 = float(np.finfo(np.float32).eps)
TINY64 = float(np.finfo(np.float64).smallest_normal)
TINY32 = float(np.finfo(np.float32).smallest_normal)
RTOL64 = 1e-13
RTOL32 = 4 * EPS32
INF = np.inf
SUB = 5e-324  # smallest subnormal float64


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------


from support import call, strict_fp  # noqa: E402  (shared with the other suite)


def assert_matches(actual, expected, dtype=np.float64, rtol=None, atol=0.0):
    """Compare a xentlib result with a float64 reference array.

    * ``actual`` must have ``dtype`` and the reference's shape;
    * infinities must agree exactly, ``actual`` must not hold NaN;
    * elsewhere |actual - expected| <= rtol*|expected| + max(atol, tiny),
      with rtol defaulting to RTOL64 / RTOL32 and tiny the smallest normal
      number of ``dtype`` (see the module docstring). ``atol`` may be an array.
    """
    dtype = np.dtype(dtype)
    a = np.asarray(actual)
    e = np.asarray(expected, dtype=np.float64)
    assert a.dtype == dtype, f"dtype {a.dtype}, expected {dtype}"
    assert a.shape == e.shape, f"shape {a.shape}, expected {e.shape}"
    if rtol is None:
        rtol = RTOL64 if dtype == np.float64 else RTOL32
    tiny = TINY64 if dtype == np.float64 else TINY32
    a64 = a.astype(np.float64)
    assert not np.isnan(a64).any(), f"NaN in result {a64!r} (expected {e!r})"
    e_inf = np.isinf(e)
    bad_inf = e_inf & (a64 != e)
    assert not bad_inf.any(), f"infinities differ: got {a64[bad_inf]!r}, expected {e[bad_inf]!r}"
    fin = ~e_inf
    assert np.isfinite(a64[fin]).all(), f"got non-finite {a64!r}, expected {e!r}"
    tol = rtol * np.abs(e) + np.maximum(np.broadcast_to(atol, e.shape), tiny)
    err = np.abs(np.where(fin, a64, 0.0) - np.where(fin, e, 0.0))
    bad = fin & (err > tol)
    if bad.any():
        rel = err / np.where(e == 0, 1.0, np.abs(e))
        lines = [
            f"  at {tuple(int(i) for i in idx)}: got {a64[tuple(idx)]!r}, expected "
            f"{e[tuple(idx)]!r}, rel err {rel[tuple(idx)]:.3g}, tol {tol[tuple(idx)]:.3g}"
            for idx in np.argwhere(bad)[:8]
        ]
        pytest.fail("mismatch vs reference:\n" + "\n".join(lines))


def onehot(label, n):
    z = np.zeros(n)
    z[label] = 1.0
    return z


# --------------------------------------------------------------------------
# grids
# --------------------------------------------------------------------------

# probabilities, including the extremes the contract names
PROB_GRID = [0.0, 1.0, 0.5, 0.25, 0.1, 0.9, 1e-10, 1 - 1e-10, 1e-300, SUB,
             TINY64, 2.0**-53, 1 - 2.0**-53, 0.999, 1 / 3]

# logits for the elementwise functions
X_GRID = [0.0, 1e-20, -1e-20, 1.0, -1.0, 2.5, -2.5, 10.0, -10.0, 36.7, -36.7,
          40.0, -40.0, 100.0, -100.0, 700.0, -700.0, 745.0, -745.0, 1000.0,
          -1000.0, 1e5, -1e5, 1e300, -1e300, INF, -INF]

# rows of logits for softmax / log_softmax / logsumexp and the losses
LOGIT_ROWS = {
    "zeros": [0.0, 0.0],
    "single": [3.5],
    "small": [1.0, 2.0, 3.0],
    "mixed": [-0.5, 0.3, 2.2, -1.1],
    "tiny_component": [0.0, -40.0],
    "sparse_case": [37.42994775023705, 0.0],
    "shifted_tiny": [1000.0, 960.0],
    "large_tiny": [1e5, 1e5 - 40.0],
    "pm1000": [1000.0, 0.0, -1000.0],
    "neg1000_pair": [-1000.0, -1000.0],
    "naive_overflow": [710.0, 709.0],
    "naive_underflow": [-746.0, -746.5, -800.0],
    "pm1e5": [1e5, -1e5, 0.0],
    "pm1e300": [1e300, -1e300],
    "equal_1e300": [1e300, 1e300],
    "neg1e300": [-1e300, 0.0],
    "edge_normal": [0.0, -700.0],
    "edge_subnormal": [0.0, -745.0],
    "tiny_values": [1e-300, 0.0],
    "tiny_pm": [-1e-20, 1e-20],
    "masked": [0.0, -INF, 1.0],
    "masked_two": [-INF, -INF, 5.0],
    "masked_big": [1e300, -INF, -1e300],
    "random20": list(np.random.default_rng(0).normal(scale=5.0, size=20)),
}

FINITE_ROWS = {k: v for k, v in LOGIT_ROWS.items() if not np.isinf(v).any()}


def _soft_labels(row):
    """A soft label that sums to 1 exactly: dyadic weights over the finite classes."""
    row = np.asarray(row)
    idx = np.flatnonzero(np.isfinite(row))
    z = np.zeros(row.size)
    if idx.size == 1:
        z[idx[0]] = 1.0
        return z
    # 1/2, 1/4, ..., and the remainder on the last finite class
    w = 0.5 ** np.arange(1, idx.size)
    z[idx[:-1]] = w
    z[idx[-1]] = 1.0 - w.sum()
    return z


def _dense_label_cases():
    cases = []
    for name, row in LOGIT_ROWS.items():
        r = np.asarray(row)
        top = int(np.argmax(r))
        finite = np.flatnonzero(np.isfinite(r))
        low = int(finite[np.argmin(r[finite])])
        cases.append(pytest.param(onehot(top, r.size), r, True, id=f"{name}-onehot_max"))
        if low != top:
            cases.append(pytest.param(onehot(low, r.size), r, True, id=f"{name}-onehot_min"))
        cases.append(pytest.param(_soft_labels(r), r, False, id=f"{name}-soft"))
        if np.isfinite(r).all() and r.size > 1:
            cases.append(pytest.param(np.full(r.size, 1.0 / r.size), r, False, id=f"{name}-uniform"))
    return cases


DENSE_CASES = _dense_label_cases()


# ==========================================================================
# information
# ==========================================================================


def test_information_of_zero_is_inf():
    assert call("information", 0.0) == INF
    assert call("information", np.array([0.0, 0.5]))[0] == INF


def test_information_of_one_is_zero():
    assert call("information", 1.0) == 0.0


def test_information_bits_of_quarter():
    assert_matches(call("information", 0.25, base=2), ref.information(0.25, base=2))


def test_information_subnormal_probability():
    # -log(5e-324) ~ 744.44: well inside the normal range, so fully relative
    assert_matches(call("information", SUB), ref.information(SUB))


@pytest.mark.parametrize("base", [None, 2, 10])
def test_information_grid(base):
    p = np.array(PROB_GRID)
    assert_matches(call("information", p, base=base), ref.information(p, base=base))


# ==========================================================================
# entropy
# ==========================================================================


def test_entropy_one_hot_is_exactly_zero():
    assert call("entropy", [0.0, 1.0, 0.0]) == 0.0


def test_entropy_zero_component_contributes_nothing():
    assert_matches(call("entropy", [0.5, 0.5, 0.0]), ref.entropy([0.5, 0.5]))


def test_entropy_uniform_in_bits():
    assert_matches(call("entropy", [0.25] * 4, base=2), ref.entropy([0.25] * 4, base=2))


def test_entropy_tiny_component():
    # 1e-300 * log(1e300) ~ 6.9e-298: a normal number, so relative accuracy applies
    p = [1.0, 1e-300]
    assert_matches(call("entropy", p), ref.entropy(p))


def test_entropy_near_certain():
    p = [1 - 2.0**-53, 2.0**-53]
    assert_matches(call("entropy", p), ref.entropy(p))


def test_entropy_normalize_integer_counts():
    out = call("entropy", np.array([1, 2, 3]), normalize=True)
    assert_matches(out, ref.entropy([1, 2, 3], normalize=True))


def test_entropy_normalize_huge_counts():
    c = [1e300, 1e300, 2e300]
    assert_matches(call("entropy", c, normalize=True), ref.entropy(c, normalize=True))


def test_entropy_result_is_numpy_scalar():
    out = call("entropy", [0.5, 0.5])
    assert isinstance(out, np.float64)


ENTROPY_ROWS = {
    "certain": [1.0],
    "half": [0.5, 0.5],
    "onehot": [0.0, 0.0, 1.0],
    "uniform4": [0.25] * 4,
    "skewed": [0.7, 0.2, 0.1],
    "third": [1 / 3, 1 / 3, 1 / 3],
    "near_certain": [1 - 2.0**-53, 2.0**-53],
    "near_certain40": [1 - 2.0**-40, 2.0**-40],
    "tiny": [1.0, 1e-300],
    "subnormal": [1.0, SUB],
    "with_zero": [0.5, 0.25, 0.0, 0.25],
}


@pytest.mark.parametrize("base", [None, 2])
@pytest.mark.parametrize("row", ENTROPY_ROWS.values(), ids=ENTROPY_ROWS.keys())
def test_entropy_grid(row, base):
    assert_matches(call("entropy", row, base=base), ref.entropy(row, base=base))


COUNT_ROWS = {
    "ints": [1, 2, 3],
    "with_zero": [0, 5],
    "single": [7],
    "tiny": [1e-300, 3e-300],
    "huge": [1e300, 1e300],
    "wide": [1.0, 1e-300],
    "floats": [0.3, 0.3, 0.4000001],
}


@pytest.mark.parametrize("row", COUNT_ROWS.values(), ids=COUNT_ROWS.keys())
def test_entropy_normalize_grid(row):
    assert_matches(call("entropy", row, normalize=True), ref.entropy(row, normalize=True))


@pytest.mark.parametrize("axis", [0, 1, 2, -1])
def test_entropy_batched_axis(axis):
    rng = np.random.default_rng(1)
    c = rng.uniform(0.01, 1.0, size=(3, 4, 5))
    c[0, 0, 0] = 0.0
    p = c / c.sum(axis=axis, keepdims=True)
    assert_matches(call("entropy", p, axis=axis), ref.entropy(p, axis=axis))
    assert_matches(call("entropy", c, axis=axis, normalize=True),
                   ref.entropy(c, axis=axis, normalize=True))


# ==========================================================================
# binary_entropy
# ==========================================================================


def test_binary_entropy_endpoints_are_zero():
    out = call("binary_entropy", np.array([0.0, 1.0]))
    assert (out == 0.0).all()


def test_binary_entropy_half_is_one_bit():
    assert_matches(call("binary_entropy", 0.5, base=2), ref.binary_entropy(0.5, base=2))


def test_binary_entropy_tiny_p():
    # ~ 1e-300 * (log(1e300) + 1): needs (1-p) log(1-p) ~ -p computed as a
    # product with log1p, not log(1 - p) = log(1) = 0
    assert_matches(call("binary_entropy", 1e-300), ref.binary_entropy(1e-300))
    assert_matches(call("binary_entropy", 1e-20), ref.binary_entropy(1e-20))


def test_binary_entropy_near_one():
    assert_matches(call("binary_entropy", 1 - 2.0**-53), ref.binary_entropy(1 - 2.0**-53))


@pytest.mark.parametrize("base", [None, 2])
def test_binary_entropy_grid(base):
    p = np.array(PROB_GRID)
    assert_matches(call("binary_entropy", p, base=base), ref.binary_entropy(p, base=base))


# ==========================================================================
# kl_divergence and cross_entropy
# ==========================================================================


def test_kl_identical_is_exactly_zero():
    p = np.array([0.1, 0.2, 0.3, 0.4])
    assert call("kl_divergence", p, p) == 0.0


def test_kl_nearly_equal_dyadic():
    # p and q both sum to exactly 1; KL ~ 2.6e-18, far below eps: naive
    # sum p log(p/q) loses it entirely (or turns negative)
    p = np.array([0.5, 0.25, 0.25])
    q = np.array([0.5 + 2.0**-30, 0.25 - 2.0**-30, 0.25])
    out = call("kl_divergence", p, q)
    assert out > 0
    assert_matches(out, ref.kl_divergence(p, q))


def test_kl_nearly_equal_last_bit():
    # q differs from p in the last bit of two entries: KL ~ 9.9e-32
    p = np.array([0.5, 0.5])
    q = np.array([0.5 + 2.0**-53, 0.5 - 2.0**-54])
    q[1] = 1.0 - q[0]  # exactly representable, so q sums to exactly 1
    assert q[0] != p[0] and q[1] != p[1]
    out = call("kl_divergence", p, q)
    assert out > 0
    assert_matches(out, ref.kl_divergence(p, q))


def test_kl_nearly_equal_reversed():
    p = np.array([0.5 + 2.0**-30, 0.25 - 2.0**-30, 0.25])
    q = np.array([0.5, 0.25, 0.25])
    out = call("kl_divergence", p, q)
    assert out > 0
    assert_matches(out, ref.kl_divergence(p, q))


def test_kl_q_zero_where_p_positive_is_inf():
    assert call("kl_divergence", [0.5, 0.5], [1.0, 0.0]) == INF


def test_kl_zero_p_terms_contribute_q():
    # [1, 0] vs [1/2, 1/2]: log 2 - 1 + 1/2 + (p=0 term: q = 1/2) = log 2
    assert_matches(call("kl_divergence", [1.0, 0.0], [0.5, 0.5]),
                   ref.kl_divergence([1.0, 0.0], [0.5, 0.5]))


def test_kl_subnormal_q_does_not_overflow():
    # p/q = 0.5/5e-324 overflows float64; log p - log q does not
    p, q = [0.5, 0.5], [SUB, 1.0]
    assert_matches(call("kl_divergence", p, q), ref.kl_divergence(p, q))


def test_kl_bits():
    p, q = [0.9, 0.1], [0.1, 0.9]
    assert_matches(call("kl_divergence", p, q, base=2), ref.kl_divergence(p, q, base=2))


def test_cross_entropy_zero_p_terms_vanish():
    assert call("cross_entropy", [1.0, 0.0], [1.0, 0.0]) == 0.0


def test_cross_entropy_q_zero_where_p_positive_is_inf():
    assert call("cross_entropy", [0.5, 0.5], [1.0, 0.0]) == INF


def test_cross_entropy_tiny_q():
    p, q = [0.3, 0.7], [1e-300, 1.0]
    assert_matches(call("cross_entropy", p, q), ref.cross_entropy(p, q))


PQ_PAIRS = {
    "equal": ([0.5, 0.5], [0.5, 0.5]),
    "swap": ([0.9, 0.1], [0.1, 0.9]),
    "three": ([0.2, 0.3, 0.5], [0.5, 0.3, 0.2]),
    "onehot_vs_uniform": ([1.0, 0.0], [0.5, 0.5]),
    "uniform_vs_onehot": ([0.5, 0.5], [1.0, 0.0]),
    "onehot_same": ([0.0, 1.0], [0.0, 1.0]),
    "near_dyadic": ([0.5, 0.25, 0.25], [0.5 + 2.0**-30, 0.25 - 2.0**-30, 0.25]),
    "near_dyadic_40": ([0.25, 0.75], [0.25 + 2.0**-40, 0.75 - 2.0**-40]),
    "near_dyadic_53": ([0.25, 0.75], [0.25 - 2.0**-53, 0.75 + 2.0**-53]),
    "tiny_q": ([1.0, 0.0, 0.0], [1e-300, 0.5, 0.5]),
    "subnormal_q": ([0.5, 0.5], [SUB, 1.0]),
    "tiny_p": ([1e-300, 1.0], [0.5, 0.5]),
    "subnormal_p": ([SUB, 1.0], [0.5, 0.5]),
    "near_one_q": ([0.5, 0.5], [1 - 2.0**-53, 2.0**-53]),
    "zero_p_zero_q": ([0.0, 0.5, 0.5], [0.0, 0.25, 0.75]),
}


@pytest.mark.parametrize("base", [None, 2])
@pytest.mark.parametrize("pq", PQ_PAIRS.values(), ids=PQ_PAIRS.keys())
def test_kl_divergence_grid(pq, base):
    p, q = pq
    out = call("kl_divergence", p, q, base=base)
    assert_matches(out, ref.kl_divergence(p, q, base=base))
    assert out >= 0


@pytest.mark.parametrize("base", [None, 2])
@pytest.mark.parametrize("pq", PQ_PAIRS.values(), ids=PQ_PAIRS.keys())
def test_cross_entropy_grid(pq, base):
    p, q = pq
    assert_matches(call("cross_entropy", p, q, base=base), ref.cross_entropy(p, q, base=base))


@pytest.mark.parametrize("axis", [0, 1, -1])
def test_kl_and_cross_entropy_batched_axis(axis):
    rng = np.random.default_rng(2)
    a = rng.uniform(0.01, 1.0, size=(3, 4))
    b = rng.uniform(0.01, 1.0, size=(3, 4))
    p = a / a.sum(axis=axis, keepdims=True)
    q = b / b.sum(axis=axis, keepdims=True)
    assert_matches(call("kl_divergence", p, q, axis=axis), ref.kl_divergence(p, q, axis=axis))
    assert_matches(call("cross_entropy", p, q, axis=axis), ref.cross_entropy(p, q, axis=axis))


# ==========================================================================
# sigmoid and log_sigmoid
# ==========================================================================


def test_sigmoid_infinities():
    out = call("sigmoid", np.array([-INF, INF]))
    assert out[0] == 0.0 and out[1] == 1.0


def test_log_sigmoid_infinities():
    out = call("log_sigmoid", np.array([-INF, INF]))
    assert out[0] == -INF and out[1] == 0.0


def test_sigmoid_of_zero_is_half():
    assert call("sigmoid", 0.0) == 0.5


def test_log_sigmoid_tiny_at_large_margin():
    # log(sigmoid(40)) ~ -4.25e-18 and log(sigmoid(700)) ~ -9.9e-305: naive
    # log(sigmoid(x)) rounds both to 0
    x = np.array([40.0, 700.0])
    assert_matches(call("log_sigmoid", x), ref.log_sigmoid(x))


def test_log_sigmoid_huge_negative():
    x = np.array([-1000.0, -1e5, -1e300])
    assert_matches(call("log_sigmoid", x), ref.log_sigmoid(x))


def test_sigmoid_subnormal_result():
    # sigmoid(-745) ~ 5e-324 lies in the subnormal range: absolute comparison only
    assert_matches(call("sigmoid", -745.0), ref.sigmoid(-745.0))


def test_sigmoid_large_negative_relative():
    x = np.array([-40.0, -700.0])
    assert_matches(call("sigmoid", x), ref.sigmoid(x))


@pytest.mark.parametrize("x", X_GRID)
@pytest.mark.parametrize("func", ["sigmoid", "log_sigmoid"])
def test_sigmoid_grid(func, x):
    assert_matches(call(func, x), getattr(ref, func)(x))


def test_sigmoid_vectorised_grid():
    x = np.array(X_GRID).reshape(3, 9)
    assert_matches(call("sigmoid", x), ref.sigmoid(x))
    assert_matches(call("log_sigmoid", x), ref.log_sigmoid(x))


# ==========================================================================
# softmax, log_softmax, logsumexp
# ==========================================================================


def test_log_softmax_tiny_component():
    # log_softmax([0, -40])[0] = -log1p(exp(-40)) ~ -4.25e-18, not 0
    out = call("log_softmax", [0.0, -40.0])
    assert out[0] < 0
    assert_matches(out, ref.log_softmax([0.0, -40.0]))


def test_log_softmax_large_logits():
    # naive log(softmax([1000, 1])) gives -inf for the second class
    x = [1000.0, 1.0]
    assert_matches(call("log_softmax", x), ref.log_softmax(x))


def test_log_softmax_tiny_component_after_shift():
    # the tiny component must survive a large common offset: exp(-40) next to 1000
    x = [1000.0, 960.0]
    out = call("log_softmax", x)
    assert out[0] < 0
    assert_matches(out, ref.log_softmax(x))


def test_softmax_masked_class():
    x = [0.0, -INF, 1.0]
    sm = call("softmax", x)
    ls = call("log_softmax", x)
    assert sm[1] == 0.0 and ls[1] == -INF
    assert_matches(sm, ref.softmax(x))
    assert_matches(ls, ref.log_softmax(x))


def test_logsumexp_all_masked_row_is_minus_inf():
    out = call("logsumexp", np.array([[-INF, -INF], [0.0, -INF]]))
    assert out[0] == -INF
    assert out[1] == 0.0


def test_logsumexp_huge_logits():
    for x in ([1e300, 1e300], [710.0, 709.0], [1e308, 1e308]):
        assert_matches(call("logsumexp", x), ref.logsumexp(x))


def test_logsumexp_tiny_excess():
    # logsumexp([0, -40]) = log1p(exp(-40)) ~ 4.25e-18: needs log1p
    assert_matches(call("logsumexp", [0.0, -40.0]), ref.logsumexp([0.0, -40.0]))


def test_logsumexp_near_zero():
    # logsumexp([-log 2, -log 2]) is ~1e-17 (log 2 is rounded), a result that
    # comes from cancelling m = -0.69 against log(2): ill-conditioned, so the
    # error allowed is 4 eps |m|, the rounding error of forming m + log(...)
    m = -math.log(2.0)
    x = [m, m]
    assert_matches(call("logsumexp", x), ref.logsumexp(x), atol=4 * EPS64 * abs(m))


def test_softmax_extreme_logits():
    x = [1e300, -1e300]
    out = call("softmax", x)
    assert out[0] == 1.0 and out[1] == 0.0


def test_softmax_single_class_is_one():
    assert call("softmax", [-123.0])[0] == 1.0


def _lse_atol(x, axis=-1):
    """Absolute tolerance for logsumexp: 4 eps |m|, m = the row maximum.

    The result m + log(sum exp(x - m)) is a sum of two terms that can cancel
    (a result near 0 for negative m); rounding m + (...) costs ~eps |m|
    whatever the algorithm. For m = 0 this is 0, so the log1p accuracy of a
    tiny result such as logsumexp([0, -40]) ~ 4.25e-18 is still fully tested.
    """
    m = np.max(np.asarray(x, dtype=np.float64), axis=axis)
    return 4 * EPS64 * np.abs(np.where(np.isfinite(m), m, 0.0))


@pytest.mark.parametrize("row", LOGIT_ROWS.values(), ids=LOGIT_ROWS.keys())
@pytest.mark.parametrize("func", ["softmax", "log_softmax", "logsumexp"])
def test_softmax_family_grid(func, row):
    atol = _lse_atol(row) if func == "logsumexp" else 0.0
    assert_matches(call(func, row), getattr(ref, func)(row), atol=atol)


@pytest.mark.parametrize("axis", [0, 1, 2, -1])
@pytest.mark.parametrize("func", ["softmax", "log_softmax", "logsumexp"])
def test_softmax_family_batched_axis(func, axis):
    rng = np.random.default_rng(3)
    x = rng.normal(scale=30.0, size=(3, 4, 5))
    x[0, 1, 2] = -INF
    x[2, 0, 0] = 800.0
    e = getattr(ref, func)(x, axis=axis)
    atol = _lse_atol(x, axis=axis) if func == "logsumexp" else 0.0
    assert_matches(call(func, x, axis=axis), e, atol=atol)


# ==========================================================================
# dense and sparse softmax cross entropy
# ==========================================================================


def test_sparse_loss_near_zero():
    # -log_softmax([37.43, 0])[0] = log1p(exp(-37.43)) ~ 5.55e-17
    x = np.array([37.42994775023705, 0.0])
    out = call("sparse_softmax_cross_entropy_with_logits", np.int64(0), x)
    assert out > 0
    assert_matches(out, ref.sparse_softmax_cross_entropy_with_logits(0, x))


def test_sparse_grad_near_zero():
    # softmax - onehot ~ [-5.55e-17, +5.55e-17]: the label entry must be
    # -(1 - softmax) computed without cancellation, not softmax - 1 = 0
    x = np.array([[37.42994775023705, 0.0]])
    lab = np.array([0])
    out = call("sparse_softmax_cross_entropy_with_logits_grad", lab, x)
    assert out[0, 0] < 0 < out[0, 1]
    assert_matches(out, ref.sparse_softmax_cross_entropy_with_logits_grad(lab, x))


def test_dense_loss_one_hot_near_zero():
    x = np.array([37.42994775023705, 0.0])
    z = np.array([1.0, 0.0])
    out = call("softmax_cross_entropy_with_logits", z, x)
    assert out > 0
    assert_matches(out, ref.softmax_cross_entropy_with_logits(z, x))


def test_dense_grad_one_hot_near_zero():
    x = np.array([37.42994775023705, 0.0])
    z = np.array([1.0, 0.0])
    out = call("softmax_cross_entropy_with_logits_grad", z, x)
    assert out[0] < 0 < out[1]
    assert_matches(out, ref.softmax_cross_entropy_with_logits_grad(z, x))


def test_dense_loss_zero_label_on_masked_logit():
    # label 0 on a -inf logit contributes exactly 0 (not 0 * inf = nan)
    out = call("softmax_cross_entropy_with_logits", [0.5, 0.5, 0.0], [0.0, 0.0, -INF])
    assert_matches(out, ref.softmax_cross_entropy_with_logits([0.5, 0.5, 0.0], [0.0, 0.0, -INF]))


def test_dense_loss_positive_label_on_masked_logit_is_inf():
    assert call("softmax_cross_entropy_with_logits", [0.5, 0.5], [0.0, -INF]) == INF


def test_dense_loss_large_equal_logits_soft_labels():
    # log 2 exactly in theory; lse(x) - sum(z x) style code loses ~eps*1e5
    z, x = [0.5, 0.5], [1e5, 1e5]
    assert_matches(call("softmax_cross_entropy_with_logits", z, x),
                   ref.softmax_cross_entropy_with_logits(z, x))


def test_sparse_loss_masked_other_class():
    x = np.array([2.0, -INF, -1.0])
    for lab in (0, 2):
        assert_matches(call("sparse_softmax_cross_entropy_with_logits", np.int64(lab), x),
                       ref.sparse_softmax_cross_entropy_with_logits(lab, x))


@pytest.mark.parametrize("z, x, hard", DENSE_CASES)
def test_dense_loss_grid(z, x, hard):
    assert_matches(call("softmax_cross_entropy_with_logits", z, x),
                   ref.softmax_cross_entropy_with_logits(z, x))


@pytest.mark.parametrize("z, x, hard", DENSE_CASES)
def test_dense_grad_grid(z, x, hard):
    e = ref.softmax_cross_entropy_with_logits_grad(z, x)
    atol = 0.0
    if not hard:
        # softmax_i * sum(z) - z_i cancels near the optimum (z ~ softmax): an
        # ill-conditioned difference, so allow 4 eps times the size of the
        # two terms. One-hot labels get no allowance (the tiny gradient at a
        # large margin must survive, see test_dense_grad_one_hot_near_zero).
        atol = 4 * EPS64 * (ref.softmax(x) * np.sum(z) + np.abs(z))
    assert_matches(call("softmax_cross_entropy_with_logits_grad", z, x), e, atol=atol)


SPARSE_CASES = [c for c in DENSE_CASES if c.values[2]]


@pytest.mark.parametrize("z, x, hard", SPARSE_CASES)
def test_sparse_loss_grid(z, x, hard):
    lab = np.int64(np.argmax(z))
    assert_matches(call("sparse_softmax_cross_entropy_with_logits", lab, x),
                   ref.sparse_softmax_cross_entropy_with_logits(lab, x))


@pytest.mark.parametrize("z, x, hard", SPARSE_CASES)
def test_sparse_grad_grid(z, x, hard):
    lab = np.int64(np.argmax(z))
    assert_matches(call("sparse_softmax_cross_entropy_with_logits_grad", lab, x),
                   ref.sparse_softmax_cross_entropy_with_logits_grad(lab, x))


def test_softmax_losses_batched():
    rng = np.random.default_rng(4)
    x = rng.normal(scale=20.0, size=(2, 3, 5))
    x[1, 2, 0] = 900.0
    lab = rng.integers(0, 5, size=(2, 3))
    z = np.eye(5)[lab]
    zs = rng.uniform(size=x.shape)
    zs /= zs.sum(axis=-1, keepdims=True)
    assert_matches(call("sparse_softmax_cross_entropy_with_logits", lab, x),
                   ref.sparse_softmax_cross_entropy_with_logits(lab, x))
    assert_matches(call("sparse_softmax_cross_entropy_with_logits_grad", lab, x),
                   ref.sparse_softmax_cross_entropy_with_logits_grad(lab, x))
    assert_matches(call("softmax_cross_entropy_with_logits", z, x),
                   ref.softmax_cross_entropy_with_logits(z, x))
    assert_matches(call("softmax_cross_entropy_with_logits", zs, x),
                   ref.softmax_cross_entropy_with_logits(zs, x))
    # soft labels: same cancellation allowance as in test_dense_grad_grid
    atol = 4 * EPS64 * (ref.softmax(x) * zs.sum(axis=-1, keepdims=True) + zs)
    assert_matches(call("softmax_cross_entropy_with_logits_grad", zs, x),
                   ref.softmax_cross_entropy_with_logits_grad(zs, x), atol=atol)


def test_dense_loss_axis0():
    rng = np.random.default_rng(5)
    x = rng.normal(scale=3.0, size=(4, 3))
    z = rng.uniform(size=(4, 3))
    z /= z.sum(axis=0, keepdims=True)
    assert_matches(call("softmax_cross_entropy_with_logits", z, x, axis=0),
                   ref.softmax_cross_entropy_with_logits(z, x, axis=0))


# ==========================================================================
# sigmoid cross entropy, binary cross entropy, mean squared error
# ==========================================================================

SIG_X = np.array([0.0, 1e-20, 1.0, -1.0, 3.0, -3.0, 40.0, -40.0, 700.0, -700.0,
                  745.0, -745.0, 1e5, -1e5, 1e300, -1e300])
SIG_Z = [0.0, 1.0, 0.5, 0.25, 0.9, 1 - 2.0**-53, 2.0**-53]


def _sig_ce_atol(z, x):
    """Soft labels only: max(x,0) - x z + log1p(exp(-|x|)) style evaluation (and
    any other) cancels x z against |x| when z ~ 1 (or ~0 for x < 0); the loss
    is then ill-conditioned in z (condition ~ |x| z / loss), so allow 4 eps |x|.
    Hard labels 0 and 1 get no allowance."""
    hard = (np.asarray(z) == 0) | (np.asarray(z) == 1)
    return np.where(hard, 0.0, 4 * EPS64 * np.abs(x))


@pytest.mark.parametrize("z", SIG_Z)
def test_sigmoid_ce_grid(z):
    zz = np.full(SIG_X.shape, z)
    assert_matches(call("sigmoid_cross_entropy_with_logits", zz, SIG_X),
                   ref.sigmoid_cross_entropy_with_logits(zz, SIG_X), atol=_sig_ce_atol(zz, SIG_X))


@pytest.mark.parametrize("z", SIG_Z)
def test_sigmoid_ce_grad_grid(z):
    zz = np.full(SIG_X.shape, z)
    # soft labels: sigmoid(x) - z is a difference of the two inputs' images,
    # ill-conditioned near the optimum: allow 4 eps (sigmoid(x) + z)
    hard = (zz == 0) | (zz == 1)
    atol = np.where(hard, 0.0, 4 * EPS64 * (ref.sigmoid(SIG_X) + zz))
    assert_matches(call("sigmoid_cross_entropy_with_logits_grad", zz, SIG_X),
                   ref.sigmoid_cross_entropy_with_logits_grad(zz, SIG_X), atol=atol)


def test_sigmoid_ce_large_margin():
    # loss ~ 4.25e-18 for a confident correct prediction, both signs
    z = np.array([1.0, 0.0])
    x = np.array([40.0, -40.0])
    out = call("sigmoid_cross_entropy_with_logits", z, x)
    assert (out > 0).all()
    assert_matches(out, ref.sigmoid_cross_entropy_with_logits(z, x))


def test_sigmoid_ce_grad_large_margin():
    # sigmoid(40) - 1 ~ -4.25e-18 (not 0) and sigmoid(-40) - 0 ~ 4.25e-18
    z = np.array([1.0, 0.0])
    x = np.array([40.0, -40.0])
    out = call("sigmoid_cross_entropy_with_logits_grad", z, x)
    assert out[0] < 0 < out[1]
    assert_matches(out, ref.sigmoid_cross_entropy_with_logits_grad(z, x))


def test_sigmoid_ce_huge_wrong_logit():
    z = np.array([1.0, 0.0, 0.5])
    x = np.array([-1e300, 1e300, 1e300])
    assert_matches(call("sigmoid_cross_entropy_with_logits", z, x),
                   ref.sigmoid_cross_entropy_with_logits(z, x))


def test_bce_saturated_wrong_is_inf():
    out = call("binary_cross_entropy", np.array([1.0, 0.0]), np.array([0.0, 1.0]))
    assert (out == INF).all()


def test_bce_saturated_right_is_zero():
    out = call("binary_cross_entropy", np.array([1.0, 0.0]), np.array([1.0, 0.0]))
    assert (out == 0.0).all()


def test_bce_tiny_probability():
    # -log(1 - 1e-300) ~ 1e-300: needs log1p(-p), log(1 - p) gives 0
    y = np.array([0.0, 0.0, 1.0])
    p = np.array([1e-300, 1e-20, 1 - 2.0**-53])
    assert_matches(call("binary_cross_entropy", y, p), ref.binary_cross_entropy(y, p))


@pytest.mark.parametrize("y", [0.0, 1.0, 0.5, 0.3, 1 - 2.0**-53])
def test_bce_grid(y):
    p = np.array(PROB_GRID)
    yy = np.full(p.shape, y)
    assert_matches(call("binary_cross_entropy", yy, p), ref.binary_cross_entropy(yy, p))


MSE_CASES = {
    "equal": ([1.0, 2.0, 3.0], [1.0, 2.0, 3.0]),
    "simple": ([0.0, 0.0], [1.0, -3.0]),
    "single": ([2.5], [-1.0]),
    "huge": ([1e150, -1e150], [-1e150, 1e150]),
    "tiny": ([0.0, 1e-150], [1e-150, 0.0]),
    "underflow": ([0.0, 1e-300], [1e-300, 0.0]),
    "mixed": ([1.0, 1e-8, -7.0, 3.0], [1.0 + 2.0**-52, 0.0, -7.5, 1e3]),
    "matrix": (np.arange(6.0).reshape(2, 3), np.arange(6.0).reshape(2, 3) ** 1.5),
}


@pytest.mark.parametrize("case", MSE_CASES.values(), ids=MSE_CASES.keys())
def test_mse_grid(case):
    yt, yp = (np.asarray(v, dtype=np.float64) for v in case)
    out = call("mean_squared_error", yt, yp)
    assert np.ndim(out) == 0
    assert_matches(out, ref.mean_squared_error(yt, yp))


@pytest.mark.parametrize("case", MSE_CASES.values(), ids=MSE_CASES.keys())
def test_mse_grad_grid(case):
    yt, yp = (np.asarray(v, dtype=np.float64) for v in case)
    assert_matches(call("mean_squared_error_grad", yt, yp), ref.mean_squared_error_grad(yt, yp))


def test_mse_equal_is_exactly_zero():
    y = np.array([[1.5, -2.0], [3.0, 1e300]])
    assert call("mean_squared_error", y, y.copy()) == 0.0


# ==========================================================================
# float32: results are float32 and accurate to a few float32 ulp against
# mpmath on the exact float32 inputs. The logit rows are chosen so that the
# shifted logits x - max(x) are exact in float32; otherwise the rounding of
# that difference alone costs |x - max| * eps32 relative in exp(x - max)
# (the softmax's own condition number), not an implementation error.
# ==========================================================================

F32_ROWS = {
    "tiny_component": [0.0, -20.0],
    "zeros": [0.0, 0.0],
    "small": [3.0, 1.0, -2.0],
    "dyadic": [-3.5, 0.25, 7.0],
    "pm100": [100.0, -100.0],
    "large": [88.0, 80.0, 0.5],
    "pm1e30": [1e30, -1e30],
    "masked": [0.0, -INF, 2.0],
}


def test_log_softmax_float32_tiny_component():
    out = call("log_softmax", np.float32([0, -20]))
    assert out.dtype == np.float32
    assert out[0] < 0  # ~ -2.06e-9, not 0
    assert_matches(out, ref.log_softmax(np.float32([0, -20])), dtype=np.float32)


@pytest.mark.parametrize("row", F32_ROWS.values(), ids=F32_ROWS.keys())
@pytest.mark.parametrize("func", ["softmax", "log_softmax", "logsumexp"])
def test_float32_softmax_family(func, row):
    x = np.asarray(row, dtype=np.float32)
    atol = 0.0
    if func == "logsumexp":
        # as _lse_atol, in float32
        atol = 4 * EPS32 * abs(float(np.max(x)))
    assert_matches(call(func, x), getattr(ref, func)(x), dtype=np.float32, atol=atol)


F32_X = np.array([0.0, 1.0, -1.0, 5.0, -5.0, 20.0, -20.0, 80.0, -80.0, 88.0,
                  -88.0, 100.0, -100.0, 1e30, -1e30, INF, -INF], dtype=np.float32)


@pytest.mark.parametrize("func", ["sigmoid", "log_sigmoid"])
def test_float32_sigmoid_grid(func):
    assert_matches(call(func, F32_X), getattr(ref, func)(F32_X), dtype=np.float32)


def test_log_sigmoid_float32_tiny():
    out = call("log_sigmoid", np.float32(20.0))
    assert out.dtype == np.float32 and out < 0  # ~ -2.06e-9
    assert_matches(out, ref.log_sigmoid(np.float32(20.0)), dtype=np.float32)


def test_sparse_loss_float32_near_zero():
    x = np.float32([20.0, 0.0])
    out = call("sparse_softmax_cross_entropy_with_logits", np.int64(0), x)
    assert out.dtype == np.float32 and out > 0
    assert_matches(out, ref.sparse_softmax_cross_entropy_with_logits(0, x), dtype=np.float32)
    g = call("sparse_softmax_cross_entropy_with_logits_grad", np.int64(0), x)
    assert_matches(g, ref.sparse_softmax_cross_entropy_with_logits_grad(0, x), dtype=np.float32)


@pytest.mark.parametrize("row", F32_ROWS.values(), ids=F32_ROWS.keys())
def test_float32_dense_and_sparse_losses(row):
    x = np.asarray(row, dtype=np.float32)
    lab = int(np.argmax(x))
    z = onehot(lab, x.size).astype(np.float32)
    for name in ("softmax_cross_entropy_with_logits", "softmax_cross_entropy_with_logits_grad"):
        assert_matches(call(name, z, x), getattr(ref, name)(z, x), dtype=np.float32)
    for name in ("sparse_softmax_cross_entropy_with_logits",
                 "sparse_softmax_cross_entropy_with_logits_grad"):
        assert_matches(call(name, np.int64(lab), x), getattr(ref, name)(lab, x), dtype=np.float32)


def test_float32_sigmoid_ce():
    x = F32_X[np.isfinite(F32_X)]
    for zval in (0.0, 1.0):
        z = np.full(x.shape, zval, dtype=np.float32)
        for name in ("sigmoid_cross_entropy_with_logits", "sigmoid_cross_entropy_with_logits_grad"):
            assert_matches(call(name, z, x), getattr(ref, name)(z, x), dtype=np.float32)


F32_P = np.array([0.0, 1.0, 0.5, 0.25, 0.1, 0.9, 1e-30, 1e-10, 2.0**-24,
                  1 - 2.0**-24], dtype=np.float32)


def test_float32_information_and_binary_entropy():
    for name in ("information", "binary_entropy"):
        assert_matches(call(name, F32_P), getattr(ref, name)(F32_P), dtype=np.float32)


@pytest.mark.parametrize("y", [0.0, 1.0, 0.5])
def test_float32_bce(y):
    yy = np.full(F32_P.shape, y, dtype=np.float32)
    assert_matches(call("binary_cross_entropy", yy, F32_P),
                   ref.binary_cross_entropy(yy, F32_P), dtype=np.float32)


F32_PQ = {
    "swap": ([0.9, 0.1], [0.1, 0.9]),
    "three": ([0.2, 0.3, 0.5], [0.5, 0.3, 0.2]),
    "near_dyadic": ([0.5, 0.25, 0.25], [0.5 + 2.0**-12, 0.25 - 2.0**-12, 0.25]),
    "onehot_vs_uniform": ([1.0, 0.0], [0.5, 0.5]),
    "tiny_q": ([0.5, 0.5], [1e-30, 1.0]),
}


@pytest.mark.parametrize("pq", F32_PQ.values(), ids=F32_PQ.keys())
def test_float32_entropy_kl_cross_entropy(pq):
    p, q = (np.asarray(v, dtype=np.float32) for v in pq)
    assert_matches(call("entropy", p), ref.entropy(p), dtype=np.float32)
    kl = call("kl_divergence", p, q)
    assert kl > 0
    assert_matches(kl, ref.kl_divergence(p, q), dtype=np.float32)
    assert_matches(call("cross_entropy", p, q), ref.cross_entropy(p, q), dtype=np.float32)


def test_float32_mse():
    yt = np.float32([1.0, -2.0, 3.5, 1e-20])
    yp = np.float32([1.5, -2.0, 3.0, 0.0])
    assert_matches(call("mean_squared_error", yt, yp), ref.mean_squared_error(yt, yp),
                   dtype=np.float32)
    assert_matches(call("mean_squared_error_grad", yt, yp),
                   ref.mean_squared_error_grad(yt, yp), dtype=np.float32)


# ==========================================================================
# dtype rules checked together with values
# ==========================================================================


def test_loss_dtype_follows_float32_logits():
    x = np.float32([2.0, -1.0, 0.5])
    z = np.array([0.25, 0.25, 0.5])  # float64 labels
    assert_matches(call("softmax_cross_entropy_with_logits", z, x),
                   ref.softmax_cross_entropy_with_logits(z, x), dtype=np.float32)
    zs = np.array([1.0, 0.0, 0.5])
    # soft label 0.5 at x = 0.5: no cancellation issue at float32 precision
    assert_matches(call("sigmoid_cross_entropy_with_logits", zs, x),
                   ref.sigmoid_cross_entropy_with_logits(zs, x), dtype=np.float32)


def test_bce_dtype_follows_float32_probs():
    y = np.array([1.0, 0.0])
    p = np.float32([0.25, 0.75])
    assert_matches(call("binary_cross_entropy", y, p), ref.binary_cross_entropy(y, p),
                   dtype=np.float32)


def test_mse_dtype_follows_float32_predictions():
    yt = np.array([1.0, 2.0])
    yp = np.float32([1.5, 1.0])
    assert_matches(call("mean_squared_error", yt, yp), ref.mean_squared_error(yt, yp),
                   dtype=np.float32)


def test_integer_inputs_give_float64():
    assert_matches(call("softmax", np.array([1, 2, 3])), ref.softmax([1, 2, 3]))
    assert_matches(call("logsumexp", np.array([1, 2, 3])), ref.logsumexp([1, 2, 3]))
    assert_matches(call("sigmoid", np.array([0, 3])), ref.sigmoid([0, 3]))
    assert_matches(call("information", np.array([1])), ref.information([1]))
    assert_matches(call("mean_squared_error", np.array([1, 2]), np.array([3, 5])),
                   ref.mean_squared_error([1, 2], [3, 5]))


# ==========================================================================
# scipy.special as a second reference on ordinary inputs. SciPy's own
# kernels are accurate to a few ulp here; sums and the naive kl_div formula
# add a few more, so we compare at rtol 1e-12 (relative tolerance only: the
# inputs keep all results well away from 0).
# ==========================================================================

RTOL_SCIPY = 1e-12


def _ordinary(seed, shape=(4, 6), scale=3.0):
    return np.random.default_rng(seed).normal(scale=scale, size=shape)


def _dist(seed, shape=(4, 6)):
    a = np.random.default_rng(seed).uniform(0.05, 1.0, size=shape)
    return a / a.sum(axis=-1, keepdims=True)


@pytest.mark.parametrize("axis", [0, -1])
def test_matches_scipy_logsumexp_softmax_log_softmax(axis):
    x = _ordinary(10) + 5.0  # keeps logsumexp away from 0
    np.testing.assert_allclose(call("logsumexp", x, axis=axis), sc.logsumexp(x, axis=axis),
                               rtol=RTOL_SCIPY, atol=0)
    np.testing.assert_allclose(call("softmax", x, axis=axis), sc.softmax(x, axis=axis),
                               rtol=RTOL_SCIPY, atol=0)
    np.testing.assert_allclose(call("log_softmax", x, axis=axis), sc.log_softmax(x, axis=axis),
                               rtol=RTOL_SCIPY, atol=0)


def test_matches_scipy_expit_log_expit():
    x = _ordinary(11, scale=10.0)
    np.testing.assert_allclose(call("sigmoid", x), sc.expit(x), rtol=RTOL_SCIPY, atol=0)
    np.testing.assert_allclose(call("log_sigmoid", x), sc.log_expit(x), rtol=RTOL_SCIPY, atol=0)


def test_matches_scipy_entr():
    p = _dist(12)
    np.testing.assert_allclose(call("entropy", p), sc.entr(p).sum(axis=-1), rtol=RTOL_SCIPY)
    b = np.random.default_rng(13).uniform(0.01, 0.99, size=20)
    np.testing.assert_allclose(call("binary_entropy", b), sc.entr(b) + sc.entr(1 - b),
                               rtol=RTOL_SCIPY)
    np.testing.assert_allclose(call("information", b), -np.log(b), rtol=RTOL_SCIPY)


def test_matches_scipy_kl_div_and_rel_entr():
    p, q = _dist(14), _dist(15)
    np.testing.assert_allclose(call("kl_divergence", p, q), sc.kl_div(p, q).sum(axis=-1),
                               rtol=RTOL_SCIPY)
    # rel_entr sums to sum p log(p/q); the two differ by sum(q) - sum(p) ~ eps
    np.testing.assert_allclose(call("kl_divergence", p, q), sc.rel_entr(p, q).sum(axis=-1),
                               rtol=RTOL_SCIPY, atol=8 * EPS64)


def test_matches_scipy_xlogy():
    p, q = _dist(16), _dist(17)
    p[:, 0] = 0.0
    p /= p.sum(axis=-1, keepdims=True)
    np.testing.assert_allclose(call("cross_entropy", p, q), -sc.xlogy(p, q).sum(axis=-1),
                               rtol=RTOL_SCIPY)


def test_matches_scipy_losses():
    x = _ordinary(18)
    lab = np.random.default_rng(19).integers(0, 6, size=4)
    ls = sc.log_softmax(x, axis=-1)
    np.testing.assert_allclose(call("sparse_softmax_cross_entropy_with_logits", lab, x),
                               -ls[np.arange(4), lab], rtol=RTOL_SCIPY)
    z = _dist(20)
    np.testing.assert_allclose(call("softmax_cross_entropy_with_logits", z, x),
                               -(z * ls).sum(axis=-1), rtol=RTOL_SCIPY)
    np.testing.assert_allclose(call("softmax_cross_entropy_with_logits_grad", z, x),
                               sc.softmax(x, axis=-1) * z.sum(axis=-1, keepdims=True) - z,
                               rtol=RTOL_SCIPY, atol=4 * EPS64)
    y = np.random.default_rng(21).uniform(size=x.shape)
    np.testing.assert_allclose(call("sigmoid_cross_entropy_with_logits", y, x),
                               -(y * sc.log_expit(x) + (1 - y) * sc.log_expit(-x)),
                               rtol=RTOL_SCIPY)
    pr = sc.expit(x)
    np.testing.assert_allclose(call("binary_cross_entropy", y, pr),
                               -(sc.xlogy(y, pr) + sc.xlog1py(1 - y, -pr)), rtol=RTOL_SCIPY)
