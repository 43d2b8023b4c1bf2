"""Checks for the exercises of chapter 5, Sigmoid."""

import numpy as np

from .._i18n import N_
from . import Exercise


def sigmoid_slope(z):
    """The sigmoid's slope at a logit z, accurate for any float z (exercise 5.4).

    The slope is even in z, so it is computed at |z|: e = exp(-|z|) lies in
    [0, 1] and never overflows, and e / (1 + e)**2 has full relative accuracy
    (no 1 - sigmoid(z) that could round to 0).
    """
    e = np.exp(-np.abs(z))
    return float(e / (1 + e) ** 2)


EXERCISES = {
    "5.1": Exercise(
        kind="number",
        answer="float(xl.sigmoid(-2.0))",
        hint=N_("use the symmetry sigma(-z) = 1 - sigma(z): a negative logit gives a probability "
                "below 0.5."),
        mistakes=(
            (
                "float(xl.sigmoid(2.0))",
                N_("that is sigma(+2). A negative logit means 'probably no': its probability is below 0.5."),
            ),
            (
                "float(-xl.sigmoid(2.0))",
                N_("a probability cannot be negative: sigma(-z) is not -sigma(z). Use the symmetry "
                   "sigma(-z) = 1 - sigma(z)."),
            ),
        ),
    ),
    "5.2": Exercise(
        kind="number",
        answer="float(xl.sigmoid(4.0) * xl.sigmoid(-4.0))",
        rtol=0.01,
        hint=N_("the slope is sigma(z) (1 - sigma(z)), the product of the value and its complement; "
                "the readout prints it as 'slope'."),
        mistakes=(
            (
                "float(xl.sigmoid(4.0))",
                N_("that is the value sigma(4), not the slope: multiply it by its complement 1 - sigma(4)."),
            ),
            (
                "float(xl.sigmoid(-4.0))",
                N_("that is 1 - sigma(4), only one of the slope's two factors."),
            ),
            (
                "0.25",
                N_("that is the slope at z = 0, its largest value; at z = 4 the tangent is much flatter."),
            ),
        ),
    ),
    "5.3": Exercise(
        kind="choice",
        answer="'a'",
        hint=N_("is exp(-40) huge or tiny? Then ask what 1 + exp(-40) is in float64."),
        mistakes=(
            (
                "'b'",
                N_("exp(-40) is tiny, not huge, and NumPy would have warned about an overflow. What "
                   "is 1 + exp(-40) in float64, and then 1 - sigma(40)?"),
            ),
            (
                "'c'",
                N_("scaling the logit would change the model, not the arithmetic. Ask how close to 1 "
                   "a float64 number below 1 can be."),
            ),
        ),
    ),
    "5.4": Exercise(
        kind="function",
        answer="sigmoid_slope",
        inputs=((0.0,), (2.0,), (-3.0,), (40.0,), (-40.0,), (1000.0,), (-1000.0,)),
        atol=0.0,  # the point is the tiny slopes far out: 4.2e-18 at z = 40 is not 0
        hint=N_("the slope is even, sigma'(z) = sigma'(-z). Compute it where exp can neither "
                "overflow (exp(1000) is inf, and inf/inf is nan) nor make 1 - sigma(z) round to 0."),
    ),
}
