"""Figures and explorers of chapter 4, Cross-entropy."""

import numpy as np

from .. import plotting, widgets
from .._i18n import N_, _
from ..activations import sigmoid
from ..gradients import sigmoid_cross_entropy_with_logits_grad
from ..information import cross_entropy, entropy, kl_divergence
from ..losses import sigmoid_cross_entropy_with_logits

__all__ = [
    "sigmoid_squared_error_grad",
    "entropy_plus_kl_explorer",
    "loss_and_gradient_explorer",
    "loss_curves",
    "training_accuracy",
]

#: The slider positions of the entropy-plus-KL explorer: q1 = 0.025, 0.050, ..., 0.975.
PREDICTIONS = np.linspace(0.025, 0.975, 39)

ENTROPY_PLUS_KL_CAPTION = N_(
    "Left: the cross-entropy H(p, q) against the prediction q1 for the "
    "fixed labels p = (0.7, 0.3), lowest at q1 = 0.7 where it equals the entropy H(p) "
    "(dashed). Right: a bar stacking H(p), which never moves, and KL(p||q), which "
    "grows as q1 moves away from 0.7."
)

#: The slider positions of the loss-and-gradient explorer: logits -8, -7.5, ..., 8.
LOGITS = np.linspace(-8, 8, 33)

LOSS_AND_GRADIENT_CAPTION = N_(
    "Left: cross-entropy (blue) and squared error (orange) of a sigmoid output "
    "against the logit z, for label 1 (solid) and label 0 (dashed). Right: their "
    "gradients with respect to z. Far on the wrong side, the cross-entropy grows like "
    "|z| and its gradient stays near -1 or +1, while the squared error flattens out "
    "at 1 and its gradient goes to 0."
)


def sigmoid_squared_error_grad(labels, logits):
    r"""Gradient of the squared error :math:`(\sigma(z) - y)^2` with respect to the logit z.

    Parameters
    ----------
    labels : array_like
        Labels :math:`y \in [0, 1]`.
    logits : array_like
        Logits :math:`z`, the same shape as ``labels``.

    Returns
    -------
    ndarray
        :math:`2(\sigma(z) - y)\,\sigma(z)(1 - \sigma(z))`, elementwise: the
        cross-entropy gradient :math:`\sigma(z) - y` times :math:`2\sigma'(z)`.

    Notes
    -----
    The factor :math:`1 - \sigma(z)` is evaluated as :math:`\sigma(-z)` and
    :math:`\sigma(z) - y` by
    :func:`~xentlib.sigmoid_cross_entropy_with_logits_grad`, so neither is
    a difference of two numbers near 1: at :math:`z = 40` with label 0 the
    gradient is :math:`8.5 \times 10^{-18}`, not the 0 that
    ``2 * s * s * (1 - s)`` gives once ``s`` has rounded to 1.

    Examples
    --------
    >>> from xentlib import figures
    >>> figures.sigmoid_squared_error_grad([1.0, 1.0, 0.0], [-6.0, 0.0, 40.0])
    array([-4.92082109e-03, -2.50000000e-01,  8.49670852e-18])
    """
    logits = np.asarray(logits, dtype=float)
    slope = sigmoid(logits) * sigmoid(-logits)  # sigma'(z), with no 1 - sigma(z) to round
    return 2 * sigmoid_cross_entropy_with_logits_grad(labels, logits) * slope


