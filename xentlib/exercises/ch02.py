"""Checks for the exercises of chapter 2, Entropy."""

from . import Exercise


def entropy_bits(counts):
    """Entropy, in bits, of the frequencies given by counts (exercise 2.4)."""
    import xentlib as xl

    return float(xl.entropy(counts, normalize=True, base=2))


EXERCISES = {
    "2.1": Exercise(
        kind="number",
        answer="float(xl.entropy([1 / 2, 1 / 4, 1 / 8, 1 / 8], base=2))",
        unit="bits",
        hint="weight each outcome's information -log2 p by its probability p and add up, or "
        "pass the four probabilities to xl.entropy with base=2 (1.21 would be nats).",
    ),
    "2.2": Exercise(
        kind="number",
        answer="float(xl.binary_entropy(0.9, base=2))",
        unit="bits",
        hint="move the slider to p = 0.900 (or 0.100: the curve is symmetric) and read the "
        "value in bits on the line under the figure, not the one in nats.",
    ),
    "2.3": Exercise(
        kind="choice",
        answer="'b'",
        hint="what is p log p when p tends to 0? An outcome that never happens is never "
        "received, so how much can it add to the average?",
    ),
    "2.4": Exercise(
        kind="function",
        answer="entropy_bits",
        inputs=(((35, 10, 5),), ((1, 1),), ((0, 3, 1),), ((2, 0, 2, 4),), ((5, 5, 5, 5, 5, 5),)),
        hint="divide the counts by their total to get probabilities, use log base 2, and let "
        "zero counts contribute 0 (xl.entropy has a normalize option).",
    ),
}
