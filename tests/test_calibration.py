"""xentlib.calibration against scikit-learn and SciPy, and its documented conventions.

scikit-learn's ``calibration_curve`` (binary, equal-width bins) is applied to the
top-label problem: "was the prediction right?" against the top-label confidence.
It cuts the bins exactly as Guo et al. do, ((m-1)/M, m/M] with 0 in the first bin,
and returns only the non-empty bins. SciPy's bounded scalar minimiser is an
independent route to the best temperature.
"""

import numpy as np
import pytest
import scipy.optimize
import scipy.special as sc
from sklearn.calibration import calibration_curve
from sklearn.metrics import log_loss

from support import EPS64, call


def _sample(n, k, seed, sharpen=1.0):
    rng = np.random.default_rng(seed)
    logits = rng.normal(scale=2.0, size=(n, k))
    labels = np.array([rng.choice(k, p=p) for p in sc.softmax(logits, axis=-1)])
    return labels, sc.softmax(sharpen * logits, axis=-1), sharpen * logits


@pytest.mark.parametrize("n_bins", [1, 5, 10, 15, 37])
@pytest.mark.parametrize("seed", [0, 1])
def test_bins_match_sklearn_calibration_curve(n_bins, seed):
    labels, probs, _ = _sample(3000, 4, seed, sharpen=1.7)
    bins = call("calibration_bins", labels, probs, n_bins=n_bins)
    right = (probs.argmax(axis=-1) == labels).astype(float)
    confidence = probs.max(axis=-1)
    acc, conf = calibration_curve(right, confidence, n_bins=n_bins, strategy="uniform")
    full = bins.counts > 0
    np.testing.assert_allclose(bins.accuracy[full], acc, rtol=1e-14, atol=0)
    np.testing.assert_allclose(bins.confidence[full], conf, rtol=1e-14, atol=0)
    assert (bins.accuracy[~full] == 0).all() and (bins.confidence[~full] == 0).all()
    np.testing.assert_array_equal(bins.edges, np.linspace(0, 1, n_bins + 1))
    ids = np.searchsorted(np.linspace(0, 1, n_bins + 1)[1:-1], confidence)
    np.testing.assert_array_equal(bins.counts, np.bincount(ids, minlength=n_bins))
    ece = call("expected_calibration_error", labels, probs, n_bins=n_bins)
    counts = bins.counts[full]
    np.testing.assert_allclose(ece, np.sum(counts / counts.sum() * np.abs(acc - conf)),
                               rtol=1e-12, atol=0)


def test_bin_edges_belong_to_the_lower_bin_and_ties_pick_the_first_class():
    # confidences 0.5 and 0.75 sit on edges: bins ((m-1)/M, m/M], so (0.25, 0.5] and (0.5, 0.75]
    probs = np.array([[0.5, 0.5], [0.75, 0.25], [0.25, 0.75], [1.0, 0.0]])
    labels = np.array([1, 0, 1, 0])
    bins = call("calibration_bins", labels, probs, n_bins=4)
    np.testing.assert_array_equal(bins.counts, [0, 1, 2, 1])
    # the tie [0.5, 0.5] predicts class 0, so it is wrong for label 1
    np.testing.assert_array_equal(bins.accuracy, [0.0, 0.0, 1.0, 1.0])
    np.testing.assert_array_equal(bins.confidence, [0.0, 0.5, 0.75, 1.0])
    assert call("expected_calibration_error", labels, probs, n_bins=4) == pytest.approx(
        (0.5 + 2 * 0.25) / 4, rel=1e-15)


def test_one_bin_ece_is_the_gap_between_mean_confidence_and_accuracy():
    labels, probs, _ = _sample(500, 3, 7)
    right = probs.argmax(axis=-1) == labels
    np.testing.assert_allclose(call("expected_calibration_error", labels, probs, n_bins=1),
                               abs(right.mean() - probs.max(axis=-1).mean()), rtol=1e-13)


