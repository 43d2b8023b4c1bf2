"""Figures and explorers of chapter 3, KL divergence.

Two explorers: :func:`kl_two_orders_explorer` draws both orders,
:math:`D_{KL}(P\\|Q)` and :math:`D_{KL}(Q\\|P)`, for a fixed two-outcome truth
and a moving prediction; :func:`kl_one_hot_explorer` shows that with a
one-hot label only the predicted probability of the true class counts.
"""

import numpy as np

from .. import plotting, widgets
from .._i18n import N_, _
from ..information import information, kl_divergence

__all__ = ["kl_two_orders_explorer", "kl_one_hot_explorer", "one_hot_prediction"]

P_TRUE = 0.3  # the two-outcome truth P = [0.3, 0.7] of the first explorer
TOP = 2.0  # top of its y axis, in nats: larger values (and inf) are drawn there
LABEL = np.array([1.0, 0.0, 0.0])  # the one-hot label of the second explorer: class 1

TWO_ORDERS_CAPTION = N_(
    "Two curves against the predicted probability q, for the fixed truth "
    "P = [0.3, 0.7]: KL(P‖Q) in blue and KL(Q‖P) in orange, in nats (bits on "
    "the right). Both touch 0 only at q = 0.3, where Q = P; away from it they "
    "differ, and KL(P‖Q) rises to infinity (marked ∞) at q = 0 and q = 1, while "
    "KL(Q‖P) stays finite. The points mark the slider's q."
)

ONE_HOT_CAPTION = N_(
    "Left: bars of the label P = [1, 0, 0] (grey) and of the prediction Q "
    "(blue). Right: KL(P‖Q) = −ln q₁ against the predicted probability q₁ of "
    "the true class, in nats, with a point at the slider's q₁. KL(P‖Q) falls "
    "to 0 as q₁ goes to 1; KL(Q‖P) is infinite unless Q = P."
)


def _nats(x):
    """A divergence as the readouts print it: 4 decimals, or ∞."""
    return "∞" if np.isinf(x) else _("{value:.4f} nats").format(value=x)


def _both_orders(q):
    """KL(P‖Q) and KL(Q‖P) for P = [P_TRUE, 1 - P_TRUE] and Q = [q, 1 - q], in nats."""
    Q = np.stack([q, 1 - q], axis=-1)
    P = np.broadcast_to([P_TRUE, 1 - P_TRUE], Q.shape)
    return kl_divergence(P, Q), kl_divergence(Q, P)


def _value_text(ax, y, color):
    """An animated line of text on a white box, centred at height y (axes units)."""
    return ax.text(0.5, y, "", transform=ax.transAxes, ha="center", color=plotting.ink(color),
                   bbox=dict(facecolor="white", edgecolor="none", pad=1), animated=True)


