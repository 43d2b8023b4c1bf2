"""Bad input fails loudly: a ValueError that names the argument, says what is
wrong and where, and says how to fix it — never a silent NaN or broadcast."""

import re

import numpy as np
import pytest

import xentlib as xl

INF, NAN = np.inf, np.nan


def raises(fn, *patterns):
    """Call fn, expect ValueError, check every regex pattern is in the message."""
    with pytest.raises(ValueError) as info:
        fn()
    msg = str(info.value)
    for pat in patterns:
        assert re.search(pat, msg), f"{pat!r} not in message: {msg}"
    return msg


# --- probabilities --------------------------------------------------------


@pytest.mark.parametrize(
    "fn, patterns",
    [
        (lambda: xl.information([0.5, 1.5]), [r"^p\[1\] = 1\.5 is outside \[0, 1\]", "softmax"]),
        (lambda: xl.information(-0.1), [r"^p = -0\.1 is outside \[0, 1\]"]),
        (lambda: xl.binary_entropy([[0.1, NAN]]), [r"^p contains NaN at index \[0, 1\]"]),
        (lambda: xl.entropy([0.5, -0.5, 1.0]), [r"^p\[1\] = -0\.5 is outside"]),
        (
            lambda: xl.binary_cross_entropy([0, 1], [0.2, 1.2]),
            [r"^probs\[1\] = 1\.2 is outside \[0, 1\]"],
        ),
        (
            lambda: xl.binary_cross_entropy([0, 2], [0.2, 0.2]),
            [r"^labels\[1\] = 2 is outside \[0, 1\]"],
        ),
        (
            lambda: xl.sigmoid_cross_entropy_with_logits([0.5, NAN], [1.0, 2.0]),
            [r"^labels contains NaN at index \[1\]"],
        ),
    ],
)
def test_probabilities_outside_unit_interval_or_nan(fn, patterns):
    raises(fn, *patterns)


# --- distributions that do not sum to 1 ------------------------------------


def test_entropy_unnormalised_row_names_row_tolerance_and_fix():
    raises(
        lambda: xl.entropy([[0.5, 0.5], [0.3, 0.3]]),
        r"^p must sum to 1 along axis 1",
        r"tolerance 1\.5e-08",
        r"row \[1\] sums to 0\.6",
        r"normalize=True",
    )


def test_kl_unnormalised_q_names_q_and_does_not_offer_normalize():
    msg = raises(
        lambda: xl.kl_divergence([0.5, 0.5], [0.5, 0.4]),
        r"^q must sum to 1",
        r"sums to 0\.9\b",
        r"q / q\.sum",
    )
    assert "normalize=True" not in msg  # kl_divergence has no such option


def test_cross_entropy_unnormalised_p():
    raises(lambda: xl.cross_entropy([0.2, 0.2], [0.5, 0.5]), r"^p must sum to 1")


def test_float32_distribution_tolerance_is_stated():
    raises(
        lambda: xl.entropy(np.float32([0.5, 0.4])), r"tolerance 3\.5e-04", r"sums to 0\.9"
    )


def test_soft_labels_must_sum_to_one():
    raises(
        lambda: xl.softmax_cross_entropy_with_logits([[0.5, 0.4]], [[1.0, 2.0]]),
        r"^labels must sum to 1 along axis 1",
        r"row \[0\]",
    )


def test_counts_passed_as_probabilities_get_the_normalize_hint():
    raises(lambda: xl.entropy([35, 10, 5]), r"^p\[0\] = 35 is outside \[0, 1\]", r"counts", r"normalize=True")
    msg = raises(lambda: xl.binary_cross_entropy([0, 1], [3, 1]), r"^probs\[0\] = 3 is outside", r"p|probs")
    assert "normalize=True" not in msg  # binary_cross_entropy has no such option


def test_entropy_counts_rules():
    raises(lambda: xl.entropy([1, -1], normalize=True), r"^p with normalize=True", "negative")
    raises(lambda: xl.entropy([0, 0], normalize=True), r"all zero")
    raises(lambda: xl.entropy([1, INF], normalize=True), r"finite")


# --- shapes: no broadcasting ----------------------------------------------


