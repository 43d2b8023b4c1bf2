"""xentlib.losses (the losses and their gradients) against high-precision references.

Expected values and the tolerance policy (``assert_matches``) are described in
tests/support.py; the references themselves are in tests/reference.py.
"""

import numpy as np
import pytest
import scipy.special as sc

import reference as ref
from oracle_cases import DENSE_CASES, F32_P, F32_ROWS, F32_X, PROB_GRID, RTOL_SCIPY, random_distributions, ordinary_logits
from oracle_cases import LOGIT_ROWS
from support import EPS32, EPS64, INF, assert_matches, call, onehot


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


# --------------------------------------------------------------------------
# label smoothing
# --------------------------------------------------------------------------

SMOOTHING = [0.1, 0.5, 1.0, 2.0**-30]


def _smoothed(z, eps):
    z = np.asarray(z, dtype=np.float64)
    return (1 - eps) * z + eps / z.shape[-1]


@pytest.mark.parametrize("eps", SMOOTHING)
@pytest.mark.parametrize("z, x, hard", DENSE_CASES)
def test_dense_smoothed_loss_grid(z, x, hard, eps):
    assert_matches(call("softmax_cross_entropy_with_logits", z, x, label_smoothing=eps),
                   ref.softmax_cross_entropy_with_logits(z, x, label_smoothing=eps))


@pytest.mark.parametrize("eps", SMOOTHING)
@pytest.mark.parametrize("z, x, hard", DENSE_CASES)
def test_dense_smoothed_grad_grid(z, x, hard, eps):
    # smoothed targets are soft: softmax_i * sum(t) - t_i cancels near the optimum,
    # allow 4 eps times the size of the two terms (as for soft labels)
    t = _smoothed(z, eps)
    atol = 4 * EPS64 * (ref.softmax(x) * np.sum(t) + t)
    assert_matches(call("softmax_cross_entropy_with_logits_grad", z, x, label_smoothing=eps),
                   ref.softmax_cross_entropy_with_logits_grad(z, x, label_smoothing=eps),
                   atol=atol)


@pytest.mark.parametrize("eps", SMOOTHING)
@pytest.mark.parametrize("row", LOGIT_ROWS.values(), ids=LOGIT_ROWS.keys())
def test_sparse_smoothed_loss_and_grad(row, eps):
    x = np.asarray(row)
    finite = np.flatnonzero(np.isfinite(x))
    for lab in {int(np.argmax(x)), int(finite[np.argmin(x[finite])])}:
        out = call("sparse_softmax_cross_entropy_with_logits", np.int64(lab), x,
                   label_smoothing=eps)
        assert_matches(out, ref.sparse_softmax_cross_entropy_with_logits(lab, x,
                                                                         label_smoothing=eps))
        t = _smoothed(onehot(lab, x.size), eps)
        atol = 4 * EPS64 * (ref.softmax(x) + t)
        assert_matches(call("sparse_softmax_cross_entropy_with_logits_grad", np.int64(lab), x,
                            label_smoothing=eps),
                       ref.sparse_softmax_cross_entropy_with_logits_grad(lab, x,
                                                                         label_smoothing=eps),
                       atol=atol)


def test_smoothing_with_a_masked_class_is_inf_and_the_gradient_finite():
    # the masked class gets target eps/K > 0: +inf, like a positive label on it
    x = np.array([2.0, -INF, 0.5])
    assert call("sparse_softmax_cross_entropy_with_logits", np.int64(0), x,
                label_smoothing=0.1) == INF
    assert call("softmax_cross_entropy_with_logits", onehot(0, 3), x, label_smoothing=0.1) == INF
    assert call("sparse_softmax_cross_entropy_with_logits", np.int64(0), x,
                label_smoothing=0.0) < INF
    g = call("sparse_softmax_cross_entropy_with_logits_grad", np.int64(0), x, label_smoothing=0.1)
    assert g[1] == -0.1 / 3
    assert_matches(g, ref.sparse_softmax_cross_entropy_with_logits_grad(0, x, label_smoothing=0.1),
                   atol=4 * EPS64)


