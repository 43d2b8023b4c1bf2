"""Speed of xentlib's losses and gradients against scipy-based equivalents and
the naive formulas, on large batches, measured side by side in one run.

    python3 benchmarks/bench_losses.py [--rows 10000] [--classes 1000] [--repeat 7]

For every loss (and gradient), dtype and implementation the script runs the
calls interleaved (xentlib, scipy, naive, xentlib, scipy, naive, ...) so that
machine noise hits all of them alike, takes the median time of each, and
prints the ratio xentlib / scipy. Target: every ratio <= 1.5, *including*
xentlib's input validation (the scipy-based equivalents validate nothing).

The naive formulas are timed too, for scale; they are not a target (they
are the ones that return nan on extreme input).
"""

import argparse
import statistics
import time

import numpy as np
from scipy import special

import xentlib as xl
from xentlib import naive

TARGET = 1.5


def make_inputs(rows, classes, dtype, seed=0):
    rng = np.random.default_rng(seed)
    logits = (rng.standard_normal((rows, classes)) * 3).astype(dtype)
    sparse = rng.integers(0, classes, size=rows)
    onehot = np.zeros((rows, classes), dtype)
    onehot[np.arange(rows), sparse] = 1
    z = (rng.random((rows, classes)) < 0.1).astype(dtype)  # multi-label targets
    probs = special.expit(logits).astype(dtype)
    return dict(logits=logits, sparse=sparse, onehot=onehot, z=z, probs=probs)


def scipy_softmax_ce(labels, logits):
    return -(labels * special.log_softmax(logits, axis=-1)).sum(axis=-1)


def scipy_sparse_ce(labels, logits):
    return special.logsumexp(logits, axis=-1) - np.take_along_axis(logits, labels[:, None], -1)[:, 0]


def scipy_sigmoid_ce(labels, logits):
    return -(labels * special.log_expit(logits) + (1 - labels) * special.log_expit(-logits))


def scipy_bce(labels, probs):
    return -(special.xlogy(labels, probs) + special.xlog1py(1 - labels, -probs))


def scipy_smoothed_sparse_ce(labels, logits, eps):
    log_p = special.log_softmax(logits, axis=-1)
    picked = np.take_along_axis(log_p, labels[:, None], -1)[:, 0]
    return -(1 - eps) * picked - eps * log_p.mean(axis=-1)


def scipy_weighted_sigmoid_ce(labels, logits, pos_weight):
    return -(pos_weight * labels * special.log_expit(logits) + (1 - labels) * special.log_expit(-logits))


def scipy_focal(labels, logits, gamma):  # torchvision's formula, with scipy's stable pieces
    p = special.expit(logits)
    p_t = p * labels + (1 - p) * (1 - labels)
    return scipy_sigmoid_ce(labels, logits) * (1 - p_t) ** gamma