def entropy_plus_kl_explorer(p=(0.7, 0.3), values=None, value=0.4, caption=None):
    """Cross-entropy as entropy plus KL divergence, for a two-outcome prediction on a slider.

    Left panel: the cross-entropy :math:`H(p, q)` of fixed labels ``p``
    against the prediction :math:`q = (q_1, 1 - q_1)`, with the entropy
    :math:`H(p)` dashed and a point at the slider's :math:`q_1`. Right panel:
    a bar stacking :math:`H(p)` (fixed by the labels) and
    :math:`D_{KL}(p\\|q)` (the model's part). The readout prints all three in
    nats. Values above 3 nats are drawn at the top of the axes.

    Parameters
    ----------
    p : pair of float, default (0.7, 0.3)
        The label distribution.
    values : sequence of float, optional
        The slider positions, predictions :math:`q_1` in (0, 1). Default:
        chapter 4's 39 positions 0.025, 0.050, ..., 0.975.
    value : float, default 0.4
        The initial position (the nearest entry of ``values``).
    caption : str, optional
        The figure's caption and text alternative; default
        :data:`ENTROPY_PLUS_KL_CAPTION`, in the reader's language.

    Returns
    -------
    xentlib.widgets.Explorer
        Display it as a cell's last expression.

    Examples
    --------
    >>> from xentlib import figures
    >>> figures.entropy_plus_kl_explorer(values=[0.2, 0.7, 0.9])
    Explorer('prediction q1', 3 frames)
    """
    P = np.asarray(p, dtype=float)
    values = PREDICTIONS if values is None else values
    caption = _(ENTROPY_PLUS_KL_CAPTION) if caption is None else caption

    def setup(axes):
        curve, bar = axes
        q1 = np.linspace(0.005, 0.995, 400)
        Q = np.column_stack([q1, 1 - q1])
        curve.plot(q1, cross_entropy(np.broadcast_to(P, Q.shape), Q), label="H(p, q)")
        curve.axhline(entropy(P), color=plotting.COLORS["grey"], ls="--", label="H(p)")
        curve.set(xlabel=_("prediction q1"), ylabel=_("nats"), ylim=(0, 3), xlim=(0, 1))
        curve.legend(loc="upper center")
        point = plotting.marker(curve)
        bar.set(xlim=(-0.6, 0.6), ylim=(0, 3), xticks=[], ylabel=_("nats"))
        h = float(entropy(P))
        bar.bar(0, h, width=0.6, color=plotting.COLORS["sky"], label=_("H(p): fixed by the labels"))
        kl = bar.bar(0, 0, bottom=h, width=0.6, color=plotting.COLORS["vermillion"],
                     label=_("KL(p||q): the model's part"), animated=True)[0]
        bar.legend(loc="upper center", fontsize=8)

        def update(q):  # what moves
            Qv = np.array([q, 1 - q])
            d, total = float(kl_divergence(P, Qv)), float(cross_entropy(P, Qv))
            point.set_data([q], [min(total, 3)])
            kl.set_height(min(d, 3 - h))
            return _("q = ({q1:.3f}, {q2:.3f}):  H(p, q) = {total:.4f} = H(p) {h:.4f} + KL {d:.4f} nats").format(
                q1=q, q2=1 - q, total=total, h=h, d=d)

        return update

    return widgets.explorer(setup, values, label=_("prediction q1"), value=value, fmt="{:.3f}",
                            ncols=2, caption=caption)


