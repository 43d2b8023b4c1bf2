"""Figures and explorers of chapter 9, Cross-entropy in practice.

The chapter's notation: ``z`` is a logit, ``y`` a label, ``K`` the number of
classes, ``ε`` the label-smoothing amount, ``w₊`` the weight of the positive
examples (``pos_weight``), ``γ`` the focusing parameter of the focal loss
and ``T`` a temperature.
"""

import numpy as np
from matplotlib.ticker import NullFormatter

from .. import plotting, widgets
from .._i18n import N_, _
from ..activations import sigmoid, softmax
from ..calibration import calibration_bins, expected_calibration_error
from ..gradients import sigmoid_cross_entropy_with_logits_grad, sigmoid_focal_loss_grad
from ..information import entropy
from ..losses import (
    sigmoid_cross_entropy_with_logits,
    sigmoid_focal_loss,
    softmax_cross_entropy_with_logits,
    sparse_softmax_cross_entropy_with_logits,
)

__all__ = [
    "training_curves",
    "label_smoothing_explorer",
    "pos_weight_explorer",
    "focal_loss_explorer",
    "reliability_diagram",
    "temperature_scaling_explorer",
    "FLOAT_FORMATS",
    "float_limits",
]

_C = plotting.COLORS


# --- training -----------------------------------------------------------------


def training_curves(runs):
    """Loss and accuracy along training, on the training and the validation set.

    Parameters
    ----------
    runs : dict of str to SoftmaxRegression
        Trained models (:func:`xentlib.training.fit_softmax_regression` with a
        validation set), by name; each gets one colour, training solid and
        validation dashed.

    Returns
    -------
    matplotlib.figure.Figure
    """
    with plotting.style():
        fig, (left, right) = plotting.figure(ncols=2, height=3.4)
        for (name, run), color in zip(runs.items(), (_C["blue"], _C["orange"], _C["green"])):
            h = run.history
            left.plot(h["step"], h["train_loss"], color=color,
                      label=_("{name}, training").format(name=name))
            left.plot(h["step"], h["val_loss"], color=color, ls="--",
                      label=_("{name}, validation").format(name=name))
            right.plot(h["step"], h["train_accuracy"], color=color)
            right.plot(h["step"], h["val_accuracy"], color=color, ls="--")
        left.set(xlabel=_("gradient-descent step"), ylabel=_("mean loss (nats)"), yscale="log",
                 title=_("cross-entropy"))
        right.set(xlabel=_("gradient-descent step"), ylabel=_("accuracy"), ylim=(0.8, 1.005),
                  title=_("accuracy"))
        left.legend(loc="lower left", fontsize="small")
    return fig


# --- label smoothing --------------------------------------------------------------

SMOOTHING_CAPTION = N_(
    "Left: the label-smoothed cross-entropy of one example with K = 10 classes, as "
    "a function of the margin m by which the true class's logit exceeds the nine "
    "others (all equal), and a horizontal line at the entropy of the smoothed "
    "target, the lowest the loss can go. Without smoothing the loss falls towards 0 "
    "as m grows; with smoothing it has a minimum at a finite margin, where the "
    "predicted distribution equals the smoothed target, and rises again beyond it. "
    "Right: the smoothed target, a bar per class: 1 - ε + ε/K on the true class "
    "and ε/K on each other."
)