def cases(inp):
    """(name, xentlib call, scipy-based call, its xentlib.naive twin)."""
    L, S, Y, Z, P = inp["logits"], inp["sparse"], inp["onehot"], inp["z"], inp["probs"]
    return [
        ("softmax_cross_entropy_with_logits",
         lambda: xl.softmax_cross_entropy_with_logits(Y, L),
         lambda: scipy_softmax_ce(Y, L),
         lambda: naive.softmax_cross_entropy_with_logits(Y, L)),
        ("  ..._grad",
         lambda: xl.softmax_cross_entropy_with_logits_grad(Y, L),
         lambda: special.softmax(L, axis=-1) - Y,
         lambda: naive.softmax_cross_entropy_with_logits_grad(Y, L)),
        ("sparse_softmax_cross_entropy_with_logits",
         lambda: xl.sparse_softmax_cross_entropy_with_logits(S, L),
         lambda: scipy_sparse_ce(S, L),
         lambda: naive.sparse_softmax_cross_entropy_with_logits(S, L)),
        ("  ..._grad",
         lambda: xl.sparse_softmax_cross_entropy_with_logits_grad(S, L),
         lambda: special.softmax(L, axis=-1) - Y,
         lambda: naive.sparse_softmax_cross_entropy_with_logits_grad(S, L)),
        ("sigmoid_cross_entropy_with_logits",
         lambda: xl.sigmoid_cross_entropy_with_logits(Z, L),
         lambda: scipy_sigmoid_ce(Z, L),
         lambda: naive.sigmoid_cross_entropy_with_logits(Z, L)),
        ("  ..._grad",
         lambda: xl.sigmoid_cross_entropy_with_logits_grad(Z, L),
         lambda: special.expit(L) - Z,
         lambda: naive.sigmoid_cross_entropy_with_logits_grad(Z, L)),
        ("sparse_..., label_smoothing=0.1",
         lambda: xl.sparse_softmax_cross_entropy_with_logits(S, L, label_smoothing=0.1),
         lambda: scipy_smoothed_sparse_ce(S, L, 0.1),
         lambda: naive.sparse_softmax_cross_entropy_with_logits(S, L, label_smoothing=0.1)),
        ("sigmoid_..., pos_weight=3",
         lambda: xl.sigmoid_cross_entropy_with_logits(Z, L, pos_weight=3.0),
         lambda: scipy_weighted_sigmoid_ce(Z, L, 3.0),
         lambda: naive.sigmoid_cross_entropy_with_logits(Z, L, pos_weight=3.0)),
        ("sigmoid_focal_loss",
         lambda: xl.sigmoid_focal_loss(Z, L),
         lambda: scipy_focal(Z, L, 2.0),
         lambda: naive.sigmoid_focal_loss(Z, L)),
        ("binary_cross_entropy",
         lambda: xl.binary_cross_entropy(Z, P),
         lambda: scipy_bce(Z, P),
         lambda: naive.binary_cross_entropy(Z, P)),
        ("softmax", lambda: xl.softmax(L), lambda: special.softmax(L, axis=-1), lambda: naive.softmax(L)),
        ("log_softmax", lambda: xl.log_softmax(L), lambda: special.log_softmax(L, axis=-1), lambda: naive.log_softmax(L)),
        ("logsumexp", lambda: xl.logsumexp(L), lambda: special.logsumexp(L, axis=-1), lambda: naive.logsumexp(L)),
        ("mean_squared_error",
         lambda: xl.mean_squared_error(Z, P),
         lambda: np.mean((P - Z) ** 2),
         lambda: naive.mean_squared_error(Z, P)),
    ]


def median_times(calls, repeat):
    times = [[] for _ in calls]
    for _ in range(repeat):
        for i, call in enumerate(calls):
            if call is None:
                continue
            t0 = time.perf_counter()
            call()
            times[i].append(time.perf_counter() - t0)
    return [statistics.median(t) if t else float("nan") for t in times]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--classes", type=int, default=1_000)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()

    print(f"batch {args.rows} x {args.classes}, median of {args.repeat} interleaved runs, "
          f"numpy {np.__version__}")
    worst = 0.0
    for dtype in (np.float64, np.float32):
        print(f"\n{np.dtype(dtype).name:<44}{'xentlib':>9}{'scipy':>9}{'naive':>9}   xentlib/scipy")
        with np.errstate(all="ignore"):  # the naive formulas may overflow
            for name, *calls in cases(make_inputs(args.rows, args.classes, dtype)):
                tx, ts, tn = median_times(calls, args.repeat)
                ratio = tx / ts
                worst = max(worst, ratio)
                flag = "" if ratio <= TARGET else f"  > {TARGET} target"
                print(f"{name:<44}{tx * 1e3:8.1f}m{ts * 1e3:8.1f}m{tn * 1e3:8.1f}m   {ratio:5.2f}{flag}")
    print(f"\nworst ratio {worst:.2f} (target <= {TARGET}); times in ms")


if __name__ == "__main__":
    main()
