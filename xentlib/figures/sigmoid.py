"""Figures and explorers of chapter 5, Sigmoid."""

import numpy as np

from .. import plotting, widgets
from .._i18n import N_, _
from ..activations import sigmoid

__all__ = ["sigmoid_curve", "sigmoid_explorer"]

SIGMOID_EXPLORER_CAPTION = N_(
    "Left: the sigmoid with the point (z, sigmoid(z)) and its tangent "
    "line. Right: the slope sigmoid'(z) = sigmoid(z)(1 - sigmoid(z)), a bell "
    "that peaks at 0.25 at z = 0 and is almost 0 beyond |z| = 5, where the "
    "tangent is nearly flat: the sigmoid is saturated."
)


def sigmoid_curve():
    """The sigmoid over the logits -20 ... 20, with the article's range shaded.

    The article plots the sigmoid at the integers 0 to 20 only, where it
    merely climbs from 1/2 towards 1; over negative logits too the whole S
    shape appears. The curve is drawn at 401 points, the integers are
    marked, and a dashed line marks probability 1/2.

    Returns
    -------
    matplotlib.figure.Figure
        One Axes: logit z on the x axis, the probability sigmoid(z) on the y axis.

    Examples
    --------
    >>> from xentlib import figures
    >>> figures.sigmoid_curve()
    <BookFigure size 640x360 with 1 Axes>
    """
    z_int = np.arange(-20, 21)
    z_fine = np.linspace(-20, 20, 401)
    with plotting.style():
        fig, ax = plotting.figure()
        ax.axvspan(0, 20, color=plotting.COLORS["sky"], alpha=0.15,
                   label=_("the article's range, z = 0 ... 20"))
        ax.plot(z_fine, sigmoid(z_fine), color=plotting.COLORS["blue"],
                label="sigmoid(z)")
        ax.plot(z_int, sigmoid(z_int), "o", markersize=4,
                color=plotting.COLORS["vermillion"], label=_("integer logits"))
        ax.axhline(0.5, color=plotting.COLORS["grey"], ls="--", lw=1)
        ax.set(xlabel=_("logit z"), ylabel=_("probability sigmoid(z)"),
               xlim=(-20.5, 20.5), ylim=(-0.03, 1.03))
        ax.legend(loc="upper left", fontsize=9)
    return fig


def sigmoid_explorer(values=None, caption=None):
    """The sigmoid's value and slope at a logit z chosen with a slider.

    Left panel: the sigmoid over -8 ... 8 with the point (z, sigmoid(z)) and
    its tangent line. Right panel: the slope sigmoid'(z) = sigmoid(z)
    sigmoid(-z) with the point at z. The readout prints sigmoid(z),
    sigmoid(-z) = 1 - sigmoid(z) and the slope, so that the reader can see
    the first two swap and the slope stay when z changes sign.

    Parameters
    ----------
    values : sequence of float, optional
        The slider's logits; default -8 ... 8 in steps of 0.5 (33 frames).
    caption : str, optional
        The figure's caption and text alternative; default
        :data:`SIGMOID_EXPLORER_CAPTION`, in the reader's language.

    Returns
    -------
    xentlib.widgets.Explorer
        The slider (labelled "logit z", starting at z = 2) and its frames.

    Examples
    --------
    >>> from xentlib import figures
    >>> figures.sigmoid_explorer(values=[-2.0, 0.0, 2.0])
    Explorer('logit z', 3 frames)
    """
    if values is None:
        values = np.linspace(-8, 8, 33)
    caption = _(SIGMOID_EXPLORER_CAPTION) if caption is None else caption

    def setup(axes):
        value_ax, slope_ax = axes
        zs = np.linspace(-8, 8, 400)
        sv = sigmoid(zs)
        value_ax.plot(zs, sv, color=plotting.COLORS["blue"])
        value_ax.set(xlabel=_("logit z"), ylabel="sigmoid(z)", xlim=(-8, 8),
                     ylim=(-0.1, 1.1))
        slope_ax.plot(zs, sv * (1 - sv), color=plotting.COLORS["green"])
        slope_ax.set(xlabel=_("logit z"), ylabel=_("slope sigmoid'(z)"), xlim=(-8, 8),
                     ylim=(-0.01, 0.27))
        (tangent,) = value_ax.plot([], [], color=plotting.COLORS["vermillion"],
                                   lw=1.5, animated=True)
        tangent.set_in_layout(False)
        point = plotting.marker(value_ax)
        slope_point = plotting.marker(slope_ax)
        slope_drop = plotting.drop_line(slope_ax)

        def update(v):
            sv, dv = float(sigmoid(v)), float(sigmoid(v) * sigmoid(-v))
            t = np.array([v - 3, v + 3])
            tangent.set_data(t, sv + dv * (t - v))
            point.set_data([v], [sv])
            slope_point.set_data([v], [dv])
            slope_drop.set_data([v, v], [0, dv])
            return _("z = {z:+.1f}:  sigmoid(z) = {s:.4f},  "
                     "sigmoid(-z) = {s_neg:.4f},  slope = {slope:.4f}").format(
                z=v, s=sv, s_neg=1 - sv, slope=dv)

        return update

    return widgets.explorer(setup, values, label=_("logit z"), value=2.0,
                            fmt="{:+.1f}", ncols=2, caption=caption)
