"""Checks for the exercises of chapter 5, Sigmoid."""

from . import Exercise


def sigmoid_slope(x):
    """The sigmoid's slope sigma(x) sigma(-x), accurate for large |x| (exercise 5.4)."""
    import xentlib as xl

    return float(xl.sigmoid(x) * xl.sigmoid(-x))


EXERCISES = {
    "5.1": Exercise(
        kind="number",
        answer="float(xl.sigmoid(-2.0))",
        hint="use the symmetry sigma(-x) = 1 - sigma(x): a negative logit gives a probability "
        "below 0.5.",
    ),
    "5.2": Exercise(
        kind="number",
        answer="float(xl.sigmoid(4.0) * xl.sigmoid(-4.0))",
        rtol=0.01,
        hint="the slope is sigma(x) (1 - sigma(x)), the product of the value and its complement, "
        "not the value sigma(4) itself; the readout prints it as 'slope'.",
    ),
    "5.3": Exercise(
        kind="choice",
        answer="'b'",
        hint="is exp(-40) huge or tiny? Then ask what 1 + exp(-40) is in float64.",
    ),
    "5.4": Exercise(
        kind="function",
        answer="sigmoid_slope",
        inputs=((0.0,), (2.0,), (-3.0,), (40.0,), (-40.0,)),
        atol=0.0,  # the point is the tiny slopes far out: 4.2e-18 at x = 40 is not 0
        hint="the slope is even, sigma'(x) = sigma'(-x); compute it from exp(-|x|), as "
        "e / (1 + e)**2 or sigma(x) sigma(-x), so that no 1 - sigma(x) rounds to 0.",
    ),
}