def label_smoothing_explorer(n_classes=10, values=None, value=0.1, caption=None):
    """The loss of one example under label smoothing ε, against the logit margin.

    Parameters
    ----------
    n_classes : int
        K, the number of classes.
    values : sequence of float, optional
        The slider's ε; default 0 to 0.5 in steps of 0.05.
    value : float
        The initial ε.
    caption : str, optional
        The figure's caption and text alternative; default :data:`SMOOTHING_CAPTION`,
        in the reader's language.

    Returns
    -------
    Explorer

    Examples
    --------
    >>> from xentlib import figures
    >>> figures.label_smoothing_explorer(values=[0.0, 0.1])
    Explorer('label smoothing ε', 2 frames)
    """
    caption = _(SMOOTHING_CAPTION) if caption is None else caption
    k = n_classes
    margins = np.linspace(0, 15, 301)
    logits = np.zeros((margins.size, k))
    logits[:, 0] = margins
    true = np.zeros(margins.size, dtype=int)

    def setup(axes):
        left, right = axes
        plain = sparse_softmax_cross_entropy_with_logits(true, logits)
        left.plot(margins, plain, color=_C["grey"], lw=1, label=_("ε = 0 (no smoothing)"))
        (curve,) = left.plot([], [], color=_C["blue"], animated=True, label=_("smoothed loss"))
        floor = left.axhline(0, color=_C["vermillion"], ls="--", lw=1, animated=True,
                             label=_("its minimum: entropy of the target"))
        (best,) = left.plot([], [], "o", color=_C["vermillion"], animated=True)
        left.set(xlabel=_("margin m of the true logit"), ylabel=_("loss (nats)"), ylim=(0, 3),
                 title=_("loss of one example"))
        left.legend(loc="upper right", fontsize="small")
        bars = right.bar(np.arange(k), np.zeros(k), color=_C["blue"], animated=True)
        right.set(xlabel=_("class (true class 0)"), ylabel=_("target probability"),
                  ylim=(0, 1.05), xticks=np.arange(k), title=_("smoothed target"))

        def update(eps):
            loss = sparse_softmax_cross_entropy_with_logits(true, logits, label_smoothing=eps)
            curve.set_data(margins, loss)
            target = np.full(k, eps / k)
            target[0] += 1 - eps
            h = float(entropy(target))
            floor.set_ydata([h, h])
            for bar, t in zip(bars, target):
                bar.set_height(t)
            if eps == 0:
                best.set_data([], [])
                return _("ε = {eps:.2f}: target {top:.3f} on the true class, {other:.4f} on "
                         "each other; floor 0 nats, approached only as m → ∞").format(
                    eps=eps, top=target[0], other=target[1])
            m_best = float(np.log(target[0] / target[1]))
            best.set_data([m_best], [h])
            return _("ε = {eps:.2f}: target {top:.3f} on the true class, {other:.4f} on "
                     "each other; floor {h:.3f} nats, reached at m = {m:.2f}").format(
                eps=eps, top=target[0], other=target[1], h=h, m=m_best)

        return update

    if values is None:
        values = np.round(np.arange(0, 0.5001, 0.05), 3)
    return widgets.explorer(setup, values, label=_("label smoothing ε"), value=value, fmt="{:.2f}",
                            ncols=2, height=3.4, caption=caption)


# --- pos_weight -------------------------------------------------------------------

POS_WEIGHT_CAPTION = N_(
    "Left: the weighted sigmoid cross-entropy of one logit z, for a positive "
    "example (label 1, its loss multiplied by the weight w₊) and a negative one "
    "(label 0, unchanged). Right: the prediction that minimises the expected "
    "loss at an input whose examples are positive with probability p, against p: "
    "the odds are multiplied by w₊, so for w₊ > 1 the curve lies above the diagonal and "
    "crosses 0.5, the usual threshold, at p = 1/(1 + w₊)."
)


def pos_weight_explorer(values=None, value=4.0, caption=None):
    """What ``pos_weight`` w₊ does to the sigmoid loss and to the best prediction.

    Parameters
    ----------
    values : sequence of float, optional
        The slider's w₊; default 2**-2 to 2**4 in steps of half a power.
    value : float
        The initial w₊.
    caption : str, optional
        The figure's caption and text alternative; default :data:`POS_WEIGHT_CAPTION`,
        in the reader's language.

    Returns
    -------
    Explorer

    Examples
    --------
    >>> from xentlib import figures
    >>> figures.pos_weight_explorer(values=[1.0, 4.0])
    Explorer('positive weight w₊', 2 frames)
    """
    caption = _(POS_WEIGHT_CAPTION) if caption is None else caption
    z = np.linspace(-6, 6, 241)
    p = np.linspace(0, 1, 201)
    ones, zeros = np.ones_like(z), np.zeros_like(z)

    def setup(axes):
        left, right = axes
        left.plot(z, sigmoid_cross_entropy_with_logits(zeros, z), color=_C["orange"],
                  label=_("label 0"))
        (pos,) = left.plot([], [], color=_C["blue"], animated=True,
                           label=_("label 1, weighted"))
        left.plot(z, sigmoid_cross_entropy_with_logits(ones, z), color=_C["grey"], lw=1,
                  ls=":", label=_("label 1, w₊ = 1"))
        left.set(xlabel=_("logit z"), ylabel=_("loss (nats)"), ylim=(0, 10),
                 title=_("the two losses"))
        left.legend(loc="upper right", fontsize="small")
        right.plot(p, p, color=_C["grey"], lw=1, ls=":", label="w₊ = 1")
        right.axhline(0.5, color=_C["grey"], lw=0.8)
        (best,) = right.plot([], [], color=_C["blue"], animated=True,
                             label=_("best prediction"))
        (cross,) = right.plot([], [], "o", color=_C["vermillion"], animated=True)
        right.set(xlabel=_("true probability p of label 1"), ylabel=_("predicted probability"),
                  xlim=(0, 1), ylim=(0, 1), title=_("what the loss rewards"))
        right.legend(loc="lower right", fontsize="small")

        def update(q):
            pos.set_data(z, sigmoid_cross_entropy_with_logits(ones, z, pos_weight=q))
            best.set_data(p, q * p / (q * p + 1 - p))
            crossing = 1 / (1 + q)
            cross.set_data([crossing], [0.5])
            return _("w₊ = {q:.3g}: a positive example weighs {q:.3g} times a negative one; "
                     "the best prediction has w₊ times the true odds and crosses 0.5 at "
                     "p = {crossing:.3f}").format(q=q, crossing=crossing)

        return update

    if values is None:
        values = 2.0 ** np.arange(-2, 4.001, 0.5)
    return widgets.explorer(setup, values, label=_("positive weight w₊"), value=value,
                            fmt="{:.3g}", ncols=2, height=3.4, caption=caption)


