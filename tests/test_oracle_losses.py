"""xentlib.losses (the losses and their gradients) against high-precision references.

Expected values and the tolerance policy (``assert_matches``) are described in
tests/support.py; the references themselves are in tests/reference.py.
"""

import numpy as np
import pytest
import scipy.special as sc

import reference as ref
from oracle_cases import DENSE_CASES, F32_P, F32_ROWS, F32_X, PROB_GRID, RTOL_SCIPY, random_distributions, ordinary_logits
from support import EPS64, INF, assert_matches, call, onehot


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


@pytest.mark.parametrize("y", [0.0, 1.0, 0.5])
def test_float32_bce(y):
    yy = np.full(F32_P.shape, y, dtype=np.float32)
    assert_matches(call("binary_cross_entropy", yy, F32_P),
                   ref.binary_cross_entropy(yy, F32_P), dtype=np.float32)


def test_float32_mse():
    yt = np.float32([1.0, -2.0, 3.5, 1e-20])
    yp = np.float32([1.5, -2.0, 3.0, 0.0])
    assert_matches(call("mean_squared_error", yt, yp), ref.mean_squared_error(yt, yp),
                   dtype=np.float32)
    assert_matches(call("mean_squared_error_grad", yt, yp),
                   ref.mean_squared_error_grad(yt, yp), dtype=np.float32)


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


def test_matches_scipy_losses():
    x = ordinary_logits(18)
    lab = np.random.default_rng(19).integers(0, 6, size=4)
    ls = sc.log_softmax(x, axis=-1)
    np.testing.assert_allclose(call("sparse_softmax_cross_entropy_with_logits", lab, x),
                               -ls[np.arange(4), lab], rtol=RTOL_SCIPY)
    z = random_distributions(20)
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
