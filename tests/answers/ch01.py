"""Right and wrong answers to chapter 1's exercises, computed without xentlib."""

import math


def _secret_bits_right(n_symbols, length):
    return length * math.log2(n_symbols)


def _secret_bits_wrong(n_symbols, length):  # forgot that the symbols' information adds
    return math.log2(n_symbols)


# exercise: (right answers, wrong answers)
ANSWERS = {
    "1.1": ([math.log2(6), 2.585, 2.58496], [math.log(6), 6, -2.585, 0.1667]),
    "1.2": ([math.log(2), 0.6931, 1.3863 - 0.6931], [1.0, 0.5, 2.0, -math.log(2)]),
    "1.3": (["b", "B", "(b)", " b "], ["a", "c", "", "bc"]),
    "1.4": ([_secret_bits_right], [_secret_bits_wrong, lambda n, k: n * k, lambda n, k: None]),
}


