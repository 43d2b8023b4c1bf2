"""Inputs shared by the oracle tests: grids of probabilities, logits and label rows,
including the extremes the numerics contract names."""

import numpy as np
import pytest

from support import INF, SUB, TINY64, onehot


PROB_GRID = [0.0, 1.0, 0.5, 0.25, 0.1, 0.9, 1e-10, 1 - 1e-10, 1e-300, SUB,
             TINY64, 2.0**-53, 1 - 2.0**-53, 0.999, 1 / 3]


X_GRID = [0.0, 1e-20, -1e-20, 1.0, -1.0, 2.5, -2.5, 10.0, -10.0, 36.7, -36.7,
          40.0, -40.0, 100.0, -100.0, 700.0, -700.0, 745.0, -745.0, 1000.0,
          -1000.0, 1e5, -1e5, 1e300, -1e300, INF, -INF]


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


def soft_labels(row):
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


def dense_label_cases():
    cases = []
    for name, row in LOGIT_ROWS.items():
        r = np.asarray(row)
        top = int(np.argmax(r))
        finite = np.flatnonzero(np.isfinite(r))
        low = int(finite[np.argmin(r[finite])])
        cases.append(pytest.param(onehot(top, r.size), r, True, id=f"{name}-onehot_max"))
        if low != top:
            cases.append(pytest.param(onehot(low, r.size), r, True, id=f"{name}-onehot_min"))
        cases.append(pytest.param(soft_labels(r), r, False, id=f"{name}-soft"))
        if np.isfinite(r).all() and r.size > 1:
            cases.append(pytest.param(np.full(r.size, 1.0 / r.size), r, False, id=f"{name}-uniform"))
    return cases


DENSE_CASES = dense_label_cases()


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


F32_X = np.array([0.0, 1.0, -1.0, 5.0, -5.0, 20.0, -20.0, 80.0, -80.0, 88.0,
                  -88.0, 100.0, -100.0, 1e30, -1e30, INF, -INF], dtype=np.float32)


F32_P = np.array([0.0, 1.0, 0.5, 0.25, 0.1, 0.9, 1e-30, 1e-10, 2.0**-24,
                  1 - 2.0**-24], dtype=np.float32)


F32_PQ = {
    "swap": ([0.9, 0.1], [0.1, 0.9]),
    "three": ([0.2, 0.3, 0.5], [0.5, 0.3, 0.2]),
    "near_dyadic": ([0.5, 0.25, 0.25], [0.5 + 2.0**-12, 0.25 - 2.0**-12, 0.25]),
    "onehot_vs_uniform": ([1.0, 0.0], [0.5, 0.5]),
    "tiny_q": ([0.5, 0.5], [1e-30, 1.0]),
}


RTOL_SCIPY = 1e-12


def ordinary_logits(seed, shape=(4, 6), scale=3.0):
    return np.random.default_rng(seed).normal(scale=scale, size=shape)


def random_distributions(seed, shape=(4, 6)):
    a = np.random.default_rng(seed).uniform(0.05, 1.0, size=shape)
    return a / a.sum(axis=-1, keepdims=True)
