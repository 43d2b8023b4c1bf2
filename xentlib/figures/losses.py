"""Figures and explorers of chapter 8, The losses computed from logits.

The chapter's notation: ``z`` is a logit and ``y`` a label (TensorFlow's
documentation writes ``x`` for the logit and ``z`` for the label).
"""

import numpy as np

from .. import plotting, widgets
from .._i18n import N_, _
from ..activations import sigmoid
from ..gradients import sigmoid_cross_entropy_with_logits_grad
from ..losses import sigmoid_cross_entropy_with_logits

__all__ = ["sigmoid_cross_entropy_explorer", "float32_steps"]

#: The chapter's slider positions: logits from -6 to 6 in steps of 0.5.
LOGITS = np.linspace(-6, 6, 25)

CAPTION = N_(
    "Left: the sigmoid cross-entropy of a logit z for the label y = 1 "
    "(falling curve) and y = 0 (rising curve); far from the right answer each "
    "becomes a straight line, of slope -1 for y = 1 and +1 for y = 0. Right: the "
    "gradient sigmoid(z) - y, "
    "between -1 and 0 for y = 1 and between 0 and 1 for y = 0; it is largest "
    "in size where the prediction is most wrong and fades to 0 where it is "
    "right."
)


def sigmoid_cross_entropy_explorer(values=None, caption=None):
    """The sigmoid cross-entropy of one logit and its gradient, for both labels.

    Left panel: the loss :math:`\\max(z, 0) - zy + \\log(1 + e^{-|z|})` as a
    function of the logit :math:`z`, for the label :math:`y = 1` (blue) and
    :math:`y = 0` (orange). Right panel: its gradient
    :math:`\\sigma(z) - y`. A dot on each curve follows the slider, and the
    readout prints :math:`\\sigma(z)` and, for each label, the loss and the
    gradient at that logit.

    Parameters
    ----------
    values : sequence of float, optional
        The slider's logits; default the chapter's 25 values from -6 to 6.
    caption : str, optional
        The figure's caption and text alternative; default :data:`CAPTION`,
        in the reader's language.

    Returns
    -------
    Explorer
        The slider and its precomputed frames (:func:`xentlib.widgets.explorer`).

    Examples
    --------
    >>> from xentlib import figures
    >>> figures.sigmoid_cross_entropy_explorer(values=[-2.0, 0.0, 2.0])
    Explorer('logit z', 3 frames)
    """
    caption = _(CAPTION) if caption is None else caption
    grid = np.linspace(-6, 6, 241)
    blue, orange = plotting.COLORS["blue"], plotting.COLORS["orange"]

    def setup(axes):
        left, right = axes
        marks = []
        for y, color in ((1.0, blue), (0.0, orange)):
            ys = np.full_like(grid, y)
            left.plot(grid, sigmoid_cross_entropy_with_logits(ys, grid), color=color, label=f"y = {y:g}")
            right.plot(grid, sigmoid_cross_entropy_with_logits_grad(ys, grid), color=color, label=f"y = {y:g}")
            marks.append(
                (
                    y,
                    left.plot([], [], "o", color=color, animated=True)[0],
                    right.plot([], [], "o", color=color, animated=True)[0],
                )
            )
        right.axhline(0, color=plotting.COLORS["grey"], lw=0.8)
        left.set(xlabel=_("logit z"), ylabel=_("loss (nats)"), ylim=(0, 6.5), title=_("sigmoid cross-entropy"))
        right.set(xlabel=_("logit z"), ylabel=_("gradient"), ylim=(-1.1, 1.1), title=_("gradient sigmoid(z) - y"))
        left.legend(loc="upper center")

        def update(z):
            at = {}  # label y -> (loss, gradient) at z
            for y, dot_left, dot_right in marks:
                loss = float(sigmoid_cross_entropy_with_logits(y, z))
                grad = float(sigmoid_cross_entropy_with_logits_grad(y, z))
                dot_left.set_data([z], [loss])
                dot_right.set_data([z], [grad])
                at[y] = (loss, grad)
            (loss_1, grad_1), (loss_0, grad_0) = at[1.0], at[0.0]
            return _(
                "z = {z:+.1f}: sigmoid(z) = {s:.4f};  y = 1: loss {loss_1:.4f}, gradient {grad_1:+.4f};  "
                "y = 0: loss {loss_0:.4f}, gradient {grad_0:+.4f}"
            ).format(z=z, s=sigmoid(z), loss_1=loss_1, grad_1=grad_1, loss_0=loss_0, grad_0=grad_0)

        return update

    return widgets.explorer(
        setup,
        LOGITS if values is None else values,
        label=_("logit z"),
        value=0.0,
        fmt="{:+.1f}",
        ncols=2,
        height=3.4,
        caption=caption,
    )


def float32_steps(values, reference):
    """How many float32 steps (ulps) ``values`` lie from ``reference``.

    Parameters
    ----------
    values, reference : array_like
        float32 numbers of the same shape; ``reference`` sets the step, the
        spacing of float32 numbers at each of its entries.

    Returns
    -------
    ndarray of int
        ``(values - reference) / spacing(reference)``: 0 where they are the
        same float32, 1 or -1 one step above or below, and so on.

    Examples
    --------
    >>> import numpy as np
    >>> one = np.float32(1.0)
    >>> float32_steps([one, np.nextafter(one, np.float32(2))], [one, one]).tolist()
    [0, 1]
    """
    values = np.asarray(values, dtype=np.float32)
    reference = np.asarray(reference, dtype=np.float32)
    steps = (values.astype(np.float64) - reference) / np.spacing(reference).astype(np.float64)
    return np.rint(steps).astype(int)
