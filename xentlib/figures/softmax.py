"""Figures and explorers of chapter 6, Softmax."""

import numpy as np

from .. import plotting, widgets
from .._i18n import N_, _
from ..activations import softmax
from ..information import entropy

__all__ = ["softmax_of_integers", "temperature_explorer"]

TEMPERATURE_EXPLORER_CAPTION = N_(
    "Bars: the softmax of the logits (2, 3, 5, 6) divided by the "
    "temperature T; the dashed line is the uniform distribution. At small T "
    "almost all the probability goes to the largest logit (the argmax); at "
    "large T the bars level out towards 1/4 and the entropy approaches log 4."
)


def softmax_of_integers(n=21):
    """The softmax of the logits 0, 1, ..., n - 1, each output against its logit.

    The article's plot (n = 21), on a linear scale (left) and a log scale
    (right). On the log scale the points lie on a straight line, because
    log softmax(z)_j = z_j - LSE(z) is the logit minus a constant.

    Parameters
    ----------
    n : int
        Number of logits.

    Returns
    -------
    matplotlib.figure.Figure
        Two Axes: logit z on the x axes, the softmax output on the y axes.

    Examples
    --------
    >>> from xentlib import figures
    >>> figures.softmax_of_integers(5)
    <BookFigure size 640x360 with 2 Axes>
    """
    z = np.arange(float(n))
    p = softmax(z)
    titles = {"linear": _("linear scale"), "log": _("log scale")}
    with plotting.style():
        fig, axes = plotting.figure(ncols=2)
        for ax, scale in zip(axes, ("linear", "log")):
            ax.plot(z, p, "o-", color=plotting.COLORS["blue"], markersize=4)
            ax.set(xlabel=_("logit z"), ylabel=_("softmax output"), yscale=scale,
                   title=titles[scale])
    return fig


def temperature_explorer(values=None, logits=(2.0, 3.0, 5.0, 6.0), caption=None):
    """softmax(z / T) as bars, for a temperature T chosen with a slider.

    Each bar is one class's probability, labelled with its value; a dashed
    line marks the uniform distribution 1/K. The readout prints the
    probabilities and their entropy in nats beside its largest possible
    value, log K.

    Parameters
    ----------
    values : sequence of float, optional
        The slider's temperatures; default 33 values from 0.1 to 10, evenly
        spaced on a log scale.
    logits : sequence of float
        The logits z; default the article's (2, 3, 5, 6).
    caption : str, optional
        The figure's caption and text alternative; default
        :data:`TEMPERATURE_EXPLORER_CAPTION`, in the reader's language (it
        describes the default logits).

    Returns
    -------
    xentlib.widgets.Explorer
        The slider (labelled "temperature T", starting at T = 1) and its frames.

    Examples
    --------
    >>> from xentlib import figures
    >>> figures.temperature_explorer(values=[0.1, 1.0, 10.0])
    Explorer('temperature T', 3 frames)
    """
    if values is None:
        values = 10 ** np.linspace(-1, 1, 33)
    z = np.asarray(logits, dtype=float)
    k_classes = len(z)
    h_max = float(np.log(k_classes))
    caption = _(TEMPERATURE_EXPLORER_CAPTION) if caption is None else caption

    def setup(ax):
        k = np.arange(k_classes)
        ax.axhline(1 / k_classes, color=plotting.COLORS["grey"], ls="--",
                   label=_("uniform, 1/{k}").format(k=k_classes))
        ax.set(xticks=k, xticklabels=[f"z = {v:g}" for v in z], ylim=(0, 1.1),
               ylabel=_("probability"), xlabel=_("class (logit)"))
        bars = ax.bar(k, np.zeros(k_classes), width=0.6, animated=True,
                      color=plotting.COLORS["blue"], label="softmax(z / T)")
        labels = [ax.text(i, 0, "", ha="center", va="bottom", fontsize=9,
                          animated=True) for i in k]
        ax.legend(loc="upper left")

        def update(t):
            q = softmax(z / t)
            for bar, label, v in zip(bars, labels, q):
                bar.set_height(v)
                label.set_y(v + 0.01)
                label.set_text(f"{v:.3f}")
            h = float(entropy(q))
            return _("T = {t:.3g}:  p = ({p}),  entropy {h:.4f} nats (uniform: {h_max:.4f})").format(
                t=t, p=", ".join(f"{v:.4f}" for v in q), h=h, h_max=h_max)

        return update

    return widgets.explorer(setup, values, label=_("temperature T"), value=1.0,
                            fmt="{:.3g}", caption=caption)