# --- focal loss ---------------------------------------------------------------------

FOCAL_CAPTION = N_(
    "Left: the focal loss of one example against ŷ_t, the probability the model gives "
    "its true label, for the focusing parameter γ of the slider, with the "
    "cross-entropy (γ = 0) for comparison. Right: the size of its gradient with "
    "respect to the logit, which for γ > 0 peaks at a small ŷ_t, a little above the "
    "cross-entropy's, and falls towards 0 well before ŷ_t reaches 1. The factor "
    "(1 - ŷ_t)^γ barely changes the loss of a badly classified example (small ŷ_t) "
    "and shrinks that of a well classified one (ŷ_t near 1), so training attends to "
    "the hard examples."
)


def focal_loss_explorer(values=None, value=2.0, caption=None):
    """The focal loss and its gradient against ŷ_t, the probability of the true label.

    Parameters
    ----------
    values : sequence of float, optional
        The slider's γ; default 0 to 5 in steps of 0.25.
    value : float
        The initial γ.
    caption : str, optional
        The figure's caption and text alternative; default :data:`FOCAL_CAPTION`,
        in the reader's language.

    Returns
    -------
    Explorer

    Examples
    --------
    >>> from xentlib import figures
    >>> figures.focal_loss_explorer(values=[0.0, 2.0])
    Explorer('focusing γ', 2 frames)
    """
    caption = _(FOCAL_CAPTION) if caption is None else caption
    p_t = np.linspace(0.005, 0.995, 199)  # ŷ_t, the probability of the true label
    z = np.log(p_t) - np.log1p(-p_t)  # its logit, for the label 1
    ones = np.ones_like(z)

    def setup(axes):
        left, right = axes
        left.plot(p_t, sigmoid_cross_entropy_with_logits(ones, z), color=_C["grey"], lw=1,
                  label=_("cross-entropy (γ = 0)"))
        (loss,) = left.plot([], [], color=_C["blue"], animated=True, label=_("focal loss"))
        left.set(xlabel=_("probability of the true label ŷ_t"), ylabel=_("loss (nats)"),
                 xlim=(0, 1), ylim=(0, 5), title=_("loss"))
        left.legend(loc="upper right", fontsize="small")
        right.plot(p_t, -sigmoid_cross_entropy_with_logits_grad(ones, z), color=_C["grey"], lw=1)
        (grad,) = right.plot([], [], color=_C["blue"], animated=True)
        right.set(xlabel=_("probability of the true label ŷ_t"),
                  ylabel=_("|gradient| w.r.t. z"), xlim=(0, 1), ylim=(0, 1.4),
                  title=_("size of the gradient"))

        def update(gamma):
            loss.set_data(p_t, sigmoid_focal_loss(ones, z, gamma=gamma))
            grad.set_data(p_t, np.abs(sigmoid_focal_loss_grad(ones, z, gamma=gamma)))
            easy, hard = 0.1 ** gamma, 0.9 ** gamma
            return _("γ = {gamma:.2f}: an easy example (ŷ_t = 0.9) keeps {easy:.2%} of its "
                     "cross-entropy, a hard one (ŷ_t = 0.1) {hard:.0%}").format(
                gamma=gamma, easy=easy, hard=hard)

        return update

    if values is None:
        values = np.arange(0, 5.001, 0.25)
    return widgets.explorer(setup, values, label=_("focusing γ"), value=value, fmt="{:.2f}",
                            ncols=2, height=3.4, caption=caption)