def test_perfect_confident_predictions_have_zero_ece():
    probs = np.eye(3)[[0, 2, 1, 1]]
    assert call("expected_calibration_error", [0, 2, 1, 1], probs) == 0.0
    assert call("expected_calibration_error", [1, 2, 1, 1], probs) == 0.25


def test_calibration_accepts_a_batch_shape_and_float32():
    labels, probs, _ = _sample(240, 3, 8)
    ece = call("expected_calibration_error", labels, probs)
    batched = call("expected_calibration_error", labels.reshape(4, 60), probs.reshape(4, 60, 3))
    assert batched == ece
    e32 = call("expected_calibration_error", labels, probs.astype(np.float32))
    assert e32.dtype == np.float32 and abs(e32 - ece) < 1e-6
    bins = call("calibration_bins", labels, probs.astype(np.float32), n_bins=10)
    assert bins.edges.dtype == bins.accuracy.dtype == bins.confidence.dtype == np.float32


# --------------------------------------------------------------------------
# temperature scaling
# --------------------------------------------------------------------------


def _scipy_temperature(labels, logits):
    """argmin over log T of the mean cross-entropy, by SciPy's bounded Brent search."""

    def loss(log_t):
        ls = sc.log_softmax(logits / np.exp(log_t), axis=-1)
        return -ls[np.arange(len(labels)), labels].mean()

    res = scipy.optimize.minimize_scalar(loss, bounds=(-8, 8), method="bounded",
                                         options={"xatol": 1e-12})
    return float(np.exp(res.x))


@pytest.mark.parametrize("sharpen", [0.3, 1.0, 2.5, 8.0])
def test_fit_temperature_matches_scipy(sharpen):
    labels, _, logits = _sample(2000, 5, 3, sharpen=sharpen)
    t = call("fit_temperature", labels, logits)
    # the model was calibrated before sharpening: the best T is about the sharpening
    assert t == pytest.approx(sharpen, rel=0.15)
    # Brent's search of a flat minimum is accurate to about sqrt(eps) in T
    assert t == pytest.approx(_scipy_temperature(labels, logits), rel=1e-6)
    best = log_loss(labels, sc.softmax(logits / t, axis=-1), labels=np.arange(5))
    assert float(np.mean(call("sparse_softmax_cross_entropy_with_logits", labels, logits / t))) \
        == pytest.approx(best, rel=1e-12)
    for factor in (0.999, 1.001):
        assert best < log_loss(labels, sc.softmax(logits / (t * factor), axis=-1),
                               labels=np.arange(5))


def test_fit_temperature_is_where_the_derivative_vanishes():
    labels, _, logits = _sample(1000, 4, 5, sharpen=3.0)
    t = call("fit_temperature", labels, logits)
    beta = 1.0 / t
    p = sc.softmax(beta * logits, axis=-1)
    slope = np.mean((p * logits).sum(axis=-1) - logits[np.arange(1000), labels])
    scale = np.mean(np.abs(logits).max(axis=-1))
    assert abs(slope) < 64 * EPS64 * scale


def test_fit_temperature_ignores_masked_classes():
    labels, _, logits = _sample(300, 3, 6, sharpen=2.0)
    masked = np.concatenate([logits, np.full((300, 1), -np.inf)], axis=-1)
    assert call("fit_temperature", labels, masked) == pytest.approx(
        call("fit_temperature", labels, logits), rel=1e-14)


def test_fit_temperature_scales_with_huge_and_tiny_logits():
    labels, _, logits = _sample(200, 3, 9, sharpen=2.0)
    t = call("fit_temperature", labels, logits)
    for c in (2.0**900, 2.0**-900, 2.0**40):
        assert call("fit_temperature", labels, c * logits) == c * t
    assert call("fit_temperature", labels, 1e300 * logits) == pytest.approx(1e300 * t, rel=1e-12)


def test_fit_temperature_float32():
    labels, _, logits = _sample(500, 4, 10, sharpen=2.0)
    t64 = call("fit_temperature", labels, logits.astype(np.float32).astype(np.float64))
    t32 = call("fit_temperature", labels, logits.astype(np.float32))
    assert t32.dtype == np.float32
    assert t32 == np.float32(t64)