@pytest.mark.parametrize(
    "fn, names",
    [
        (lambda: xl.softmax_cross_entropy_with_logits(np.eye(3)[:, :2], np.zeros((3, 3))), ("labels", "logits")),
        (lambda: xl.sigmoid_cross_entropy_with_logits(np.zeros(4), np.zeros((4, 1))), ("labels", "logits")),
        (lambda: xl.binary_cross_entropy(np.zeros((4, 1)), np.zeros(4)), ("labels", "probs")),
        (lambda: xl.mean_squared_error(np.zeros(4), np.zeros((4, 1))), ("y_true", "y_pred")),
        (lambda: xl.mean_squared_error_grad(np.zeros(4), np.zeros((4, 1))), ("y_true", "y_pred")),
        (lambda: xl.kl_divergence([1.0, 0.0], [[1.0, 0.0]]), ("p", "q")),
        (lambda: xl.cross_entropy([1.0, 0.0], [1.0, 0.0, 0.0]), ("p", "q")),
    ],
)
def test_shape_mismatch_is_an_error_not_a_broadcast(fn, names):
    a, b = names
    raises(fn, rf"^{a} has shape \S.*but {b} has shape", "match exactly")


def test_n_against_n_by_1_suggests_reshape():
    raises(
        lambda: xl.sigmoid_cross_entropy_with_logits(np.zeros(3), np.zeros((3, 1))),
        r"\(3,\)",
        r"\(3, 1\)",
        r"labels\.reshape\(\(3, 1\)\)",
    )


# --- sparse labels ---------------------------------------------------------


def test_sparse_negative_label_is_not_numpy_negative_indexing():
    raises(
        lambda: xl.sparse_softmax_cross_entropy_with_logits([0, -1], np.zeros((2, 3))),
        r"^labels\[1\] = -1 is negative",
        r"\[0, 2\]",
        "negative indexing",
    )


def test_sparse_label_too_large():
    raises(
        lambda: xl.sparse_softmax_cross_entropy_with_logits([3], np.zeros((1, 3))),
        r"^labels\[0\] = 3 is out of range",
        "3 classes",
    )


def test_sparse_labels_wrong_shape():
    raises(
        lambda: xl.sparse_softmax_cross_entropy_with_logits(np.zeros((2, 1), int), np.zeros((2, 3))),
        r"^labels has shape \(2, 1\) but logits has shape \(2, 3\)",
        r"logits\.shape\[:-1\] = \(2,\)",
    )


def test_sparse_float_labels_suggest_astype():
    raises(
        lambda: xl.sparse_softmax_cross_entropy_with_logits([1.0], np.zeros((1, 3))),
        r"^labels must be integer class indices",
        r"astype\(int\)",
    )


def test_sparse_grad_checks_labels_too():
    raises(
        lambda: xl.sparse_softmax_cross_entropy_with_logits_grad([-1], np.zeros((1, 3))),
        r"^labels\[0\] = -1 is negative",
    )


# --- logits ----------------------------------------------------------------


@pytest.mark.parametrize(
    "fn, name",
    [
        (lambda x: xl.softmax(x), "x"),
        (lambda x: xl.log_softmax(x), "x"),
        (lambda x: xl.logsumexp(x), "x"),
        (lambda x: xl.softmax_cross_entropy_with_logits(np.eye(2)[[0, 0]], x), "logits"),
        (lambda x: xl.softmax_cross_entropy_with_logits_grad(np.eye(2)[[0, 0]], x), "logits"),
        (lambda x: xl.sparse_softmax_cross_entropy_with_logits([0, 0], x), "logits"),
        (lambda x: xl.sparse_softmax_cross_entropy_with_logits_grad([0, 0], x), "logits"),
        (lambda x: xl.sigmoid_cross_entropy_with_logits(np.zeros((2, 2)), x), "logits"),
        (lambda x: xl.sigmoid_cross_entropy_with_logits_grad(np.zeros((2, 2)), x), "logits"),
    ],
)
@pytest.mark.parametrize(
    "bad, pattern",
    [(NAN, r"contains NaN at index \[1, 0\]"), (INF, r"contains \+inf at index \[1, 0\]")],
)
def test_nan_and_plus_inf_logits(fn, name, bad, pattern):
    x = np.array([[0.0, 1.0], [bad, 2.0]])
    raises(lambda: fn(x), rf"^{name} " + pattern)


@pytest.mark.parametrize(
    "fn, name",
    [
        (lambda x: xl.softmax(x), "x"),
        (lambda x: xl.log_softmax(x), "x"),
        (lambda x: xl.softmax_cross_entropy_with_logits(np.eye(2)[[0, 0]], x), "logits"),
        (lambda x: xl.sparse_softmax_cross_entropy_with_logits([0, 0], x), "logits"),
        (lambda x: xl.sparse_softmax_cross_entropy_with_logits_grad([0, 0], x), "logits"),
    ],
)
def test_row_of_all_minus_inf(fn, name):
    x = np.array([[0.0, 1.0], [-INF, -INF]])
    raises(lambda: fn(x), rf"^{name} has a row \[1\] whose entries are all -inf", "masked")


