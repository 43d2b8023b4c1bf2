"""Interactive explorers: a labelled slider and a figure that follows it.

One call, :func:`explorer`, turns "a figure as a function of a parameter"
into a widget that works in all three places the book is read:

* in a live notebook, every slider step shows its figure at once;
* on the published website, with **no kernel**, dragging the slider or
  pressing the arrow keys still changes the figure and the printed values;
* offline, because nothing is fetched at run time.

How: every slider position's figure is drawn once, in Python, to a small
PNG. The frames go into a :class:`ipywidgets.Tab` whose tab bar is hidden,
and the slider's index is ``jslink``-ed to the Tab's ``selected_index``.
The link runs in the browser, so it needs no kernel, and MyST-NB embeds the
widget state (frames included) in the page. A ``Tab`` rather than a
``Stack``: a Stack re-creates its visible child on every change and the
image goes blank for a frame or two, while a Tab builds each frame once and
only hides and shows them.
"""

import html

import ipywidgets as W

from . import plotting

__all__ = ["explorer", "Explorer"]

# Hides the Tab's tab bar and border; shipped inside the widget so it works
# in JupyterLab and on the site alike, without any book CSS.
_CSS = (
    "<style>"
    ".xent-frames > .lm-TabBar, .xent-frames > .widget-tab-bar { display: none !important; }"
    ".xent-frames > .widget-tab-contents, .xent-frames > .lm-StackedPanel"
    " { border: none !important; padding: 0 !important; overflow: visible !important; }"
    ".xent-readout { font-family: var(--pst-font-family-monospace, monospace);"
    " font-size: 0.95em; margin: 0.2em 0 0 0.5em; }"
    ".xent-figcaption { font-style: italic; margin: 0.4em 0 0 0.5em; max-width: 640px;"
    " line-height: 1.4; white-space: normal; }"
    "</style>"
)


class Explorer(W.VBox):
    """A slider and the frames it selects (see :func:`explorer`).

    Its text representation is one short line: a notebook's stored output
    then holds no image bytes in ``text/plain`` and compares cleanly.
    """

    def __init__(self, slider, frames, label, caption, **kwargs):
        #: the browser-side link from the slider to the frame shown (kept
        #: here so that it lives as long as the widget)
        self.link = W.jslink((slider, "index"), (frames, "selected_index"))
        css = W.HTML(_CSS, layout=W.Layout(height="0px", margin="0px"))
        text = W.HTML(f'<div class="xent-figcaption" role="note">{html.escape(caption)}</div>')
        super().__init__(children=[css, slider, frames, text], **kwargs)
        self.slider = slider
        self.frames = frames
        self._label = label

    def __repr__(self):
        return f"Explorer({self._label!r}, {len(self.frames.children)} frames)"


def _frame(png, readout, width, height, layout):
    image = W.Image(value=png, format="png", width=str(width), height=str(height), layout=layout)
    if readout is None:
        return W.VBox([image], layout=layout)
    text = W.HTML(f'<div class="xent-readout">{html.escape(readout)}</div>', layout=layout)
    return W.VBox([image, text], layout=layout)


def explorer(setup, values, label, *, caption, value=None, fmt="{:g}", width=6.4, height=3.6, ncols=1, colors=64):
    """A labelled slider over ``values`` and a figure that follows it.

    Parameters
    ----------
    setup : callable
        ``setup(ax)`` draws the parts of the figure that do not move (curves,
        axes, labels) on a fresh Axes (an array of them if ``ncols > 1``),
        inside the book's style, and returns ``update``. It creates the parts
        that move with ``animated=True`` (``ax.plot([], [], "o",
        animated=True)``, ``ax.text(..., animated=True)``). ``update(v)``
        moves them to parameter value ``v`` and returns the text to print
        under the figure (the values the reader should read), or None.
    values : sequence of float
        The slider positions, in order. Each becomes one precomputed frame:
        keep it to a few dozen so the page stays light.
    label : str
        The slider's visible label (e.g. ``"probability p"``).
    caption : str
        What the figure shows, in words: printed under it as its caption and
        the text alternative for readers who cannot see the image.
    value : float, optional
        The initial position (the nearest entry of ``values``); default the middle.
    fmt : str
        Format of the slider's readout.
    width, height : float
        Figure size in inches (100 pixels per inch).
    ncols : int
        Number of side-by-side axes passed to ``setup``.
    colors : int
        Palette size of the PNG frames.

    Returns
    -------
    Explorer
        A widget: display it as a cell's last expression.

    Notes
    -----
    The static part is drawn once; each frame restores it and draws only
    the animated artists on top (matplotlib's blitting), which makes a
    frame about ten times cheaper than redrawing the figure. A change that
    ``update`` makes to an artist *not* marked animated does not show.

    Examples
    --------
    >>> from xentlib.widgets import explorer
    >>> def setup(ax):
    ...     ax.plot([0, 1], [0, 1])
    ...     (point,) = ax.plot([], [], "o", animated=True)
    ...     def update(p):
    ...         point.set_data([p], [p])
    ...         return f"p = {p:.1f}"
    ...     return update
    >>> w = explorer(setup, [0.1, 0.5, 0.9], "p", caption="A point on the diagonal.")
    >>> w
    Explorer('p', 3 frames)
    >>> w.slider.index, w.frames.selected_index
    (1, 1)
    """
    values = list(values)
    if not values:
        raise ValueError("values is empty: an explorer needs at least one slider position.")
    if value is None:
        start = len(values) // 2
    else:
        start = min(range(len(values)), key=lambda i: abs(values[i] - value))

    size = (int(width * 100), int(height * 100))
    layout = W.Layout()  # one shared layout model keeps the embedded state small
    pages = []
    with plotting.style():
        fig, ax = plotting.figure(width, height, ncols=ncols)
        update = setup(ax)
        fig.canvas.draw()  # lays out and draws the static part (animated artists are skipped)
        fig.set_layout_engine("none")  # keep that layout for every frame
        background = fig.canvas.copy_from_bbox(fig.bbox)
        for v in values:
            fig.canvas.restore_region(background)
            readout = update(v)
            for artist in fig.findobj(lambda a: a.get_animated()):
                fig.draw_artist(artist)
            png = plotting.png_bytes(fig, colors, redraw=False)
            pages.append(_frame(png, readout, *size, layout))
        plotting.close(fig)

    slider = W.SelectionSlider(
        options=[(fmt.format(v), i) for i, v in enumerate(values)],
        index=start,
        description=label,
        continuous_update=True,
        layout=W.Layout(width=f"{size[0]}px"),
        style={"description_width": "initial"},
    )
    frames = W.Tab(children=pages, selected_index=start)
    frames.add_class("xent-frames")
    return Explorer(slider, frames, label, caption)