def test_smoothed_confident_gradient_keeps_its_small_top_entry():
    # t_top = 1 - eps + eps/K and softmax_top ~ 1 - 1e-20: the top entry is
    # eps (K-1)/K - s/(1+s), here ~ eps/2 = 2**-41 exactly to within rounding of
    # that small number; 1 - eps/2 - softmax would lose it at eps = 2**-40
    x = np.array([46.0, 0.0])
    eps = 2.0**-40
    for g in (call("softmax_cross_entropy_with_logits_grad", [1.0, 0.0], x, label_smoothing=eps),
              call("sparse_softmax_cross_entropy_with_logits_grad", np.int64(0), x,
                   label_smoothing=eps)):
        assert_matches(g, ref.sparse_softmax_cross_entropy_with_logits_grad(0, x,
                                                                           label_smoothing=eps),
                       rtol=1e-13, atol=4 * EPS64 * 2.0**-40)


@pytest.mark.parametrize("row", F32_ROWS.values(), ids=F32_ROWS.keys())
def test_float32_smoothed_losses(row):
    x = np.asarray(row, dtype=np.float32)
    lab = int(np.argmax(x))
    z = onehot(lab, x.size).astype(np.float32)
    eps = 0.125
    assert_matches(call("softmax_cross_entropy_with_logits", z, x, label_smoothing=eps),
                   ref.softmax_cross_entropy_with_logits(z, x, label_smoothing=eps),
                   dtype=np.float32)
    assert_matches(call("sparse_softmax_cross_entropy_with_logits", np.int64(lab), x,
                        label_smoothing=eps),
                   ref.sparse_softmax_cross_entropy_with_logits(lab, x, label_smoothing=eps),
                   dtype=np.float32)
    t = _smoothed(z, eps)
    atol = 4 * EPS32 * (ref.softmax(x) + t)
    assert_matches(call("sparse_softmax_cross_entropy_with_logits_grad", np.int64(lab), x,
                        label_smoothing=eps),
                   ref.sparse_softmax_cross_entropy_with_logits_grad(lab, x, label_smoothing=eps),
                   dtype=np.float32, atol=atol)
    assert_matches(call("softmax_cross_entropy_with_logits_grad", z, x, label_smoothing=eps),
                   ref.softmax_cross_entropy_with_logits_grad(z, x, label_smoothing=eps),
                   dtype=np.float32, atol=atol)


# --------------------------------------------------------------------------
# weighted sigmoid cross-entropy
# --------------------------------------------------------------------------

WIDE_X = np.concatenate([SIG_X, [1000.0, -1000.0, -1e-300, 2.5, -2.5, 36.7, -36.7, -INF]])
POS_WEIGHTS = [0.0, 0.25, 3.0, 1e-20, 1e10]


@pytest.mark.parametrize("q", POS_WEIGHTS)
@pytest.mark.parametrize("z", SIG_Z)
def test_weighted_sigmoid_ce_grid(z, q):
    zz = np.full(WIDE_X.shape, z)
    # both log-sigmoid terms are >= 0 and computed apart: no allowance, soft labels included
    assert_matches(call("sigmoid_cross_entropy_with_logits", zz, WIDE_X, pos_weight=q),
                   ref.sigmoid_cross_entropy_with_logits(zz, WIDE_X, pos_weight=q))


@pytest.mark.parametrize("q", POS_WEIGHTS)
@pytest.mark.parametrize("z", SIG_Z)
def test_weighted_sigmoid_ce_grad_grid(z, q):
    zz = np.full(WIDE_X.shape, z)
    # (1 - y) sigmoid(x) - q y sigmoid(-x): for soft labels two terms of opposite sign,
    # allow 4 eps times their sizes; 0/1 labels leave one term and get no allowance
    hard = (zz == 0) | (zz == 1)
    sizes = (1 - zz) * ref.sigmoid(WIDE_X) + q * zz * ref.sigmoid(-WIDE_X)
    atol = np.where(hard, 0.0, 4 * EPS64 * sizes)
    assert_matches(call("sigmoid_cross_entropy_with_logits_grad", zz, WIDE_X, pos_weight=q),
                   ref.sigmoid_cross_entropy_with_logits_grad(zz, WIDE_X, pos_weight=q),
                   atol=atol)


def test_weighted_sigmoid_ce_per_class_weights():
    rng = np.random.default_rng(30)
    x = rng.normal(scale=20.0, size=(4, 3))
    x[0] = [1000.0, -1000.0, -40.0]
    y = np.round(rng.uniform(size=x.shape))
    y[1] = [0.3, 0.9, 1 - 2.0**-53]
    q = np.array([0.5, 4.0, 1.0])
    assert_matches(call("sigmoid_cross_entropy_with_logits", y, x, pos_weight=q),
                   ref.sigmoid_cross_entropy_with_logits(y, x, pos_weight=q))
    hard = (y == 0) | (y == 1)
    sizes = (1 - y) * ref.sigmoid(x) + q * y * ref.sigmoid(-x)
    assert_matches(call("sigmoid_cross_entropy_with_logits_grad", y, x, pos_weight=q),
                   ref.sigmoid_cross_entropy_with_logits_grad(y, x, pos_weight=q),
                   atol=np.where(hard, 0.0, 4 * EPS64 * sizes))


