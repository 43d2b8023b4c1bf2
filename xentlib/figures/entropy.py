"""Figures and explorers of chapter 2, Entropy."""

import numpy as np

from .. import plotting, widgets
from .._i18n import N_, _
from ..information import binary_entropy, entropy

__all__ = ["binary_entropy_explorer", "three_outcomes", "three_outcomes_explorer"]

#: The slider positions of the binary entropy explorer: p = 0, 0.025, ..., 1.
BINARY_VALUES = np.linspace(0, 1, 41)

BINARY_CAPTION = N_(
    "The binary entropy H(p) rises from 0 at p = 0 to its maximum, "
    "ln 2 nats = 1 bit (dashed line), at p = 1/2, and falls back to 0 "
    "at p = 1, symmetrically (left axis in nats, right axis in bits); "
    "the point and the dotted line under it mark the slider's p."
)

#: The slider positions of the three-outcome explorer: steps of 1/30 (1/3 and 0.7 included).
THREE_VALUES = np.linspace(0, 1, 31)
#: The values of its live-only share_B slider: steps of 1/12 (1/2 and 2/3 included).
THREE_SHARES = np.linspace(0, 1, 13)

THREE_CAPTION = N_(
    "Left: the probabilities of A, B and C as bars; the dotted line "
    "is 1/3, the uniform level. Right: the entropy of every "
    "distribution on the slider's path (B and C sharing what A leaves "
    "in the ratio set by share_B), in nats on the left axis and bits "
    "on the right; the dashed line is the largest possible value, "
    "ln 3 nats = log2 3 bits, and the point marks the slider's "
    "distribution."
)


def binary_entropy_explorer(values=None, value=0.5, caption=None):
    """The binary entropy curve H(p) with a point that follows a slider over p.

    The curve is drawn in nats (left axis) and read in bits on the right; a
    dashed line marks its maximum, ln 2 nats = 1 bit at p = 1/2. A point and a
    dotted drop line mark the slider's p, and the line under the figure prints
    H(p) in nats and in bits.

    Parameters
    ----------
    values : sequence of float, optional
        The slider positions, probabilities in [0, 1]. Default: chapter 2's
        41 positions 0, 0.025, ..., 1 (0.5, 0.6 and 0.9 included).
    value : float, default 0.5
        The initial position (the nearest entry of ``values``).
    caption : str, optional
        The figure's caption and text alternative; default :data:`BINARY_CAPTION`,
        in the reader's language.

    Returns
    -------
    xentlib.widgets.Explorer
        Display it as a cell's last expression.

    Examples
    --------
    >>> from xentlib import figures
    >>> figures.binary_entropy_explorer(values=[0.0, 0.5, 0.9])
    Explorer('probability of heads p', 3 frames)
    """
    values = BINARY_VALUES if values is None else values
    caption = _(BINARY_CAPTION) if caption is None else caption

    def setup(ax):
        grey = plotting.COLORS["grey"]
        grid = np.linspace(0, 1, 401)  # the static part
        ax.plot(grid, binary_entropy(grid), color=plotting.COLORS["blue"])
        ax.axhline(np.log(2), color=grey, linestyle="--", linewidth=1)
        ax.text(0.01, np.log(2) + 0.015, _("maximum: ln 2 nats = 1 bit"), color=grey)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 0.8)
        ax.set_xlabel(_("probability of heads, p"))
        ax.set_ylabel(_("entropy (nats)"))
        plotting.add_bits_axis(ax, _("entropy (bits)"))
        point, drop = plotting.marker(ax), plotting.drop_line(ax)

        def update(p):  # what moves
            nats = float(binary_entropy(p))
            bits = nats / np.log(2)
            point.set_data([p], [nats])
            drop.set_data([p, p], [0, nats])
            return _("p = {p:.3f}:  H(p) = {nats:.4f} nats = {bits:.4f} bits").format(
                p=p, nats=nats, bits=bits)

        return update

    return widgets.explorer(
        setup, values, label=_("probability of heads p"), value=value, fmt="{:.3f}", caption=caption
    )


def three_outcomes(p_a, share_b):
    """The distribution (p_A, p_B, p_C) in which B takes the fraction ``share_b`` of what A leaves.

    Parameters
    ----------
    p_a : float or array_like
        Probability of A, in [0, 1].
    share_b : float
        The fraction of the remaining probability 1 - p_A that goes to B; C gets the rest.

    Returns
    -------
    ndarray
        Shape ``np.shape(p_a) + (3,)``: the three probabilities along the last axis.

    Examples
    --------
    >>> from xentlib import figures
    >>> figures.three_outcomes(0.7, 2 / 3).round(4)      # the article's distribution
    array([0.7, 0.2, 0.1])
    >>> figures.three_outcomes([0.0, 1 / 3], 0.5).round(4)
    array([[0.    , 0.5   , 0.5   ],
           [0.3333, 0.3333, 0.3333]])
    """
    p_a = np.asarray(p_a, dtype=float)
    rest = 1 - p_a
    return np.stack([p_a, share_b * rest, (1 - share_b) * rest], axis=-1)