def loss_and_gradient_explorer(values=None, value=-4, caption=None):
    """Cross-entropy and squared error of a sigmoid output, and their gradients, at a logit on a slider.

    Left panel: both losses against the logit :math:`z`, for label 1 (solid)
    and label 0 (dashed). Right panel: their derivatives with respect to
    :math:`z`, :math:`\\sigma(z) - y` for the cross-entropy and
    :func:`sigmoid_squared_error_grad` for the squared error. Points mark the
    slider's :math:`z` on all eight curves, and the readout prints the four
    losses and four gradients.

    Parameters
    ----------
    values : sequence of float, optional
        The slider's logits. Default: chapter 4's 33 positions -8, -7.5, ..., 8.
    value : float, default -4
        The initial position (the nearest entry of ``values``).
    caption : str, optional
        The figure's caption and text alternative; default
        :data:`LOSS_AND_GRADIENT_CAPTION`, in the reader's language.

    Returns
    -------
    xentlib.widgets.Explorer
        Display it as a cell's last expression.

    Examples
    --------
    >>> from xentlib import figures
    >>> figures.loss_and_gradient_explorer(values=[-6.0, 0.0, 6.0])
    Explorer('logit z', 3 frames)
    """
    values = LOGITS if values is None else values
    caption = _(LOSS_AND_GRADIENT_CAPTION) if caption is None else caption
    blue, orange = plotting.COLORS["blue"], plotting.COLORS["orange"]

    def setup(axes):
        loss_ax, grad_ax = axes
        z = np.linspace(-8, 8, 400)
        styles = {1: "-", 0: "--"}
        for label in (1, 0):
            yv = np.full_like(z, label)
            ce, se = sigmoid_cross_entropy_with_logits(yv, z), (sigmoid(z) - yv) ** 2
            ce_g, se_g = sigmoid_cross_entropy_with_logits_grad(yv, z), sigmoid_squared_error_grad(yv, z)
            ls = styles[label]
            loss_ax.plot(z, ce, ls, color=blue, label=_("cross-entropy, y={label}").format(label=label))
            loss_ax.plot(z, se, ls, color=orange, label=_("squared error, y={label}").format(label=label))
            grad_ax.plot(z, ce_g, ls, color=blue)
            grad_ax.plot(z, se_g, ls, color=orange)
        loss_ax.set(xlabel=_("logit z"), ylabel=_("loss (nats for cross-entropy)"), ylim=(0, 4))
        grad_ax.set(xlabel=_("logit z"), ylabel=_("d loss / d z"), ylim=(-1.1, 1.1))
        loss_ax.legend(fontsize=7, loc="upper center")
        points = [plotting.marker(ax, color=c, markersize=6) for _ in (1, 0) for ax in (loss_ax, grad_ax)
                  for c in (blue, orange)]

        def update(zv):  # what moves
            lines = []
            for k, label in enumerate((1, 0)):
                y = float(label)
                ce = float(sigmoid_cross_entropy_with_logits(y, zv))
                se = (float(sigmoid(zv)) - y) ** 2
                ce_g = float(sigmoid_cross_entropy_with_logits_grad(y, zv))
                se_g = float(sigmoid_squared_error_grad(y, zv))
                for point, v in zip(points[4 * k: 4 * k + 4], (ce, se, ce_g, se_g)):
                    point.set_data([zv], [v])
                lines.append(_("y={label}: CE {ce:.4f}, grad {ce_g:+.4f} | SE {se:.4f}, grad {se_g:+.4f}").format(
                    label=label, ce=ce, ce_g=ce_g, se=se, se_g=se_g))
            return _("z = {z:+.1f}:  {first};   {second}").format(z=zv, first=lines[0], second=lines[1])

        return update

    return widgets.explorer(setup, values, label=_("logit z"), value=value, fmt="{:+.1f}", ncols=2,
                            caption=caption)


def loss_curves(w_grid, ce_curve, se_curve):
    """The mean cross-entropy and the mean squared error of a logistic model, against its weight.

    Two panels side by side: the cross-entropy (blue, in nats) and the
    squared error (orange) of the model :math:`\\hat y = \\sigma(w x)`,
    averaged over a data set, as functions of the single weight :math:`w`.

    Parameters
    ----------
    w_grid : array_like
        The weights.
    ce_curve, se_curve : array_like
        The two mean losses at those weights.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import numpy as np
    >>> from xentlib import figures
    >>> w = np.linspace(-2, 2, 5)
    >>> figures.loss_curves(w, w ** 2, np.cos(w))
    <BookFigure size 640x360 with 2 Axes>
    """
    with plotting.style():
        fig, axes = plotting.figure(ncols=2)
        axes[0].plot(w_grid, ce_curve, color=plotting.COLORS["blue"])
        axes[0].set(title=_("cross-entropy: convex"), xlabel=_("weight w"), ylabel=_("mean loss (nats)"))
        axes[1].plot(w_grid, se_curve, color=plotting.COLORS["orange"])
        axes[1].set(title=_("squared error: not convex"), xlabel=_("weight w"),
                    ylabel=_("mean squared error"))
    return fig


def training_accuracy(acc_ce, acc_se):
    """Training accuracy after each gradient-descent step, one curve per loss.

    Parameters
    ----------
    acc_ce, acc_se : array_like
        The accuracy (a fraction in [0, 1]) at each step of the run trained
        with cross-entropy (blue) and with squared error (orange).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from xentlib import figures
    >>> figures.training_accuracy([0.1, 0.9, 0.95], [0.1, 0.1, 0.5])
    <BookFigure size 640x360 with 1 Axes>
    """
    with plotting.style():
        fig, ax = plotting.figure()
        ax.plot(acc_ce, color=plotting.COLORS["blue"], label=_("trained with cross-entropy"))
        ax.plot(acc_se, color=plotting.COLORS["orange"], label=_("trained with squared error"))
        ax.set(xlabel=_("gradient-descent step"), ylabel=_("training accuracy"), ylim=(0, 1.02))
        ax.legend(loc="center right")
    return fig