# --- calibration ----------------------------------------------------------------------


def _draw_reliability(ax, bins, color, animated=False):
    """Bars of accuracy per confidence bin (width of the bin), and their gaps."""
    centers = (bins.edges[:-1] + bins.edges[1:]) / 2
    width = np.diff(bins.edges)
    acc = ax.bar(centers, bins.accuracy, width=width * 0.95, color=color, animated=animated,
                 label=_("accuracy in the bin"))
    return acc, centers


def _setup_reliability(ax):
    ax.plot([0, 1], [0, 1], color=_C["grey"], lw=1, ls=":", label=_("perfectly calibrated"))
    ax.set(xlabel=_("confidence (top-label probability)"), ylabel=_("accuracy"), xlim=(0, 1),
           ylim=(0, 1.02))


def reliability_diagram(labels, probs, n_bins=15, title=None):
    """A reliability diagram: accuracy against confidence, one bar per bin.

    Parameters
    ----------
    labels : array_like of int, shape (N,)
    probs : array_like, shape (N, K)
    n_bins : int
        Equal-width confidence bins, as for
        :func:`xentlib.expected_calibration_error`.
    title : str, optional
        Shown in the reader's language if the catalogue has it.

    Returns
    -------
    matplotlib.figure.Figure
    """
    bins = calibration_bins(labels, probs, n_bins)
    with plotting.style():
        fig, ax = plotting.figure(width=4.2, height=3.6)
        _setup_reliability(ax)
        bars, centers = _draw_reliability(ax, bins, _C["blue"])
        for x, acc, n in zip(centers, bins.accuracy, bins.counts):
            if n:  # how many examples each bar stands for
                ax.text(x, acc + 0.015, f"{n}", ha="center", va="bottom", fontsize="x-small")
        ax.set_ylim(0, 1.1)
        ax.legend(loc="upper left", fontsize="small",
                  title=_("number above a bar: examples in it"), title_fontsize="x-small")
        if title:
            ax.set_title(_(title))
    return fig


TEMPERATURE_CAPTION = N_(
    "Left: the reliability diagram of the test set after dividing the logits by the "
    "temperature T of the slider: one bar per confidence bin, as high as the "
    "accuracy of the examples in it; a calibrated model's bars reach the dotted "
    "diagonal. Bars below the diagonal mean over-confidence, above it "
    "under-confidence. Right: the mean cross-entropy on the validation set "
    "(solid) and the test set (dashed) against T, on a log scale; the vertical "
    "line is the temperature fitted on the validation set. Accuracy does not depend "
    "on T."
)


