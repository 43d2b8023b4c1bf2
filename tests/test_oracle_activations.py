"""xentlib.activations (sigmoid, log_sigmoid, softmax, log_softmax and logsumexp) against high-precision references.

Expected values and the tolerance policy (``assert_matches``) are described in
tests/support.py; the references themselves are in tests/reference.py.
"""

import math

import numpy as np
import pytest
import scipy.special as sc

import reference as ref
from oracle_cases import F32_ROWS, F32_X, LOGIT_ROWS, RTOL_SCIPY, X_GRID, ordinary_logits
from support import EPS32, EPS64, INF, assert_matches, call


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


@pytest.mark.parametrize("func", ["sigmoid", "log_sigmoid"])
def test_float32_sigmoid_grid(func):
    assert_matches(call(func, F32_X), getattr(ref, func)(F32_X), dtype=np.float32)


def test_log_sigmoid_float32_tiny():
    out = call("log_sigmoid", np.float32(20.0))
    assert out.dtype == np.float32 and out < 0  # ~ -2.06e-9
    assert_matches(out, ref.log_sigmoid(np.float32(20.0)), dtype=np.float32)


@pytest.mark.parametrize("axis", [0, -1])
def test_matches_scipy_logsumexp_softmax_log_softmax(axis):
    x = ordinary_logits(10) + 5.0  # keeps logsumexp away from 0
    np.testing.assert_allclose(call("logsumexp", x, axis=axis), sc.logsumexp(x, axis=axis),
                               rtol=RTOL_SCIPY, atol=0)
    np.testing.assert_allclose(call("softmax", x, axis=axis), sc.softmax(x, axis=axis),
                               rtol=RTOL_SCIPY, atol=0)
    np.testing.assert_allclose(call("log_softmax", x, axis=axis), sc.log_softmax(x, axis=axis),
                               rtol=RTOL_SCIPY, atol=0)


def test_matches_scipy_expit_log_expit():
    x = ordinary_logits(11, scale=10.0)
    np.testing.assert_allclose(call("sigmoid", x), sc.expit(x), rtol=RTOL_SCIPY, atol=0)
    np.testing.assert_allclose(call("log_sigmoid", x), sc.log_expit(x), rtol=RTOL_SCIPY, atol=0)
