"""Chapter 9's model, data and limits, checked against outside references.

* the softmax regression trained by ``xentlib.training`` (plain gradient descent
  with the chapter 8 gradient) reaches the training loss of scikit-learn's
  ``LogisticRegression`` fitted to the same penalised objective, to 3 significant
  digits;
* the float-format limits the chapter prints agree with NumPy's own ``finfo`` and
  with what NumPy's exp and sigmoid do in those formats.
"""

import numpy as np
import pytest

import xentlib as xl
from xentlib import figures, training


@pytest.fixture(scope="module")
def digits():
    return training.load_digits_split(seed=0)


def test_gradient_descent_reaches_scikit_learns_training_loss(digits):
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss

    train = digits["train"]
    decay = 0.01  # the chapter's weight decay
    model = training.fit_softmax_regression(
        train.x, train.labels, 10, weight_decay=decay, steps=3000, learning_rate=2.0  # as the chapter
    )
    ours = float(np.mean(xl.sparse_softmax_cross_entropy_with_logits(train.labels, model.logits(train.x))))
    sk = LogisticRegression(C=1 / (decay * len(train.labels)), tol=1e-10, max_iter=10_000)
    sk.fit(train.x, train.labels)
    theirs = log_loss(train.labels, sk.predict_proba(train.x))
    assert f"{ours:.3g}" == f"{theirs:.3g}", (ours, theirs)
    assert abs(ours - theirs) < 5e-4 * theirs, (ours, theirs)
    # and the model is not trivial: it learnt the digits
    assert np.mean(model.logits(digits["test"].x).argmax(1) == digits["test"].labels) > 0.9


def test_training_history_starts_at_the_uniform_guess(digits):
    train = digits["train"]
    model = training.fit_softmax_regression(train.x, train.labels, 10, steps=20, record_every=10)
    assert model.history["step"].tolist() == [0, 10, 20]
    assert model.history["train_loss"][0] == pytest.approx(np.log(10), rel=1e-12)
    assert np.all(np.diff(model.history["train_loss"]) < 0)


def test_split_is_seeded_disjoint_and_standardised_on_the_training_set(digits):
    again = training.load_digits_split(seed=0)
    other = training.load_digits_split(seed=1)
    assert np.array_equal(again["val"].x, digits["val"].x)
    assert not np.array_equal(other["val"].labels, digits["val"].labels)
    train = digits["train"].x
    assert np.allclose(train.mean(axis=0), 0, atol=1e-12)
    assert np.allclose(train.std(axis=0)[train.std(axis=0) > 0], 1)
    rows = {tuple(r) for name in ("train", "val", "test") for r in digits[name].x}
    assert len(rows) >= 1797 - 5  # a handful of the images are duplicates


@pytest.mark.parametrize("name", ["float16", "float32", "float64"])
def test_float_limits_agree_with_numpy(name):
    lim = figures.float_limits(name)
    info = np.finfo(name)
    assert lim["max"] == float(info.max)
    assert lim["eps"] == float(info.eps)
    assert lim["smallest"] == float(info.smallest_subnormal)
    dtype = np.dtype(name)
    margin = 1e-12 if name == "float64" else 1e-9
    with np.errstate(over="ignore", under="ignore"):
        # e^z, computed in float64 and rounded to the format, is finite just below the
        # threshold and inf just above it; 0 just below the underflow threshold
        top, bottom = lim["exp_overflow"], lim["exp_underflow"]
        assert np.isfinite(np.exp(top - margin).astype(dtype))
        assert np.isinf(np.exp(top + margin).astype(dtype))
        assert np.exp(bottom + 1e-6).astype(dtype) > 0
        assert np.exp(bottom - 1e-6).astype(dtype) == 0
    if name != "float64":  # sigma(z) in float64, rounded once to the format
        one = lim["sigmoid_one"]
        sig = lambda z: (1 / (1 + np.exp(-z))).astype(dtype)  # noqa: E731
        assert sig(one - 1e-3) < 1 and sig(one + 1e-3) == 1


def test_bfloat16_is_float32_with_a_short_fraction():
    b, f = figures.float_limits("bfloat16"), figures.float_limits("float32")
    assert b["exp_overflow"] == pytest.approx(f["exp_overflow"], abs=0.01)  # same exponent range
    assert b["eps"] == 2.0**-7 and b["smallest"] == 2.0**-133
