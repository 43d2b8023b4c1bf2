"""One figure style for the whole book.

Every figure in the book is drawn inside :func:`style` (a
``matplotlib.rc_context``: nothing global is changed) and created with
:func:`figure`, so all chapters share fonts, sizes, a white background, and
the Okabe–Ito palette, which stays distinguishable under the common forms of
colour blindness. On a dark page (the site's dark theme, JupyterLab's dark
theme) the figures are shown inverted, white to near-black and black to light
grey, with their hues kept (the CSS in :mod:`xentlib.widgets`); text keeps 4.5:1
contrast both ways (:func:`ink` for text in a series' colour).

Examples
--------
>>> import numpy as np
>>> from xentlib import plotting
>>> with plotting.style():
...     fig, ax = plotting.figure()
...     _ = ax.plot([0, 1], [0, 1], color=plotting.COLORS["blue"])
>>> fig.get_size_inches().tolist()
[6.4, 3.6]
"""

import functools
import io
import warnings
from pathlib import Path

import matplotlib
import numpy as np
from matplotlib.figure import Figure

from ._i18n import _, language

__all__ = [
    "COLORS",
    "CYCLE",
    "ink",
    "contrast_ratio",
    "style",
    "figure",
    "png_bytes",
    "add_bits_axis",
    "information_curve",
    "marker",
    "drop_line",
]

#: The Okabe–Ito palette (Okabe & Ito, 2008), by name.
COLORS = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
    "grey": "#767676",  # the lightest grey that reads as text on white (4.5:1)
}

#: The order in which series take colours.
CYCLE = [COLORS[c] for c in ("blue", "orange", "green", "vermillion", "sky", "purple", "black")]

def _luminance(rgb):
    """WCAG 2 relative luminance of an sRGB colour given as three numbers in [0, 1]."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(a, b):
    """WCAG 2 contrast ratio of two sRGB colours, each three numbers in [0, 1].

    Examples
    --------
    >>> from xentlib.plotting import contrast_ratio
    >>> round(contrast_ratio((0, 0, 0), (1, 1, 1)), 1)
    21.0
    >>> round(contrast_ratio((118 / 255,) * 3, (1, 1, 1)), 2)
    4.54
    """
    lighter, darker = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def ink(color, contrast=4.5):
    """``color`` darkened just enough for text on white to reach ``contrast`` (WCAG 2).

    The palette's lighter colours mark lines and points well but are too pale
    for text (orange on white is 2:1); text in a series' colour uses its ink.
    A colour that already reads is returned unchanged. On the site's dark pages
    the figures are inverted, and the ink turns light (see ``_CSS`` in
    :mod:`xentlib.widgets`); tests/test_figure_contrast.py checks both.

    Examples
    --------
    >>> from xentlib.plotting import COLORS, ink
    >>> ink(COLORS["blue"]) == COLORS["blue"]
    True
    >>> ink(COLORS["orange"])
    '#9c6c00'
    """
    rgb = matplotlib.colors.to_rgb(color)
    for step in range(101):
        shade = [c * (1 - step / 100) for c in rgb]
        if contrast_ratio(shade, (1, 1, 1)) >= contrast:
            return color if step == 0 else matplotlib.colors.to_hex(shade)
    raise ValueError(f"contrast must be at most 21 (black on white), got {contrast!r}.")


_RC = {
    "figure.figsize": (6.4, 3.6),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "axes.prop_cycle": matplotlib.cycler(color=CYCLE),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "legend.fontsize": 10,
    "legend.frameon": False,
    "lines.linewidth": 2.0,
    "font.family": "DejaVu Sans",
    "svg.hashsalt": "xent-book",  # deterministic ids if SVG is ever used
}


#: Fonts with Chinese characters, in order of preference (Debian's fonts-noto-cjk,
#: fonts-wqy-microhei; Adobe's Source Han; Windows; macOS): the first one installed
#: draws the Chinese edition's figure text that DejaVu Sans has no glyphs for.
CJK_FONTS = ("Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC",
             "Microsoft YaHei", "SimHei", "PingFang SC")


#: Parts of those fonts' file names (for a font installed after matplotlib built its font cache).
_CJK_FILES = ("cjk", "wqy", "sourcehan", "msyh", "simhei", "pingfang")


@functools.lru_cache(maxsize=None)
def cjk_font():
    """The first of :data:`CJK_FONTS` installed, or None (with a warning saying what to install).

    matplotlib lists the fonts it found when it first ran (its font cache); a font
    installed since is looked for among the system's font files and added.
    """
    from matplotlib import font_manager

    def first():
        installed = {f.name for f in font_manager.fontManager.ttflist}
        return next((name for name in CJK_FONTS if name in installed), None)

    if first() is None:
        for path in font_manager.findSystemFonts():
            if any(part in Path(path).name.lower() for part in _CJK_FILES):
                font_manager.fontManager.addfont(path)
    if first() is None:
        warnings.warn(
            "no font with Chinese characters is installed, so the figures' Chinese text "
            "shows as boxes: install one of " + ", ".join(CJK_FONTS)
            + " (Debian/Ubuntu: apt-get install fonts-noto-cjk) and restart the kernel.",
            stacklevel=3,
        )
    return first()


def style():
    """Context manager applying the book's matplotlib style (nothing global changes).

    In Chinese (``XENT_LANG=zh_CN``, see :mod:`xentlib._i18n`) text is set in the
    first installed font of :data:`CJK_FONTS` (they have Latin letters and digits
    too), falling back to DejaVu Sans glyph by glyph; with none installed, a
    warning says which to install.
    """
    if language() == "en":
        return matplotlib.rc_context(_RC)
    font = cjk_font()
    if font is None:
        return matplotlib.rc_context(_RC)
    # The Chinese font first: matplotlib's maths text draws the words around a formula
    # ("A 的概率 $p_A$") with the first family alone, without falling back.
    return matplotlib.rc_context({**_RC, "font.family": [font, _RC["font.family"]]})


def figure(width=6.4, height=3.6, ncols=1):
    """A new figure and axes in the book's style (call inside :func:`style`).

    The figure is drawn only to pixels (an Agg canvas) and pyplot never sees
    it: a notebook shows it when the cell ends with ``fig``, exactly once,
    and an explorer can keep it and redraw it. Nothing needs closing.

    Parameters
    ----------
    width, height : float
        Size in inches (at 100 dpi: 640 x 360 pixels by default).
    ncols : int
        Number of side-by-side axes.

    Returns
    -------
    fig, ax
        ``ax`` is an array of axes when ``ncols > 1``.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = BookFigure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)
    return fig, fig.subplots(1, ncols)


