"""Checks for the exercises of chapter 1, Information."""

from .._i18n import N_
from . import Exercise


def secret_bits(n_symbols, length):
    """Bits of information in a uniformly random string (exercise 1.4).

    Each symbol carries log2(n_symbols) bits and the symbols' information adds
    up: no probability of the whole string is formed (1 / 10**400 would
    underflow to 0.0 and give inf).
    """
    import xentlib as xl

    return length * float(xl.information(1 / n_symbols, base=2))


EXERCISES = {
    "1.1": Exercise(
        kind="number",
        answer="float(xl.information(1 / 6, base=2))",
        unit=N_("bits"),
        hint=N_("what is the probability of a six, and how does this chapter turn a probability "
                "into information? Bits need a logarithm to base 2 (base=2 in xentlib)."),
        mistakes=(
            (
                "float(xl.information(1 / 6))",
                N_("that is the information in nats (natural logarithm); the question asks for bits."),
            ),
            (
                "float(-np.log10(1 / 6))",
                N_("that logarithm has base 10; bits need base 2."),
            ),
            ("1 / 6", N_("that is the probability of a six, not its information: take -log of it.")),
            (
                "float(np.log2(1 / 6))",
                N_("the sign: log p is negative for p < 1, and information, -log p, is not."),
            ),
        ),
    ),
    "1.2": Exercise(
        kind="number",
        answer="float(xl.information(0.25) - xl.information(0.5))",
        unit=N_("nats"),
        hint=N_("read I in nats at p = 0.5 and at p = 0.25 (the left axis, or the line under the "
                "figure) and subtract the first from the second."),
        mistakes=(
            (
                "float(xl.information(0.25, base=2) - xl.information(0.5, base=2))",
                N_("that is the growth in bits; the question asks for nats."),
            ),
            (
                "float(xl.information(0.25))",
                N_("that is the information at p = 0.25; the question asks how much it grew from "
                   "its value at p = 0.5."),
            ),
            (
                "float(xl.information(0.25) / xl.information(0.5))",
                N_("that is the ratio of the two values; the question asks for their difference."),
            ),
            (
                "float(xl.information(0.5) - xl.information(0.25))",
                N_("the sign: a less likely event carries more information, so the value grows."),
            ),
        ),
    ),
    "1.3": Exercise(
        kind="choice",
        answer="'c'",
        hint=N_("ask what each number *means*: how surprising is an outcome of probability 1? "
                "Of probability 0? A warning is not an error."),
        mistakes=(
            (
                "'a'",
                N_("an outcome of probability 0 cannot happen; if it did, how surprised would you "
                   "be? -log p grows without bound as p goes to 0."),
            ),
            (
                "'b'",
                N_("information depends on the outcome's probability, not on how many sides the "
                   "coin has; what is the probability of tails here?"),
            ),
        ),
    ),
    "1.4": Exercise(
        kind="function",
        answer="secret_bits",
        inputs=((10, 4), (26, 8), (2, 1), (62, 12), (1, 8), (10, 400), (256, 200)),
        hint=N_("each symbol is an independent uniform choice among n_symbols: how many bits "
                "does one carry? Information of independent events adds up. (The probability of a "
                "long string, such as 400 digits, is too small for a float: it rounds to 0.)"),
    ),
}