def test_logsumexp_of_all_minus_inf_row_is_minus_inf_not_an_error():
    assert xl.logsumexp([-INF, -INF]) == -INF


def test_sigmoid_rejects_nan_but_accepts_infinities():
    raises(lambda: xl.sigmoid([0.0, NAN]), r"^x contains NaN at index \[1\]")
    raises(lambda: xl.log_sigmoid([NAN]), r"^x contains NaN")
    assert list(xl.sigmoid([-INF, INF])) == [0.0, 1.0]


def test_mse_rejects_non_finite_and_empty():
    raises(lambda: xl.mean_squared_error([0.0, INF], [0.0, 0.0]), r"^y_true must be finite, but y_true\[1\] is inf")
    raises(lambda: xl.mean_squared_error([0.0, 0.0], [NAN, 0.0]), r"^y_pred must be finite, but y_pred\[0\] is nan")
    raises(lambda: xl.mean_squared_error([], []), "empty")


# --- arguments that are not arrays of numbers, axes, bases -----------------


def test_non_numeric_input():
    raises(lambda: xl.softmax(["a", "b"]), r"^x must be an array of real numbers")
    raises(lambda: xl.information([[0.5], [0.5, 0.5]]), r"^p could not be turned into a numeric array")
    raises(lambda: xl.softmax([1 + 1j, 0]), r"^x is complex")


def test_bad_axis():
    raises(lambda: xl.softmax([1.0, 2.0], axis=1), r"^axis=1 is out of range", r"\[-1, 0\]")
    raises(lambda: xl.entropy([0.5, 0.5], axis=1.0), r"^axis must be an integer")
    raises(lambda: xl.softmax(1.0), "scalar")


def test_empty_class_axis():
    raises(lambda: xl.softmax(np.zeros((2, 0))), r"^x has no classes")
    raises(lambda: xl.log_softmax(np.zeros((2, 0))), r"^x has no classes")
    raises(lambda: xl.sparse_softmax_cross_entropy_with_logits(np.zeros(2, int), np.zeros((2, 0))), r"^logits has no classes")


@pytest.mark.parametrize("base", [1, 0, -2, INF, "2", True])
def test_bad_base(base):
    raises(lambda: xl.entropy([0.5, 0.5], base=base), r"^base must be a positive")


def test_logsumexp_of_no_terms_is_minus_inf_as_in_scipy():
    """The mathematics, not an error: log of the empty sum 0 (scipy.special.logsumexp agrees)."""
    from scipy.special import logsumexp as scipy_lse

    for shape, axis in (((3, 0), -1), ((0,), 0), ((2, 0, 4), 1)):
        x = np.zeros(shape)
        got = xl.logsumexp(x, axis=axis)
        np.testing.assert_array_equal(got, scipy_lse(x, axis=axis))
        assert np.all(got == -np.inf)
        assert got.shape == tuple(np.delete(shape, axis))
    assert xl.logsumexp(np.zeros((2, 0), np.float32)).dtype == np.float32


# --- label smoothing, pos_weight, focal parameters ------------------------

SMOOTHED = [
    (lambda e: xl.softmax_cross_entropy_with_logits([[1.0, 0.0]], [[1.0, 2.0]], label_smoothing=e)),
    (lambda e: xl.softmax_cross_entropy_with_logits_grad([[1.0, 0.0]], [[1.0, 2.0]],
                                                         label_smoothing=e)),
    (lambda e: xl.sparse_softmax_cross_entropy_with_logits([0], [[1.0, 2.0]], label_smoothing=e)),
    (lambda e: xl.sparse_softmax_cross_entropy_with_logits_grad([0], [[1.0, 2.0]],
                                                                label_smoothing=e)),
]


@pytest.mark.parametrize("fn", SMOOTHED)
@pytest.mark.parametrize(
    "eps, patterns",
    [
        (-0.1, [r"^label_smoothing = -0\.1 is outside \[0, 1\]", r"share of the target"]),
        (1.5, [r"^label_smoothing = 1\.5 is outside \[0, 1\]"]),
        (NAN, [r"^label_smoothing must be a number in \[0, 1\]", r"got nan"]),
        (INF, [r"^label_smoothing must be a number in \[0, 1\]", r"got inf"]),
        ("0.1", [r"^label_smoothing must be a number in \[0, 1\]", r"'0\.1' of type str"]),
        (True, [r"^label_smoothing must be .*got the bool True"]),
        (np.array(0.1), [r"^label_smoothing must be", r"ndarray"]),
        (None, [r"^label_smoothing must be", r"NoneType"]),
    ],
)
def test_bad_label_smoothing(fn, eps, patterns):
    raises(lambda: fn(eps), *patterns)