class BookFigure(Figure):
    """A matplotlib Figure that a notebook displays as a compact PNG.

    IPython shows an object through its ``_repr_png_``, so the figure appears
    when a cell ends with it, whatever the notebook's matplotlib backend.
    """

    def _repr_png_(self):
        return png_bytes(self)


def png_bytes(fig, colors=64, redraw=True):
    """The figure as a compact PNG: quantised to ``colors`` colours.

    Line art and text need few colours; a 64-colour palette image is about
    3.5 times smaller than matplotlib's true-colour PNG and looks the same.
    The pixels are taken straight from the canvas (no intermediate PNG), and
    the output is deterministic (no timestamps or version strings in it).
    ``redraw=False`` takes the canvas as it is (after blitting).
    """
    from PIL import Image

    if redraw:
        fig.canvas.draw()
    image = Image.frombuffer("RGBA", fig.canvas.get_width_height(), fig.canvas.buffer_rgba())
    image = image.convert("RGB").quantize(
        colors=colors, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
    )
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def add_bits_axis(ax, label=None):
    """Add a right-hand y axis that reads the left one (in nats) in bits.

    ``label`` defaults to "information (bits)" in the reader's language."""
    label = _("information (bits)") if label is None else label
    ln2 = np.log(2.0)
    sec = ax.secondary_yaxis("right", functions=(lambda n: n / ln2, lambda b: b * ln2))
    sec.set_ylabel(label)
    return sec


def information_curve(ax, p_min=0.005):
    """Draw I(p) = -ln p over (0, 1] in nats on ``ax``, with a bits axis on the right."""
    from .information import information

    grid = np.linspace(p_min, 1.0, 400)
    ax.plot(grid, information(grid), color=COLORS["blue"], label=r"$I(p) = -\ln p$")
    ax.set_xlim(0, 1.0)
    ax.set_ylim(0, information(p_min) * 1.02)
    ax.set_xlabel(_("probability of the event, p"))
    ax.set_ylabel(_("information (nats)"))
    add_bits_axis(ax)


def marker(ax, color=COLORS["vermillion"], markersize=9, **kwargs):
    """An empty, animated point marker (for :func:`xentlib.widgets.explorer`)."""
    (point,) = ax.plot([], [], "o", color=color, markersize=markersize, zorder=3, animated=True, **kwargs)
    point.set_in_layout(False)  # an empty marker must not move the constrained layout
    return point


def drop_line(ax, color=COLORS["vermillion"]):
    """An empty, animated dotted vertical line from the x axis up to a point."""
    (line,) = ax.plot([], [], ":", color=color, linewidth=1.5, animated=True)
    line.set_in_layout(False)
    return line
