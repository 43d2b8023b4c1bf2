"""xentlib.information (information, entropy, binary_entropy, kl_divergence and cross_entropy) against high-precision references.

Expected values and the tolerance policy (``assert_matches``) are described in
tests/support.py; the references themselves are in tests/reference.py.
"""

import numpy as np
import pytest
import scipy.special as sc

import reference as ref
from oracle_cases import F32_P, F32_PQ, PROB_GRID, RTOL_SCIPY, random_distributions
from support import EPS64, INF, SUB, assert_matches, call


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


def test_float32_information_and_binary_entropy():
    for name in ("information", "binary_entropy"):
        assert_matches(call(name, F32_P), getattr(ref, name)(F32_P), dtype=np.float32)


@pytest.mark.parametrize("pq", F32_PQ.values(), ids=F32_PQ.keys())
def test_float32_entropy_kl_cross_entropy(pq):
    p, q = (np.asarray(v, dtype=np.float32) for v in pq)
    assert_matches(call("entropy", p), ref.entropy(p), dtype=np.float32)
    kl = call("kl_divergence", p, q)
    assert kl > 0
    assert_matches(kl, ref.kl_divergence(p, q), dtype=np.float32)
    assert_matches(call("cross_entropy", p, q), ref.cross_entropy(p, q), dtype=np.float32)


def test_matches_scipy_entr():
    p = random_distributions(12)
    np.testing.assert_allclose(call("entropy", p), sc.entr(p).sum(axis=-1), rtol=RTOL_SCIPY)
    b = np.random.default_rng(13).uniform(0.01, 0.99, size=20)
    np.testing.assert_allclose(call("binary_entropy", b), sc.entr(b) + sc.entr(1 - b),
                               rtol=RTOL_SCIPY)
    np.testing.assert_allclose(call("information", b), -np.log(b), rtol=RTOL_SCIPY)


def test_matches_scipy_kl_div_and_rel_entr():
    p, q = random_distributions(14), random_distributions(15)
    np.testing.assert_allclose(call("kl_divergence", p, q), sc.kl_div(p, q).sum(axis=-1),
                               rtol=RTOL_SCIPY)
    # rel_entr sums to sum p log(p/q); the two differ by sum(q) - sum(p) ~ eps
    np.testing.assert_allclose(call("kl_divergence", p, q), sc.rel_entr(p, q).sum(axis=-1),
                               rtol=RTOL_SCIPY, atol=8 * EPS64)


def test_matches_scipy_xlogy():
    p, q = random_distributions(16), random_distributions(17)
    p[:, 0] = 0.0
    p /= p.sum(axis=-1, keepdims=True)
    np.testing.assert_allclose(call("cross_entropy", p, q), -sc.xlogy(p, q).sum(axis=-1),
                               rtol=RTOL_SCIPY)