WEIGHTED = [
    lambda q: xl.sigmoid_cross_entropy_with_logits(np.zeros((2, 3)), np.zeros((2, 3)),
                                                   pos_weight=q),
    lambda q: xl.sigmoid_cross_entropy_with_logits_grad(np.zeros((2, 3)), np.zeros((2, 3)),
                                                        pos_weight=q),
]


@pytest.mark.parametrize("fn", WEIGHTED)
@pytest.mark.parametrize(
    "q, patterns",
    [
        (np.ones(2), [r"^pos_weight has shape \(2,\) but logits has shape \(2, 3\)",
                      r"logits\.shape\[-1\] = 3", "does not broadcast"]),
        (np.ones((2, 3)), [r"^pos_weight has shape \(2, 3\) but logits has shape \(2, 3\)"]),
        (np.ones((1, 3)), [r"^pos_weight has shape \(1, 3\)"]),
        ([1.0, -2.0, 1.0], [r"^pos_weight\[1\] = -2 is negative"]),
        (-1.0, [r"^pos_weight = -1 is negative"]),
        ([1.0, NAN, 1.0], [r"^pos_weight\[1\] is nan", "finite"]),
        (INF, [r"^pos_weight is inf", "finite"]),
        (True, [r"^pos_weight must hold non-negative numbers, got booleans"]),
        ("2", [r"^pos_weight must be an array of real numbers"]),
    ],
)
def test_bad_pos_weight(fn, q, patterns):
    raises(lambda: fn(q), *patterns)


def test_per_class_pos_weight_needs_a_class_axis():
    raises(lambda: xl.sigmoid_cross_entropy_with_logits(0.5, 0.0, pos_weight=[2.0]),
           r"^pos_weight has shape \(1,\) but logits has shape \(\)", "a scalar")


FOCAL = [
    lambda g, a: xl.sigmoid_focal_loss([1.0, 0.0], [0.5, -0.5], gamma=g, alpha=a),
    lambda g, a: xl.sigmoid_focal_loss_grad([1.0, 0.0], [0.5, -0.5], gamma=g, alpha=a),
]


@pytest.mark.parametrize("fn", FOCAL)
@pytest.mark.parametrize(
    "gamma, alpha, patterns",
    [
        (-1.0, None, [r"^gamma = -1 is negative", "easy examples"]),
        (NAN, None, [r"^gamma must be a finite number >= 0", "got nan"]),
        (INF, None, [r"^gamma must be a finite number >= 0", "got inf"]),
        ("2", None, [r"^gamma must be", "of type str"]),
        (True, None, [r"^gamma must be .*bool"]),
        (2.0, -0.25, [r"^alpha = -0\.25 is outside \[0, 1\]"]),
        (2.0, 1.5, [r"^alpha = 1\.5 is outside \[0, 1\]", "1 - alpha"]),
        (2.0, NAN, [r"^alpha must be None \(no class balancing\) or a number in \[0, 1\]"]),
        (2.0, False, [r"^alpha must be .*bool"]),
        (2.0, "0.25", [r"^alpha must be", "of type str"]),
    ],
)
def test_bad_focal_parameters(fn, gamma, alpha, patterns):
    raises(lambda: fn(gamma, alpha), *patterns)


def test_focal_checks_labels_and_logits_like_the_sigmoid_loss():
    raises(lambda: xl.sigmoid_focal_loss([0.5, 1.5], [0.0, 0.0]), r"^labels\[1\] = 1\.5 is outside")
    raises(lambda: xl.sigmoid_focal_loss_grad([0.5, 1.0], [0.0, INF]), r"^logits contains \+inf")
    raises(lambda: xl.sigmoid_focal_loss(np.zeros(3), np.zeros((3, 1))),
           r"^labels has shape \(3,\) but logits has shape \(3, 1\)")


# --- calibration -----------------------------------------------------------

PROBS = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])
CALIBRATION = [
    lambda lab, p, **kw: xl.expected_calibration_error(lab, p, **kw),
    lambda lab, p, **kw: xl.calibration_bins(lab, p, **kw),
]


