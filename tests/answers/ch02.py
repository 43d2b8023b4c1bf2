"""Right and wrong answers to chapter 2's exercises, computed without xentlib."""

import math

import numpy as np


def _entropy_bits_right(counts):
    total = sum(counts)
    return -sum(c / total * math.log2(c / total) for c in counts if c > 0)


def _entropy_bits_nats(counts):  # forgot the base: nats, not bits
    total = sum(counts)
    return -sum(c / total * math.log(c / total) for c in counts if c > 0)


def _entropy_bits_unnormalised(counts):  # used the counts as if they were probabilities
    return -sum(c * math.log2(c) for c in counts if c > 0)


def _entropy_bits_naive(counts):  # the printed formula: nan once a count is 0
    p = np.asarray(counts, dtype=float) / sum(counts)
    with np.errstate(divide="ignore", invalid="ignore"):
        return -np.sum(p * np.log2(p))


def _entropy_bits_list_only(counts):  # works on lists and tuples, not on NumPy arrays
    if not isinstance(counts, (list, tuple)):
        raise TypeError("expected a list")
    return _entropy_bits_right(counts)


def _binary_entropy_bits(p):
    return -p * math.log2(p) - (1 - p) * math.log2(1 - p)


# exercise: (right answers, wrong answers)
ANSWERS = {
    "2.1": (
        [0.5 * 1 + 0.25 * 2 + 0.125 * 3 * 2, 1.75, 7 / 4, 1.8],
        [1.75 * math.log(2), 1.21, 2.0, -1.75, math.log2(4 / 3), 9.0],
    ),
    "2.2": (
        [_binary_entropy_bits(0.9), _binary_entropy_bits(0.1), 0.469, 0.4690, 0.47],
        [
            _binary_entropy_bits(0.9) * math.log(2),
            0.33,
            0.9,
            0.1,
            1.0,
            0.5,
            -math.log2(0.9),
            -math.log2(0.1),
        ],
    ),
    "2.3": (["a", "A", "(a)", " a "], ["b", "c", "", "ab"]),
    "2.4": (
        [_entropy_bits_right],
        [
            _entropy_bits_nats,
            _entropy_bits_unnormalised,
            _entropy_bits_naive,
            _entropy_bits_list_only,
            lambda counts: None,
        ],
    ),
}
