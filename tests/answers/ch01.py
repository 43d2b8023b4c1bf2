"""Right and wrong answers to chapter 1's exercises, computed without xentlib."""

import math

import numpy as np


def _secret_bits_right(n_symbols, length):
    return length * math.log2(n_symbols)


def _secret_bits_one_symbol(n_symbols, length):  # forgot that the symbols' information adds
    return math.log2(n_symbols)


def _secret_bits_one_probability(n_symbols, length):  # the naive way: one tiny probability
    return -math.log2((1 / n_symbols) ** length)  # 0.1**400 underflows to 0.0: math domain error


def _secret_bits_one_probability_numpy(n_symbols, length):  # the same in NumPy: inf, not an error
    with np.errstate(divide="ignore"):
        return float(-np.log2(np.float64(1 / n_symbols) ** length))


def _secret_bits_nats(n_symbols, length):  # natural logarithm: nats, not bits
    return length * math.log(n_symbols)


# exercise: (right answers, wrong answers)
ANSWERS = {
    "1.1": (
        [math.log2(6), 2.585, 2.58496, 2.58, 2.6],
        [math.log(6), 6, -2.585, 0.1667, 1 / 6, math.log10(6), 1.79],
    ),
    "1.2": (
        [math.log(2), 0.6931, 0.693, 0.69, 1.3863 - 0.6931],
        [1.0, 0.5, 2.0, -math.log(2), math.log(4), 1.39, 0.7, 0.68],
    ),
    "1.3": (["c", "C", "(c)", " c "], ["a", "b", "", "bc"]),
    "1.4": (
        [_secret_bits_right],
        [
            _secret_bits_one_symbol,
            _secret_bits_one_probability,
            _secret_bits_one_probability_numpy,
            _secret_bits_nats,
            lambda n, k: n * k,
            lambda n, k: None,
        ],
    ),
}
