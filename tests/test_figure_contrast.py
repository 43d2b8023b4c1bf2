"""Every text in every figure of the book reads on a light page and on a dark one.

The figures are drawn black on white. On a dark page (the site's dark theme,
JupyterLab's dark theme) they are shown through the CSS filter in
``xentlib.widgets._CSS`` (``invert(a) hue-rotate(180deg)``). Here each figure
of ``xentlib.figures`` is built, and the colour of each of its texts (tick
labels, axis labels, titles, legends, annotations, readouts drawn in the
figure) is checked against WCAG 2's 4.5:1 for text: as drawn, on white; and
through the filter, on the filtered white, which is the dark page's colour.
tests/test_site.py checks the same on screenshots of the built site.
"""

import math
import re

import matplotlib.colors
import numpy as np
import pytest
from matplotlib.text import Text

import xentlib as xl
from xentlib import figures, plotting, training, widgets
from xentlib.plotting import contrast_ratio as contrast

TEXT_CONTRAST = 4.5


def dark_filter():
    """The filter the book applies to figures on dark pages, as a function of an sRGB colour."""
    match = re.search(r"filter: invert\(([\d.]+)\) hue-rotate\((\d+)deg\)", widgets._CSS)
    assert match, "widgets._CSS no longer has the dark-mode filter this test reads"
    amount, angle = float(match[1]), math.radians(float(match[2]))
    c, s = math.cos(angle), math.sin(angle)
    # the hue-rotate matrix of the Filter Effects spec
    rotate = np.array(
        [
            [0.213 + c * 0.787 - s * 0.213, 0.715 - c * 0.715 - s * 0.715, 0.072 - c * 0.072 + s * 0.928],
            [0.213 - c * 0.213 + s * 0.143, 0.715 + c * 0.285 + s * 0.140, 0.072 - c * 0.072 - s * 0.283],
            [0.213 - c * 0.213 - s * 0.787, 0.715 - c * 0.715 + s * 0.715, 0.072 + c * 0.928 + s * 0.072],
        ]
    )

    def apply(rgb):
        inverted = amount + np.asarray(rgb) * (1 - 2 * amount)
        return np.clip(rotate @ inverted, 0, 1)

    return apply


def _built_figures():
    """Every figure of xentlib.figures, with few frames (the texts do not depend on how many)."""
    out = {}
    for name in dir(figures):
        make = getattr(figures, name)
        if name == "temperature_scaling_explorer":  # needs a model's labels and logits
            explorer = make(_SETS["val"], _SETS["test"], fitted=1.5, values=[0.5, 2.0])
            out[name] = explorer._renderer.fig
        elif name.endswith("_explorer"):
            explorer = make(values=[0.2, 0.6]) if name != "loss_and_gradient_explorer" else make(values=[-4, 2])
            out[name] = explorer._renderer.fig
    w = np.linspace(-2, 2, 5)
    out["sigmoid_curve"] = figures.sigmoid_curve()
    out["softmax_of_integers"] = figures.softmax_of_integers()
    out["loss_curves"] = figures.loss_curves(w, w**2, np.abs(w))
    out["training_accuracy"] = figures.training_accuracy(np.linspace(0, 1, 5), np.linspace(0, 1, 5))
    x, y = _SETS["x"], _SETS["test"][0]
    run = training.fit_softmax_regression(x, y, 3, steps=20, validation=(x, y))
    out["training_curves"] = figures.training_curves({"a": run, "b": run})
    out["reliability_diagram"] = figures.reliability_diagram(y, xl.softmax(_SETS["test"][1]), title="t")
    return out


def _sets():
    """Labels and logits of a small three-class problem, for chapter 9's figures."""
    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, 2))
    y = rng.integers(0, 3, size=60)
    logits = 2 * rng.normal(size=(60, 3))
    logits[np.arange(60), y] += 2
    return {"x": x, "val": (y, logits), "test": (y, logits)}


_SETS = _sets()


FIGURES = _built_figures()


def _texts(fig):
    return [t for t in fig.findobj(Text) if t.get_text().strip() and t.get_visible()]


def test_the_dark_filter_turns_white_into_the_dark_page():
    page = dark_filter()((1.0, 1.0, 1.0))
    assert contrast(page, (0, 0, 0)) < 1.2, f"white becomes {page}: a light slab on a dark page"


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_every_text_reads_on_light_and_dark_pages(name):
    dark = dark_filter()
    white = (1.0, 1.0, 1.0)
    texts = _texts(FIGURES[name])
    assert len(texts) >= 3, f"{name}: found {len(texts)} texts"
    for t in texts:
        rgb = matplotlib.colors.to_rgb(t.get_color())
        on_light = contrast(rgb, white)
        on_dark = contrast(dark(rgb), dark(white))
        where = f"{name}: {t.get_text()!r} in {matplotlib.colors.to_hex(rgb)}"
        assert on_light >= TEXT_CONTRAST, f"{where}: {on_light:.2f}:1 on white"
        assert on_dark >= TEXT_CONTRAST, f"{where}: {on_dark:.2f}:1 on the dark page"


@pytest.mark.parametrize("name", sorted(plotting.COLORS))
def test_ink_reads_in_both_modes(name):
    dark = dark_filter()
    rgb = matplotlib.colors.to_rgb(plotting.ink(plotting.COLORS[name]))
    assert contrast(rgb, (1, 1, 1)) >= TEXT_CONTRAST
    assert contrast(dark(rgb), dark((1, 1, 1))) >= TEXT_CONTRAST
