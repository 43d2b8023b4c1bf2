"""Figures and explorers of chapter 7, Multi-class vs multi-label classification."""

import numpy as np

from .. import plotting, widgets
from .._i18n import N_, _

__all__ = ["threshold_explorer"]

#: The source article's assumed sigmoid outputs for ten labels (numbered 0 to 9 here).
ARTICLE_OUTPUTS = (0.01, 0.05, 0.4, 0.6, 0.3, 0.1, 0.5, 0.4, 0.06, 0.8)

#: The slider positions of chapter 7's explorer: t = 0, 0.025, ..., 0.9
#: (0.3, 0.45 and 0.5 included, rounded so that they are exact decimals).
THRESHOLD_VALUES = np.round(np.linspace(0.0, 0.9, 37), 3)

THRESHOLD_CAPTION = N_(
    "Bars: the article's assumed sigmoid outputs for labels 0 to 9; "
    "the dashed line is the threshold t. Labels whose output is strictly "
    "above t are predicted and drawn in orange. Raising t removes labels one "
    "by one, from the smallest output up; at t = 0.3 five labels are "
    "predicted, and the label with output exactly 0.3 is not one of them."
)


def threshold_explorer(outputs=ARTICLE_OUTPUTS, values=None, value=0.3, caption=None):
    """Sigmoid outputs as bars and a threshold line that a slider moves.

    One grey bar per label, its value written above it; the dashed line is
    the threshold t. A label is predicted when its output is strictly
    greater than t (``outputs > t``), and its bar then turns orange. The
    line under the figure lists the predicted labels, numbered from 0.

    Parameters
    ----------
    outputs : sequence of float, optional
        The sigmoid outputs, one per label, in [0, 1]. Default: the article's
        ten assumed outputs, :data:`ARTICLE_OUTPUTS`.
    values : sequence of float, optional
        The slider positions, thresholds in [0, 1). Default: chapter 7's 37
        positions 0, 0.025, ..., 0.9.
    value : float, default 0.3
        The initial position (the nearest entry of ``values``): the article's
        threshold.
    caption : str, optional
        The figure's caption and text alternative; default :data:`THRESHOLD_CAPTION`,
        in the reader's language (it describes the default outputs).

    Returns
    -------
    xentlib.widgets.Explorer
        Display it as a cell's last expression.

    Examples
    --------
    >>> from xentlib import figures
    >>> figures.threshold_explorer(values=[0.2, 0.3, 0.45])
    Explorer('threshold t', 3 frames)
    """
    outputs = np.asarray(outputs, dtype=float)
    values = THRESHOLD_VALUES if values is None else values
    caption = _(THRESHOLD_CAPTION) if caption is None else caption

    def setup(ax):
        k = np.arange(len(outputs))
        bars = ax.bar(k, outputs, width=0.6, animated=True, color=plotting.COLORS["grey"])
        for i, v in zip(k, outputs):
            ax.text(i, v + 0.02, f"{v:g}", ha="center", va="bottom", fontsize=9)
        line = ax.axhline(0.3, color=plotting.COLORS["vermillion"], ls="--", animated=True)
        ax.set(xticks=k, ylim=(0, 1.0), xlabel=_("label"), ylabel=_("sigmoid output"))

        def update(t):  # what moves with the slider
            chosen = outputs > t  # strictly greater: an output equal to t is not predicted
            for bar, yes in zip(bars, chosen):
                bar.set_color(plotting.COLORS["orange" if yes else "grey"])
            line.set_ydata([t, t])
            labels = np.flatnonzero(chosen).tolist()
            return _("threshold t = {t:.3f}:  predicted labels (ŷ > t) {labels}, {n} of {total}").format(
                t=t, labels=labels, n=len(labels), total=len(outputs))

        return update

    return widgets.explorer(setup, values, label=_("threshold t"), value=value, fmt="{:.3f}", caption=caption)
