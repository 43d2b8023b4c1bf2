"""One figure style for the whole book.

Every figure in the book is drawn inside :func:`style` (a
``matplotlib.rc_context``: nothing global is changed) and created with
:func:`figure`, so all chapters share fonts, sizes, a white background that
reads in the site's light and dark modes, and the Okabe–Ito palette, which
stays distinguishable under the common forms of colour blindness.

Examples
--------
>>> import numpy as np
>>> from xentlib import plotting
>>> with plotting.style():
...     fig, ax = plotting.figure()
...     _ = ax.plot([0, 1], [0, 1], color=plotting.COLORS["blue"])
>>> fig.get_size_inches().tolist()
[6.4, 3.6]
>>> plotting.close(fig)
"""

import contextlib
import io

import matplotlib
import matplotlib.pyplot as plt
import numpy as np

__all__ = [
    "COLORS",
    "CYCLE",
    "style",
    "figure",
    "offscreen_figure",
    "close",
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
    "grey": "#8C8C8C",
}

#: The order in which series take colours.
CYCLE = [COLORS[c] for c in ("blue", "orange", "green", "vermillion", "sky", "purple", "black")]

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


def style():
    """Context manager applying the book's matplotlib style (nothing global changes)."""
    return matplotlib.rc_context(_RC)


def figure(width=6.4, height=3.6, ncols=1, **kwargs):
    """A new figure and axes in the book's style (call inside :func:`style`).

    Parameters
    ----------
    width, height : float
        Size in inches (at 100 dpi: 640 x 360 pixels by default).
    ncols : int
        Number of side-by-side axes.
    **kwargs
        Passed to :func:`matplotlib.pyplot.subplots`.

    Returns
    -------
    fig, ax
        ``ax`` is an array of axes when ``ncols > 1``.
    """
    fig, ax = plt.subplots(1, ncols, figsize=(width, height), layout="constrained", **kwargs)
    return fig, ax


def offscreen_figure(width=6.4, height=3.6, ncols=1):
    """A figure drawn only to pixels (an Agg canvas, never shown by pyplot).

    For figures kept and redrawn, like an explorer's: pyplot does not know
    them, so a notebook never displays them on its own, and nothing needs closing.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.subplots(1, ncols)
    return fig, ax


def close(fig):
    """Close a figure (so that a notebook does not display it a second time)."""
    plt.close(fig)


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


def add_bits_axis(ax, label="information (bits)"):
    """Add a right-hand y axis that reads the left one (in nats) in bits."""
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
    ax.set_xlabel("probability of the event, p")
    ax.set_ylabel("information (nats)")
    add_bits_axis(ax)


def marker(ax, color=COLORS["vermillion"], **kwargs):
    """An empty, animated point marker (for :func:`xentlib.widgets.explorer`)."""
    (point,) = ax.plot([], [], "o", color=color, markersize=9, zorder=3, animated=True, **kwargs)
    return point


def drop_line(ax, color=COLORS["vermillion"]):
    """An empty, animated dotted vertical line from the x axis up to a point."""
    (line,) = ax.plot([], [], ":", color=color, linewidth=1.5, animated=True)
    return line