def _setup_two_orders(ax):
    blue, orange, grey = (plotting.COLORS[c] for c in ("blue", "orange", "grey"))
    ends = np.geomspace(1e-6, 0.02, 60)  # dense near 0 and 1, where KL(P‖Q) soars
    middle = np.linspace(0.02, 0.98, 400)
    grid = np.concatenate([[0], ends, middle, 1 - ends[::-1], [1]])
    pq, qp = _both_orders(grid)
    ax.plot(grid, np.minimum(pq, TOP), color=blue, label="KL(P‖Q)")
    ax.plot(grid, np.minimum(qp, TOP), color=orange, label="KL(Q‖P)")
    for x in (0, 1):  # KL(P‖Q) is infinite at both ends
        ax.text(x, TOP * 1.01, "∞", color=plotting.ink(blue), ha="center", va="bottom", fontsize=14)
    ax.axvline(P_TRUE, color=grey, linestyle="--", linewidth=1)
    ax.text(P_TRUE - 0.01, TOP * 0.97, "Q = P", color=grey, ha="right", va="top")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, TOP)
    ax.set_xlabel(_("predicted probability of outcome 1, q"))
    ax.set_ylabel(_("KL divergence (nats)"))
    plotting.add_bits_axis(ax, label=_("KL divergence (bits)"))
    ax.legend(loc="upper center")
    # The moving parts: a line at q, a point on each curve (unclipped, so that
    # a point at ∞ shows whole) and the two values.
    line = plotting.drop_line(ax, color=grey)
    dot_pq = plotting.marker(ax, color=blue, clip_on=False)
    dot_qp = plotting.marker(ax, color=orange, clip_on=False)
    for dot in (dot_pq, dot_qp):
        dot.set_in_layout(False)
    text_pq, text_qp = _value_text(ax, 0.72, blue), _value_text(ax, 0.63, orange)

    def update(q):
        pq, qp = (float(k) for k in _both_orders(np.asarray(q)))
        line.set_data([q, q], [0, TOP])
        dot_pq.set_data([q], [min(pq, TOP)])
        dot_qp.set_data([q], [min(qp, TOP)])
        text_pq.set_text(f"KL(P‖Q) = {_nats(pq)}")
        text_qp.set_text(f"KL(Q‖P) = {_nats(qp)}")
        return _("Q = [{q1:.3f}, {q2:.3f}]:  KL(P‖Q) = {pq},  KL(Q‖P) = {qp}").format(
            q1=q, q2=1 - q, pq=_nats(pq), qp=_nats(qp))

    return update


def kl_two_orders_explorer(values=None, caption=None):
    """Both orders of the KL divergence for a fixed truth and a moving prediction.

    The truth is ``P = [0.3, 0.7]``; the slider moves the prediction
    ``Q = [q, 1 - q]`` over ``0 <= q <= 1``. Blue: :math:`D_{KL}(P\\|Q)`;
    orange: :math:`D_{KL}(Q\\|P)`, in nats (bits on the right axis). Values
    above 2 nats, and infinite ones (marked ∞ at q = 0 and 1), are drawn at
    the top edge. The points and the readout follow the slider.

    Parameters
    ----------
    values : sequence of float, optional
        The slider's positions q; default 0, 0.025, ..., 1 (41 frames,
        the end points included).
    caption : str, optional
        What the figure shows, in words (its text alternative); default
        :data:`TWO_ORDERS_CAPTION`, in the reader's language.

    Returns
    -------
    Explorer
        The slider and its frames, starting at q = 0.5.

    Examples
    --------
    >>> from xentlib import figures
    >>> figures.kl_two_orders_explorer([0.0, 0.3, 1.0])
    Explorer('prediction q', 3 frames)
    """
    if values is None:
        values = np.round(np.linspace(0, 1, 41), 3)
    caption = _(TWO_ORDERS_CAPTION) if caption is None else caption
    return widgets.explorer(
        _setup_two_orders, values, label=_("prediction q"), value=0.5, fmt="{:.3f}", caption=caption,
    )


def one_hot_prediction(q1, split=2 / 3):
    """The prediction Q of the one-hot explorer: ``q1`` on class 1, the rest shared.

    Parameters
    ----------
    q1 : float
        The predicted probability of class 1, the true class.
    split : float, default 2/3
        The share of ``1 - q1`` that goes to class 2; class 3 gets the rest.
        The default makes ``q1 = 0.7`` the article's ``[0.7, 0.2, 0.1]``.

    Returns
    -------
    ndarray
        ``[q1, (1 - q1) * split, (1 - q1) * (1 - split)]``.

    Examples
    --------
    >>> from xentlib.figures import one_hot_prediction
    >>> one_hot_prediction(0.7).round(4)
    array([0.7, 0.2, 0.1])
    """
    return np.array([q1, (1 - q1) * split, (1 - q1) * (1 - split)])