@pytest.mark.parametrize("fn", CALIBRATION)
@pytest.mark.parametrize("n_bins", [0, -3, 2.5, True, "15", None, 15.0])
def test_bad_n_bins(fn, n_bins):
    raises(lambda: fn([0, 2], PROBS, n_bins=n_bins),
           r"^n_bins (must be a positive integer|= -?\d+ is not positive)")


@pytest.mark.parametrize("fn", CALIBRATION)
@pytest.mark.parametrize(
    "labels, probs, patterns",
    [
        ([0, 2, 1], PROBS, [r"^labels has shape \(3,\) but probs has shape \(2, 3\)",
                            r"probs\.shape\[:-1\] = \(2,\)"]),
        ([[0], [2]], PROBS, [r"^labels has shape \(2, 1\) but probs has shape"]),
        ([0.0, 2.0], PROBS, [r"^labels must be integer class indices", r"astype\(int\)",
                             r"labels\.argmax"]),
        ([0, 3], PROBS, [r"^labels\[1\] = 3 is out of range: probs has 3 classes"]),
        ([0, -1], PROBS, [r"^labels\[1\] = -1 is negative"]),
        ([0, 1], [[0.7, 0.2, 0.1], [0.5, 0.1, 0.1]], [r"^probs must sum to 1 along axis 1",
                                                      r"row \[1\] sums to 0\.7"]),
        ([0, 1], [[0.7, 0.4, -0.1], [0.5, 0.4, 0.1]], [r"^probs\[0, 2\] = -0\.1 is outside"]),
        ([0, 1], [[0.7, 0.3, NAN], [0.5, 0.4, 0.1]], [r"^probs contains NaN at index \[0, 2\]"]),
        ([0, 1], [[2.0, 3.0, 5.0], [0.5, 0.4, 0.1]], [r"^probs\[0, 0\] = 2 is outside",
                                                      "softmax"]),
        (np.zeros(0, int), np.zeros((0, 3)), [r"^probs holds no examples"]),
        (0, [0.5, 0.5], []),  # one example without a batch axis is fine
        (np.zeros(2, int), np.zeros((2, 0)), [r"^probs has no classes"]),
        (0, 0.5, [r"^the input is a scalar, but this function needs a class axis"]),
    ],
)
def test_bad_calibration_inputs(fn, labels, probs, patterns):
    if not patterns:
        fn(labels, probs)
        return
    raises(lambda: fn(labels, probs), *patterns)


@pytest.mark.parametrize(
    "labels, logits, patterns",
    [
        ([0, 0, 0], [[1.0, 1.0], [2.0, 2.0], [-3.0, -3.0]],
         [r"^logits has, in every row, all its \(unmasked\) logits equal", "uniform"]),
        ([0, 0], [[1.0], [2.0]], [r"^logits has, in every row, all its"]),
        ([0, 0], [[1.0, -INF], [2.0, 2.0]], [r"^logits has, in every row, all its"]),
        ([0, 1, 0], [[3.0, 1.0], [0.0, 2.0], [5.0, 5.0]],
         [r"^labels: every example's label has the largest logit", r"T -> 0", "mistakes"]),
        ([1, 0], [[3.0, 1.0], [0.5, 2.0]],
         [r"^logits are no better than uniform", r"T -> infinity", "belong together"]),
        ([1, 1], [[3.0, -INF], [0.5, 2.0]], [r"^labels\[0\] = 1 picks a masked \(-inf\) class",
                                             r"\+inf at every temperature"]),
        ([[0, 0], [0, 2]],
         [[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], [[2.0, 0.0, 0.0], [0.0, 1.0, -INF]]],
         [r"^labels\[1, 1\] = 2 picks a masked"]),
        (np.zeros(0, int), np.zeros((0, 3)), [r"^logits holds no examples"]),
        ([0.0, 1.0], [[3.0, 1.0], [0.5, 2.0]], [r"^labels must be integer class indices"]),
        ([0, 1, 0], [[3.0, 1.0], [0.5, 2.0]], [r"^labels has shape \(3,\) but logits has shape"]),
        ([0, 1], [[3.0, NAN], [0.5, 2.0]], [r"^logits contains NaN at index \[0, 1\]"]),
        ([0, 1], [[3.0, INF], [0.5, 2.0]], [r"^logits contains \+inf"]),
        ([0, 1], [[3.0, 1.0], [-INF, -INF]],
         [r"^logits has a row \[1\] whose entries are all -inf"]),
    ],
)
def test_bad_or_degenerate_fit_temperature(labels, logits, patterns):
    raises(lambda: xl.fit_temperature(labels, logits), *patterns)
