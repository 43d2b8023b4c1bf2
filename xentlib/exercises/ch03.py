"""Checks for the exercises of chapter 3, KL divergence."""

from . import Exercise


def kl_nats(p, q):
    """KL divergence D_KL(p || q) in nats, zeros handled (exercise 3.4).

    The reference is xentlib's stable KL; the chapter's solution writes it by
    hand, selecting the outcomes with p > 0 before taking the logarithm.
    """
    import xentlib as xl

    return float(xl.kl_divergence(p, q))


EXERCISES = {
    "3.1": Exercise(
        kind="number",
        answer="float(xl.kl_divergence([1, 0, 0], [0.9, 0.05, 0.05], base=2))",
        unit="bits",
        hint="with the label P = [1, 0, 0] only the first term of the sum counts; and the "
        "question asks for bits, so pass base=2 (the natural log gives nats).",
    ),
    "3.2": Exercise(
        kind="number",
        answer="float(xl.kl_divergence([1, 0], [0.3, 0.7]))",
        unit="nats",
        hint="at q = 1, Q = [1, 0]. The order whose sum has a term p log(p/0) with p > 0 is "
        "the infinite one; the other averages over Q's single outcome, outcome 1, which P "
        "gives probability 0.3. Use the natural log (nats).",
    ),
    "3.3": Exercise(
        kind="choice",
        answer="'b'",
        hint="can KL ever be negative (Gibbs' inequality)? And where are the zeros in the "
        "article's example: in p or in q?",
    ),
    "3.4": Exercise(
        kind="function",
        answer="kl_nats",
        inputs=(
            ([1, 0, 0], [0.7, 0.2, 0.1]),
            ([0.7, 0.2, 0.1], [1, 0, 0]),
            ([0.7, 0.2, 0.1], [1 / 3, 1 / 3, 1 / 3]),
            ([0.3, 0.7], [0.3, 0.7]),
            ([0.25, 0.25, 0.5], [0.5, 0.5, 0.0]),
            ([0.0, 0.5, 0.5], [0.5, 0.25, 0.25]),
        ),
        hint="sum p_i log(p_i / q_i) in nats over the outcomes with p_i > 0 only (select them "
        "before taking the log, so 0 log 0 never appears), and return np.inf when one of "
        "those outcomes has q_i = 0. Mind the order: p is the first argument.",
    ),
}
