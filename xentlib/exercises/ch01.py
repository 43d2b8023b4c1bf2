"""Checks for the exercises of chapter 1, Information."""

from . import Exercise


def secret_bits(n_symbols, length):
    """Bits of information in a uniformly random string (exercise 1.4)."""
    import xentlib as xl

    return length * float(xl.information(1 / n_symbols, base=2))


EXERCISES = {
    "1.1": Exercise(
        kind="number",
        answer="float(xl.information(1 / 6, base=2))",
        unit="bits",
        hint="bits mean base 2: pass base=2 to xl.information (1.79 is ln 6, in nats).",
    ),
    "1.2": Exercise(
        kind="number",
        answer="float(xl.information(0.25) - xl.information(0.5))",
        unit="nats",
        hint="read I in nats at p = 0.5 and at p = 0.25 and subtract; halving p multiplies "
        "it by 1/2, and -log turns that factor into an added constant.",
    ),
    "1.3": Exercise(
        kind="choice",
        answer="'b'",
        hint="ask what each number *means*: how surprising is an outcome of probability 1? "
        "Of probability 0? A warning is not an error.",
    ),
    "1.4": Exercise(
        kind="function",
        answer="secret_bits",
        inputs=((10, 4), (26, 8), (2, 1), (62, 12)),
        hint="each character is an independent uniform choice among n_symbols, so its "
        "information is log2(n_symbols) bits, and information of independent events adds up.",
    ),
}