def three_outcomes_explorer(values=None, shares=None, value=0.7, share_b=0.5, caption=None):
    """Three outcomes A, B, C: bars of the distribution and its entropy along a path.

    The slider sets p_A; B and C share the rest, B taking the fraction
    ``share_B`` (a second slider, live in a notebook only; the website shows
    ``share_b``). Left panel: the three probabilities as bars, with the uniform
    level 1/3 dotted. Right panel: the entropy, in nats (bits on the right
    axis), of every distribution on the path, its maximum ln 3 dashed, and a
    point at the slider's distribution.

    Parameters
    ----------
    values : sequence of float, optional
        The slider positions of p_A. Default: chapter 2's 31 positions in
        steps of 1/30, which include 1/3 and 0.7.
    shares : sequence of float, optional
        The positions of the live-only ``share_B`` slider. Default: 13 in
        steps of 1/12, which include 1/2 and 2/3.
    value : float, default 0.7
        The initial p_A (the nearest entry of ``values``).
    share_b : float, default 0.5
        The initial share of B (with 1/2 the path runs through the uniform distribution).
    caption : str, optional
        The figure's caption and text alternative; default :data:`THREE_CAPTION`,
        in the reader's language.

    Returns
    -------
    xentlib.widgets.Explorer
        Display it as a cell's last expression.

    Examples
    --------
    >>> from xentlib import figures
    >>> figures.three_outcomes_explorer(values=[0.0, 1 / 3, 0.7], shares=[0.5, 2 / 3])
    Explorer('probability of A, p_A', 3 frames)
    """
    values = THREE_VALUES if values is None else values
    shares = THREE_SHARES if shares is None else shares
    caption = _(THREE_CAPTION) if caption is None else caption

    def setup(axes):
        bar_ax, h_ax = axes
        grey = plotting.COLORS["grey"]
        colors = [plotting.COLORS[c] for c in ("blue", "orange", "green")]
        bars = bar_ax.bar(["A", "B", "C"], [0, 0, 0], color=colors, animated=True)
        tops = [bar_ax.text(i, 0, "", ha="center", va="bottom", animated=True) for i in range(3)]
        bar_ax.axhline(1 / 3, color=grey, linestyle=":", linewidth=1.5)
        bar_ax.set_ylim(0, 1.12)
        bar_ax.set_ylabel(_("probability"))
        bar_ax.set_title(_("the distribution"))

        grid = np.linspace(0, 1, 301)
        (curve,) = h_ax.plot([], [], color=plotting.COLORS["blue"], animated=True)
        h_ax.axhline(np.log(3), color=grey, linestyle="--", linewidth=1)
        h_ax.text(0.99, np.log(3) + 0.03, _("max: ln 3"), ha="right", color=grey)
        h_ax.set_xlim(0, 1)
        h_ax.set_ylim(0, 1.3)
        h_ax.set_xlabel(_("probability of A, $p_A$"))
        h_ax.set_ylabel(_("entropy (nats)"))
        h_ax.set_title(_("its entropy"))
        plotting.add_bits_axis(h_ax, _("entropy (bits)"))
        point, drop = plotting.marker(h_ax), plotting.drop_line(h_ax)

        def update(p_a, share_B=share_b):  # noqa: N803 (the slider's name, as the reader sees it)
            q = three_outcomes(p_a, share_B)
            for bar, top, qi in zip(bars, tops, q):
                bar.set_height(qi)
                top.set_y(qi)
                top.set_text(f"{qi:.2f}")
            curve.set_data(grid, entropy(three_outcomes(grid, share_B)))
            nats = float(entropy(q))
            point.set_data([p_a], [nats])
            drop.set_data([p_a, p_a], [0, nats])
            return _("p = ({a:.3f}, {b:.3f}, {c:.3f}):  H = {nats:.4f} nats = {bits:.4f} bits").format(
                a=q[0], b=q[1], c=q[2], nats=nats, bits=nats / np.log(2))

        return update

    return widgets.explorer(
        setup, values, label=_("probability of A, p_A"), value=value, fmt="{:.3f}",
        extra={"share_B": (shares, share_b)}, ncols=2, width=6.8, height=3.4, caption=caption,
    )