def temperature_scaling_explorer(val, test, fitted, values=None, n_bins=15,
                                 caption=None):
    """Temperature scaling: the test reliability diagram and the loss against T.

    Parameters
    ----------
    val, test : (labels, logits)
        The validation set (where ``fitted`` was found) and the test set.
    fitted : float
        The temperature fitted on ``val`` (:func:`xentlib.fit_temperature`),
        added to the slider's values and shown first.
    values : sequence of float, optional
        The slider's T; default 2**-2 to 2**4 in steps of a third of a power.
    n_bins : int
    caption : str, optional
        The figure's caption and text alternative; default :data:`TEMPERATURE_CAPTION`,
        in the reader's language.

    Returns
    -------
    Explorer
    """
    caption = _(TEMPERATURE_CAPTION) if caption is None else caption
    if values is None:
        values = 2.0 ** np.arange(-2, 4.001, 1 / 3)
    values = sorted(set(np.round(values, 6).tolist()) | {float(fitted)})
    grid = np.geomspace(min(values), max(values), 121)
    (yv, zv), (yt, zt) = val, test
    zv, zt = np.asarray(zv, dtype=float), np.asarray(zt, dtype=float)

    def mean_loss(y, z, t):
        return float(np.mean(sparse_softmax_cross_entropy_with_logits(y, z / t)))

    def setup(axes):
        left, right = axes
        _setup_reliability(left)
        bins = calibration_bins(yt, softmax(zt), n_bins)
        bars, _centers = _draw_reliability(left, bins, _C["blue"], animated=True)
        left.set_title(_("test set, logits / T"))
        right.plot(grid, [mean_loss(yv, zv, t) for t in grid], color=_C["blue"],
                   label=_("validation"))
        right.plot(grid, [mean_loss(yt, zt, t) for t in grid], color=_C["orange"], ls="--",
                   label=_("test"))
        right.axvline(fitted, color=_C["grey"], lw=1)
        (dot,) = right.plot([], [], "o", color=_C["vermillion"], animated=True)
        right.set(xscale="log", xlabel=_("temperature T"), ylabel=_("mean loss (nats)"),
                  title=_("loss against T"))
        ticks = [t for t in (0.25, 0.5, 1, 2, 4, 8, 16) if grid[0] <= t <= grid[-1]]
        right.set_xticks(ticks, [f"{t:g}" for t in ticks])
        right.xaxis.set_minor_formatter(NullFormatter())
        right.legend(loc="upper left", fontsize="small")  # the curves climb on the right

        def update(t):
            probs = softmax(zt / t)
            b = calibration_bins(yt, probs, n_bins)
            for bar, acc in zip(bars, b.accuracy):
                bar.set_height(acc)
            lv = mean_loss(yv, zv, t)
            dot.set_data([t], [lv])
            ece = expected_calibration_error(yt, probs, n_bins)
            return _("T = {t:.3g}: validation loss {val:.4f}, test loss {test:.4f} nats; "
                     "test ECE {ece:.4f}; test accuracy {acc:.4f}").format(
                t=t, val=lv, test=mean_loss(yt, zt, t), ece=ece,
                acc=np.mean(probs.argmax(1) == yt))

        return update

    return widgets.explorer(setup, values, label=_("temperature T"), value=fitted, fmt="{:.3g}",
                            ncols=2, height=3.4, caption=caption)


# --- precision -------------------------------------------------------------------------

#: Floating-point formats by name: (exponent bits, fraction bits). The limits
#: below are computed from these two numbers (IEEE 754 binary16, 32 and 64, and
#: Google's bfloat16, a float32 with its fraction cut to 7 bits).
FLOAT_FORMATS = {"float16": (5, 10), "bfloat16": (8, 7), "float32": (8, 23), "float64": (11, 52)}


def float_limits(name):
    r"""Where exp, log and the sigmoid stop working in a floating-point format.

    Parameters
    ----------
    name : str
        A key of :data:`FLOAT_FORMATS`.

    Returns
    -------
    dict
        ``max`` (largest finite number), ``eps`` (spacing above 1),
        ``smallest`` (smallest positive, subnormal, number), and the logit
        thresholds, with round-to-nearest: ``exp_overflow`` (:math:`e^z` is
        inf above it), ``exp_underflow`` (:math:`e^z` is 0 below it),
        ``sigmoid_one`` (:math:`\sigma(z)` rounds to exactly 1 above it) and
        ``max_log_loss`` (:math:`-\log p` for the smallest positive
        :math:`p`: the largest finite loss computed from a probability).

    Examples
    --------
    >>> lim = float_limits("float64")
    >>> round(lim["exp_overflow"], 2), round(lim["exp_underflow"], 2), round(lim["sigmoid_one"], 2)
    (709.78, -745.13, 37.43)
    """
    exp_bits, frac = FLOAT_FORMATS[name]
    emax = 2 ** (exp_bits - 1) - 1
    ln2 = np.log(2.0)
    return {
        "max": (2 - 2.0**-frac) * 2.0**emax,
        "eps": 2.0**-frac,
        "smallest": 2.0 ** (1 - emax - frac),
        # e^z rounds to inf from half a step above the largest number
        "exp_overflow": float(np.log(2 - 2.0 ** -(frac + 1)) + emax * ln2),
        # e^z rounds to 0 below half the smallest number
        "exp_underflow": float(-(emax + frac) * ln2),
        # 1 - sigma(z) = 1/(1 + e^z) below half the spacing under 1, 2^-(frac + 2)
        "sigmoid_one": float(np.log(2.0 ** (frac + 2) - 1)),
        "max_log_loss": float((emax + frac - 1) * ln2),
    }