def test_weighted_sigmoid_ce_confident_and_masked():
    # q * sigmoid(-40) ~ 3 * 4.25e-18 (not 0) and a zero weight at z = -inf costs 0
    y = np.array([1.0, 1.0, 0.0])
    x = np.array([40.0, -INF, -INF])
    out = call("sigmoid_cross_entropy_with_logits", y, x, pos_weight=np.float64(3.0))
    assert 0 < out[0] and out[1] == INF and out[2] == 0
    assert_matches(out, ref.sigmoid_cross_entropy_with_logits(y, x, pos_weight=3.0))
    assert call("sigmoid_cross_entropy_with_logits", [1.0], [-INF], pos_weight=0.0)[0] == 0


def test_float32_weighted_sigmoid_ce():
    x = F32_X[np.isfinite(F32_X)]
    for zval in (0.0, 1.0):
        z = np.full(x.shape, zval, dtype=np.float32)
        for q in (np.float32(3.0), 0.25):
            for name in ("sigmoid_cross_entropy_with_logits",
                         "sigmoid_cross_entropy_with_logits_grad"):
                assert_matches(call(name, z, x, pos_weight=q),
                               getattr(ref, name)(z, x, pos_weight=q), dtype=np.float32)


# --------------------------------------------------------------------------
# focal loss
# --------------------------------------------------------------------------

FOCAL_PARAMS = [(0.0, None), (0.5, None), (1.0, None), (2.0, None), (5.0, None),
                (2.0, 0.25), (2.0, 0.0), (2.0, 1.0), (0.25, 0.75)]


def _focal_atol(z, x, gamma, alpha, kind):
    """Soft labels only. The loss: the cross-entropy's own allowance (_sig_ce_atol)
    times the factor alpha_t (1 - p_t)**gamma (<= 1). The gradient: the bracket's
    terms have both signs for soft labels (cancellation near the optimum), so 4 eps
    times their sizes, plus the cross-entropy allowance (its term's factor <= gamma)."""
    hard = (np.asarray(z) == 0) | (np.asarray(z) == 1)
    ce_allow = _sig_ce_atol(z, x)
    if kind == "loss":
        return ce_allow
    scale = ref.sigmoid_focal_loss_grad_scale(z, x, gamma, alpha)
    return np.where(hard, 0.0, 4 * EPS64 * scale + max(gamma, 1.0) * ce_allow)


@pytest.mark.parametrize("gamma, alpha", FOCAL_PARAMS)
@pytest.mark.parametrize("z", SIG_Z)
def test_focal_loss_grid(z, gamma, alpha):
    zz = np.full(WIDE_X.shape, z)
    out = call("sigmoid_focal_loss", zz, WIDE_X, gamma=gamma, alpha=alpha)
    assert_matches(out, ref.sigmoid_focal_loss(zz, WIDE_X, gamma, alpha),
                   atol=_focal_atol(zz, WIDE_X, gamma, alpha, "loss"))


@pytest.mark.parametrize("gamma, alpha", FOCAL_PARAMS)
@pytest.mark.parametrize("z", SIG_Z)
def test_focal_grad_grid(z, gamma, alpha):
    zz = np.full(WIDE_X.shape, z)
    out = call("sigmoid_focal_loss_grad", zz, WIDE_X, gamma=gamma, alpha=alpha)
    assert_matches(out, ref.sigmoid_focal_loss_grad(zz, WIDE_X, gamma, alpha),
                   atol=_focal_atol(zz, WIDE_X, gamma, alpha, "grad"))


def test_focal_large_margin_is_tiny_not_zero():
    # y = 1, z = 40: loss sigma(-40)**3-ish and gradient ~ -3 sigma(-40)**3, both > 0 in size
    y, x = np.array([1.0, 0.0]), np.array([40.0, -40.0])
    loss = call("sigmoid_focal_loss", y, x)
    grad = call("sigmoid_focal_loss_grad", y, x)
    assert (loss > 0).all() and grad[0] < 0 < grad[1]
    assert_matches(loss, ref.sigmoid_focal_loss(y, x))
    assert_matches(grad, ref.sigmoid_focal_loss_grad(y, x))


