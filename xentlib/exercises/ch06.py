"""Checks for the exercises of chapter 6, Softmax."""

from . import Exercise


def stable_logsumexp(z):
    """log(sum(exp(z))) of a 1-d array of logits, without overflow (exercise 6.4)."""
    import xentlib as xl

    return float(xl.logsumexp(z))


EXERCISES = {
    "6.1": Exercise(
        kind="number",
        answer="float(xl.softmax([1.0, 2.0, 3.0])[2])",
        hint="exponentiate each logit, then divide e^3 by the sum e^1 + e^2 + e^3 (not 3 by 1 + 2 + 3).",
    ),
    "6.2": Exercise(
        kind="number",
        answer="float(xl.entropy(xl.softmax(np.array([2.0, 3.0, 5.0, 6.0]) / 10)))",
        unit="nats",
        hint="divide the logits (2, 3, 5, 6) by T = 10 before the softmax, then take the entropy "
        "-sum p log p of the result, in nats; it is close to, but not exactly, log 4.",
    ),
    "6.3": Exercise(
        kind="choice",
        answer="'b'",
        hint="after subtracting the maximum, can any exponent overflow? What is exp(-900) in float64, "
        "and what is its log?",
    ),
    "6.4": Exercise(
        kind="function",
        answer="stable_logsumexp",
        inputs=(
            ([1.0, 2.0, 3.0],),
            ([1000.0, 1001.0],),
            ([-1000.0, -1000.0, -1000.0],),
            ([0.5, -2.0, 7.0, 3.0],),
        ),
        hint="take out the largest logit m: log sum exp(z) = m + log sum exp(z - m), so every "
        "exponent is <= 0.",
    ),
}
