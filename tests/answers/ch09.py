"""Right and wrong answers to chapter 9's exercises, computed without xentlib."""

import math

import numpy as np


def _parts(labels, probs):
    probs = np.asarray(probs, dtype=float)
    return probs.max(axis=1), probs.argmax(axis=1) == np.asarray(labels)


def _ece_loop(labels, probs, n_bins):  # bin by bin with ceil: ((m-1)/M, m/M]
    conf, right = _parts(labels, probs)
    bins = np.clip(np.ceil(conf * n_bins).astype(int) - 1, 0, n_bins - 1)
    total = 0.0
    for m in range(n_bins):
        inside = bins == m
        if inside.any():
            total += inside.mean() * abs(right[inside].mean() - conf[inside].mean())
    return total


def _ece_pure_python(labels, probs, n_bins):  # no NumPy: lists and edges compared directly
    total, n = 0.0, len(labels)
    rows = [list(map(float, r)) for r in probs]
    for m in range(n_bins):
        lo, hi = m / n_bins, (m + 1) / n_bins
        inside = [(max(r), r.index(max(r)) == y) for r, y in zip(rows, labels)
                  if (lo < max(r) <= hi) or (m == 0 and max(r) == 0)]
        if inside:
            acc = sum(ok for _, ok in inside) / len(inside)
            conf = sum(c for c, _ in inside) / len(inside)
            total += len(inside) / n * abs(acc - conf)
    return total


def _ece_floor_bins(labels, probs, n_bins):  # bins [m/M, (m+1)/M): a boundary goes up
    conf, right = _parts(labels, probs)
    bins = np.clip(np.floor(conf * n_bins).astype(int), 0, n_bins - 1)
    return sum((bins == m).mean() * abs(right[bins == m].mean() - conf[bins == m].mean())
               for m in range(n_bins) if (bins == m).any())


def _ece_unweighted(labels, probs, n_bins):  # plain mean of the gaps over non-empty bins
    conf, right = _parts(labels, probs)
    bins = np.clip(np.ceil(conf * n_bins).astype(int) - 1, 0, n_bins - 1)
    gaps = [abs(right[bins == m].mean() - conf[bins == m].mean())
            for m in range(n_bins) if (bins == m).any()]
    return float(np.mean(gaps))


def _ece_signed(labels, probs, n_bins):  # gaps without the absolute value
    conf, right = _parts(labels, probs)
    bins = np.clip(np.ceil(conf * n_bins).astype(int) - 1, 0, n_bins - 1)
    return abs(sum((bins == m).mean() * (right[bins == m].mean() - conf[bins == m].mean())
                   for m in range(n_bins) if (bins == m).any()))


def _ece_true_class(labels, probs, n_bins):  # confidence of the true class, not the top one
    probs = np.asarray(probs, dtype=float)
    labels = np.asarray(labels)
    conf = probs[np.arange(len(labels)), labels]
    right = probs.argmax(axis=1) == labels
    bins = np.clip(np.ceil(conf * n_bins).astype(int) - 1, 0, n_bins - 1)
    return sum((bins == m).mean() * abs(right[bins == m].mean() - conf[bins == m].mean())
               for m in range(n_bins) if (bins == m).any())


def _ece_no_bins(labels, probs, n_bins):  # |accuracy - mean confidence| over all examples
    conf, right = _parts(labels, probs)
    return abs(right.mean() - conf.mean())


_k5 = [0.84] + [0.04] * 4
_floor = -sum(t * math.log(t) for t in _k5)

# exercise: (right answers, wrong answers)
ANSWERS = {
    "9.1": ([math.exp(0.25), 1.284, 1.28], [2**0.25, math.log(0.25), math.exp(-0.25), 0.25]),
    "9.2": (
        [_floor, round(_floor, 4), round(_floor, 2)],
        [-0.8 * math.log(0.8) - 4 * 0.05 * math.log(0.05), _floor / math.log(2), -math.log(0.84), 0.0],
    ),
    "9.3": (["a", "(a)", "A"], ["b", "c"]),
    "9.4": (
        [_ece_loop, _ece_pure_python],
        [_ece_floor_bins, _ece_unweighted, _ece_signed, _ece_true_class, _ece_no_bins],
    ),
}