def test_focal_huge_wrong_logit():
    y, x = np.array([1.0, 0.0, 1.0]), np.array([-1000.0, 1000.0, -INF])
    assert_matches(call("sigmoid_focal_loss", y, x), ref.sigmoid_focal_loss(y, x))
    assert_matches(call("sigmoid_focal_loss_grad", y, x), ref.sigmoid_focal_loss_grad(y, x))
    # alpha = 0 weighs the positives by 0: 0, not 0 * inf = nan
    assert call("sigmoid_focal_loss", [1.0], [-INF], alpha=0.0)[0] == 0


def test_focal_grad_matches_mpmath_numerical_derivative():
    # the analytic reference against mpmath's own numerical derivative of the reference loss
    import mpmath

    with mpmath.workdps(60):
        for zv, xv, gamma, alpha in [(1.0, 2.0, 2.0, None), (0.0, -3.5, 0.5, 0.25),
                                     (0.3, 1.25, 2.0, 0.75), (1.0, -30.0, 1.5, None),
                                     (0.0, 50.0, 3.0, 0.5)]:
            z, x = ref.to_mp(zv), ref.to_mp(xv)

            def loss(t, z=z, gamma=gamma, alpha=alpha):
                alpha_t, u, ce, _, _ = ref._focal_parts(z, t, gamma, alpha)
                return alpha_t * u ** ref.to_mp(gamma) * ce

            numeric = mpmath.diff(loss, x)
            analytic = mpmath.fsum(ref._focal_grad_terms(z, x, gamma, alpha))
            assert abs(numeric - analytic) <= mpmath.mpf(10) ** -40 * abs(analytic)
            assert_matches(call("sigmoid_focal_loss_grad", np.array([zv]), np.array([xv]),
                                gamma=gamma, alpha=alpha),
                           np.array([float(analytic)]),
                           atol=4 * EPS64 * float(ref.sigmoid_focal_loss_grad_scale(
                               np.array([zv]), np.array([xv]), gamma, alpha)[0]))


@pytest.mark.parametrize("gamma, alpha", [(2.0, None), (0.5, 0.25)])
def test_float32_focal(gamma, alpha):
    x = F32_X[np.isfinite(F32_X)]
    for zval in (0.0, 1.0):
        z = np.full(x.shape, zval, dtype=np.float32)
        assert_matches(call("sigmoid_focal_loss", z, x, gamma=gamma, alpha=alpha),
                       ref.sigmoid_focal_loss(z, x, gamma, alpha), dtype=np.float32)
        assert_matches(call("sigmoid_focal_loss_grad", z, x, gamma=gamma, alpha=alpha),
                       ref.sigmoid_focal_loss_grad(z, x, gamma, alpha), dtype=np.float32)


def test_new_losses_match_scipy():
    x = ordinary_logits(31)
    y = np.random.default_rng(32).uniform(size=x.shape)
    lab = np.random.default_rng(33).integers(0, 6, size=4)
    ls = sc.log_softmax(x, axis=-1)
    eps, k = 0.1, x.shape[-1]
    np.testing.assert_allclose(
        call("sparse_softmax_cross_entropy_with_logits", lab, x, label_smoothing=eps),
        -(1 - eps) * ls[np.arange(4), lab] - eps / k * ls.sum(axis=-1), rtol=RTOL_SCIPY)
    t = (1 - eps) * np.eye(k)[lab] + eps / k
    np.testing.assert_allclose(
        call("sparse_softmax_cross_entropy_with_logits_grad", lab, x, label_smoothing=eps),
        sc.softmax(x, axis=-1) - t, rtol=RTOL_SCIPY, atol=4 * EPS64)
    q = np.array([0.5, 1.0, 2.0, 3.0, 0.0, 10.0])
    np.testing.assert_allclose(
        call("sigmoid_cross_entropy_with_logits", y, x, pos_weight=q),
        -(q * y * sc.log_expit(x) + (1 - y) * sc.log_expit(-x)), rtol=RTOL_SCIPY)
    p = sc.expit(x)
    ce = -(y * sc.log_expit(x) + (1 - y) * sc.log_expit(-x))
    p_t = p * y + (1 - p) * (1 - y)
    alpha_t = 0.25 * y + 0.75 * (1 - y)
    np.testing.assert_allclose(call("sigmoid_focal_loss", y, x, gamma=2.0, alpha=0.25),
                               alpha_t * ce * (1 - p_t) ** 2, rtol=1e-10)
