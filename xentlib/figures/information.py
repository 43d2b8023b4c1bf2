"""Figures and explorers of chapter 1, Information."""

import numpy as np

from .. import plotting, widgets
from .._i18n import N_, _
from ..information import information

__all__ = ["information_explorer"]

#: The slider positions of chapter 1's explorer: p = 0.025, 0.050, ..., 1.
INFORMATION_VALUES = np.linspace(0.025, 1.0, 40)

INFORMATION_CAPTION = N_(
    "The curve I(p) = -ln p falls steeply from large values near p = 0 to 0 at "
    "p = 1 (left axis in nats, right axis in bits); the point and the dotted line "
    "under it mark the slider's probability p."
)


def information_explorer(values=None, value=0.5, caption=None):
    """The curve I(p) = -ln p with a point that follows a probability slider.

    The static part is :func:`xentlib.plotting.information_curve` (nats on the
    left axis, bits on the right). A point and a dotted drop line mark the
    slider's p, a label at the top of the axes prints I(p) in both units, and
    the line under the figure repeats it with four decimals.

    Parameters
    ----------
    values : sequence of float, optional
        The slider positions, probabilities in (0, 1]. Default: chapter 1's
        40 positions 0.025, 0.050, ..., 1 (0.5, 0.25 and 0.125 included).
    value : float, default 0.5
        The initial position (the nearest entry of ``values``).
    caption : str, optional
        The figure's caption and text alternative; default :data:`INFORMATION_CAPTION`,
        in the reader's language.

    Returns
    -------
    xentlib.widgets.Explorer
        Display it as a cell's last expression.

    Examples
    --------
    >>> from xentlib import figures
    >>> figures.information_explorer(values=[0.25, 0.5, 1.0])
    Explorer('probability p', 3 frames)
    """
    values = INFORMATION_VALUES if values is None else values
    caption = _(INFORMATION_CAPTION) if caption is None else caption

    def setup(ax):
        plotting.information_curve(ax)  # the static curve
        point, drop = plotting.marker(ax), plotting.drop_line(ax)
        label = ax.text(0.5, 0.92, "", transform=ax.transAxes, ha="center", animated=True)

        def update(p):  # what moves with the slider
            nats = float(information(p))
            bits = nats / np.log(2)
            point.set_data([p], [nats])
            drop.set_data([p, p], [0, nats])
            label.set_text(_("I({p:.3f}) = {nats:.3f} nats = {bits:.3f} bits").format(
                p=p, nats=nats, bits=bits))
            return _("p = {p:.3f}:  I(p) = -ln p = {nats:.4f} nats = {bits:.4f} bits").format(
                p=p, nats=nats, bits=bits)

        return update

    return widgets.explorer(setup, values, label=_("probability p"), value=value, fmt="{:.3f}",
                            caption=caption)