def _setup_one_hot(axes):
    from matplotlib.patches import Patch

    bars_ax, curve_ax = axes
    blue, orange, grey = (plotting.COLORS[c] for c in ("blue", "orange", "grey"))
    classes = np.arange(1, 4)
    bars_ax.bar(classes - 0.2, LABEL, width=0.4, color=grey)
    q_bars = bars_ax.bar(classes + 0.2, np.zeros(3), width=0.4, color=blue, animated=True)
    bars_ax.set_xticks(classes, [_("class {k}").format(k=k) for k in classes])
    bars_ax.set_ylim(0, 1.05)
    bars_ax.set_ylabel(_("probability"))
    bars_ax.grid(axis="x", visible=False)
    legend = [Patch(color=grey, label=_("P (label)")), Patch(color=blue, label=_("Q (prediction)"))]
    bars_ax.legend(handles=legend, loc="upper right")

    grid = np.linspace(0.04, 1.0, 300)
    curve_ax.plot(grid, information(grid), color=blue, label="KL(P‖Q) = −ln q₁")
    curve_ax.set_xlim(0, 1)
    curve_ax.set_ylim(0, 3.2)
    curve_ax.set_xlabel(_("predicted probability of class 1, q₁"))
    curve_ax.set_ylabel(_("KL divergence (nats)"))
    curve_ax.legend(loc="upper right")
    point = plotting.marker(curve_ax, color=blue)
    drop = plotting.drop_line(curve_ax, color=blue)
    text_pq, text_qp = (
        curve_ax.text(0.95, y, "", transform=curve_ax.transAxes, ha="right", color=plotting.ink(color),
                      animated=True)
        for y, color in ((0.72, blue), (0.62, orange))
    )

    def update(q1, split=2 / 3):
        Q = one_hot_prediction(q1, split)
        for bar, height in zip(q_bars, Q):
            bar.set_height(height)
        pq, qp = float(kl_divergence(LABEL, Q)), float(kl_divergence(Q, LABEL))
        point.set_data([q1], [pq])
        drop.set_data([q1, q1], [0, pq])
        text_pq.set_text(f"KL(P‖Q) = {_nats(pq)}")
        text_qp.set_text(f"KL(Q‖P) = {_nats(qp)}")
        shown = ", ".join(f"{x:.3f}" for x in Q)
        return _("Q = [{shown}]:  KL(P‖Q) = -ln {q1:.2f} = {pq},  KL(Q‖P) = {qp}").format(
            shown=shown, q1=q1, pq=_nats(pq), qp=_nats(qp))

    return update


def kl_one_hot_explorer(values=None, splits=None, caption=None):
    """With a one-hot label, KL depends only on the true class's probability.

    The label is ``P = [1, 0, 0]``. The slider sets the predicted probability
    ``q1`` of class 1; :func:`one_hot_prediction` shares the rest between
    classes 2 and 3. Left: the bars of P and Q. Right: :math:`D_{KL}(P\\|Q)
    = -\\ln q_1` in nats, with a point at the slider's ``q1``; the readout
    also gives :math:`D_{KL}(Q\\|P)`, infinite unless Q = P. In a live
    notebook a second slider, ``split``, changes how the rest is shared
    (the share of class 2): the bars move, the divergence does not.

    Parameters
    ----------
    values : sequence of float, optional
        The slider's positions ``q1``; default 0.05, 0.10, ..., 1 (20 frames).
    splits : sequence of float, optional
        The positions of the live-only ``split`` slider; default 0, 1/6, ..., 1.
    caption : str, optional
        What the figure shows, in words (its text alternative); default
        :data:`ONE_HOT_CAPTION`, in the reader's language.

    Returns
    -------
    Explorer
        The slider and its frames, starting at ``q1 = 0.7``, ``split = 2/3``.

    Examples
    --------
    >>> from xentlib import figures
    >>> figures.kl_one_hot_explorer([0.4, 0.7, 1.0])
    Explorer('probability of the true class q₁', 3 frames)
    """
    if values is None:
        values = np.round(np.linspace(0.05, 1, 20), 2)
    if splits is None:
        splits = np.round(np.linspace(0, 1, 7), 4)
    caption = _(ONE_HOT_CAPTION) if caption is None else caption
    return widgets.explorer(
        _setup_one_hot, values, label=_("probability of the true class q₁"), value=0.7,
        fmt="{:.2f}", ncols=2, extra={"split": (splits, 2 / 3)}, caption=caption,
    )
