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

Live-only sliders (``extra=``) change every frame, so only a kernel can
follow them. A move redraws the frame on show at once, within the kernel's
handling of the move, and leaves the others stale; the kernel's event loop
redraws those one at a time, nearest to the frame on show first, so that the
kernel still answers the next move within a frame's drawing time. A newer
move restarts that work, and a main slider's move to a stale frame redraws
it at once. A redrawn frame is encoded for speed (the same pixels, a bigger
file) and sent as a ``data:`` URL, which the browser paints in its next
frame (PNG bytes become a ``blob:`` URL, which loads asynchronously). The
website's frames, drawn when the book is built, stay the smallest PNGs.
"""

import asyncio
import base64
import html
import io

import ipywidgets as W

from . import plotting
from ._i18n import _

__all__ = ["explorer", "Explorer"]

# The explorers' own style, shipped inside the widget so that it works in
# JupyterLab and on the site alike, without any book CSS:
# - the Tab's tab bar and border are hidden (the slider chooses the frame);
# - on a narrow screen the figure scales down to the width (its height keeps
#   the ratio), the slider's label goes above its track, and the readout and
#   caption wrap;
# - the slider's handle shows keyboard focus (ipywidgets sets outline: none)
#   and is bigger under a finger;
# - on a dark page (the site's dark theme, JupyterLab's dark theme) each figure
#   is inverted so that its white background matches the page and its black
#   text becomes light; hue-rotate(180deg) turns the inverted hues back, so
#   blue stays blue and orange orange (lighter or darker).
_DARK = 'html[data-theme="dark"] .xent-frames img, body[data-jp-theme-light="false"] .xent-frames img'
_CSS = (
    "<style>"
    ".xent-frames > .lm-TabBar, .xent-frames > .widget-tab-bar { display: none !important; }"
    ".xent-frames > .widget-tab-contents, .xent-frames > .lm-StackedPanel"
    " { border: none !important; padding: 0 !important; overflow: visible !important; }"
    ".xent-frames, .xent-frames .widget-vbox { max-width: 100%; min-width: 0; }"
    ".xent-frames img.widget-image { max-width: 100%; height: auto; }"
    ".xent-readout { font-family: var(--pst-font-family-monospace, monospace);"
    " font-size: 0.95em; margin: 0.2em 0 0 0.5em; white-space: normal; overflow-wrap: anywhere; }"
    ".xent-figcaption { font-style: italic; margin: 0.4em 0 0 0.5em; max-width: min(640px, 100%);"
    " line-height: 1.4; white-space: normal; }"
    ".xent-explorer .widget-slider .noUi-handle:focus-visible"
    " { outline: 3px solid var(--pst-color-accent, var(--jp-brand-color1, #0072B2)); outline-offset: 2px; }"
    "@media (pointer: coarse) { .xent-explorer { --jp-widgets-slider-handle-size: 28px; } }"
    "@media (max-width: 560px) { .xent-explorer .widget-slider { flex-wrap: wrap; height: auto; }"
    " .xent-explorer .widget-slider > .widget-label { width: 100%; } }"
    f"{_DARK} {{ filter: invert(0.92) hue-rotate(180deg) !important;"
    " background: none !important; padding: 0 !important; border-radius: 0 !important; }"
    "</style>"
)


class _Renderer:
    """Draws an explorer's frames by blitting onto the static part of one figure."""

    def __init__(self, setup, width, height, ncols, colors):
        with plotting.style():
            self.fig, ax = plotting.figure(width, height, ncols=ncols)
            self.update = setup(ax)
            self.fig.canvas.draw()  # lays out and draws the static part (animated artists skipped)
            self.fig.set_layout_engine("none")  # keep that layout for every frame
            self.background = self.fig.canvas.copy_from_bbox(self.fig.bbox)
        self.colors = colors

    def frame(self, v, extra, fast=False):
        """(PNG bytes, readout text) for parameter value ``v`` and extra values.

        ``fast`` encodes the same pixels with quick zlib settings rather than
        as the smallest PNG (see :func:`_fast_png`).
        """
        with plotting.style():
            self.fig.canvas.restore_region(self.background)
            readout = self.update(v, **extra)
            for artist in self.fig.findobj(lambda a: a.get_animated()):
                self.fig.draw_artist(artist)
            if fast:
                return _fast_png(self.fig, self.colors), readout
            return plotting.png_bytes(self.fig, self.colors, redraw=False), readout


def _fast_png(fig, colors):
    """The canvas as :func:`plotting.png_bytes` quantises it, encoded for speed.

    ``png_bytes`` searches for the smallest file (``optimize``), which is most
    of a frame's cost (about 16 of 25 ms); this takes about 1 ms for a file
    about 1.6 times bigger, the same pixels. For frames redrawn in a live
    kernel, which go to the browser over the kernel's connection and never
    into the website.
    """
    from PIL import Image

    image = Image.frombuffer("RGBA", fig.canvas.get_width_height(), fig.canvas.buffer_rgba())
    image = image.convert("RGB").quantize(
        colors=colors, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
    )
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)
    return out.getvalue()


class Explorer(W.VBox):
    """A slider and the frames it selects (see :func:`explorer`).

    Its text representation is one short line: a notebook's stored output
    then holds no image bytes in ``text/plain`` and compares cleanly.
    """

    def __init__(self, renderer, values, slider, frames, label, caption, extra_sliders, note):
        #: the browser-side link from the slider to the frame shown (kept
        #: here so that it lives as long as the widget)
        self.link = W.jslink((slider, "index"), (frames, "selected_index"))
        self.slider, self.frames, self.extra_sliders = slider, frames, extra_sliders
        self._renderer, self._values, self._label = renderer, values, label
        #: frames drawn for older live-only slider values, still to redraw
        self._stale = set()
        #: counts live-only slider moves: background work for an older one stops
        self._generation = 0
        #: the scheduled background step (an asyncio handle), or None
        self._pending = None
        css = W.HTML(_CSS, layout=W.Layout(height="0px", margin="0px"))
        text = W.HTML(f'<div class="xent-figcaption" role="note">{html.escape(caption)}</div>')
        children = [css, slider, frames, text]
        if extra_sliders:
            live = W.VBox(list(extra_sliders.values()))
            live.add_class("xent-live-only")  # hidden on the website, where nothing could run them
            children[2:2] = [live]
            children.append(W.HTML(note))
            for s in extra_sliders.values():
                s.observe(self._redraw, names="index")
            slider.observe(self._show, names="index")
            frames.observe(self._show, names="selected_index")
        super().__init__(children=children)
        self.add_class("xent-explorer")

    def extra_values(self):
        """The current values of the live-only sliders."""
        return {name: s.value for name, s in self.extra_sliders.items()}

    # A live-only slider's move redraws the frame on show at once (while the
    # kernel handles the move: the browser sends the slider's next move only
    # when the kernel is idle again, so moves that come meanwhile merge into
    # one) and marks the others stale. The kernel's event loop then redraws
    # those one per iteration, nearest to the frame on show first, so that a
    # slider's next move waits for one frame at most; a newer move restarts
    # the work. A main slider's move to a stale frame redraws it at once.
    # With no running event loop (plain Python) all the frames are redrawn
    # before the move returns.

    #: seconds between a live-only slider's move and the first background
    #: frame: the browser shows the new figure meanwhile, without the kernel
    #: competing for the CPU (benchmarks/bench_live_sliders.py: the new
    #: figure shows about 7 ms sooner than with no delay)
    _DELAY = 0.05
    #: seconds between background frames, for the kernel to take messages
    #: (with none, presses 150 ms apart took about 20 ms longer)
    _GAP = 0.005

    def _redraw(self, change=None):
        """A live-only slider moved: redraw the frame on show now, the others soon."""
        self._generation += 1
        shown = self._shown()
        self._stale = set(range(len(self._values)))
        for i in shown:
            self._draw(i)
        self._schedule(self._DELAY)

    def _show(self, change):
        """The main slider moved: redraw the frame it shows now if it is stale."""
        if change["new"] in self._stale:
            self._draw(change["new"])

    def _shown(self):
        """The frames on show (the slider's and the Tab's, one in a browser)."""
        shown = [self.slider.index, self.frames.selected_index]
        return [i for k, i in enumerate(shown) if i is not None and i not in shown[:k]]

    def _draw(self, i):
        """Redraw frame ``i`` for the live-only sliders' current values.

        The image goes as a ``data:`` URL, which the browser decodes in time
        for its next paint. PNG bytes would become a ``blob:`` URL, which
        loads asynchronously: the ``<img>`` is then not ``complete`` for a
        frame or two (Chromium keeps painting the previous figure meanwhile),
        and a frame redrawn out of sight may be on show by the time it loads.
        """
        self._stale.discard(i)
        png, readout = self._renderer.frame(self._values[i], self.extra_values(), fast=True)
        page = self.frames.children[i]
        image = page.children[0]
        with image.hold_sync():  # format and value in one message: never one without the other
            image.format, image.value = "url", b"data:image/png;base64," + base64.b64encode(png)
        if readout is not None:
            page.children[1].value = _readout_html(readout)

    def _schedule(self, delay):
        """Redraw the stale frames: in the background if an event loop runs, else now."""
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None
        if not self._stale:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop: nothing would come back to the work
            while self._stale:
                self._draw(self._next_stale())
            return
        self._pending = loop.call_later(delay, self._background, self._generation)

    def _background(self, generation):
        """Redraw one stale frame, then schedule the next."""
        self._pending = None
        if generation != self._generation or not self._stale:
            return
        self._draw(self._next_stale())
        self._schedule(self._GAP)

    def _next_stale(self):
        """The stale frame nearest to the one on show."""
        shown = self._shown() or [0]
        return min(self._stale, key=lambda i: (abs(i - shown[0]), i))

    def __repr__(self):
        return f"Explorer({self._label!r}, {len(self.frames.children)} frames)"


def _readout_html(readout):
    return f'<div class="xent-readout">{html.escape(readout)}</div>'


def _frame(png, readout, width, height, layout):
    image = W.Image(value=png, format="png", width=str(width), height=str(height), layout=layout)
    if readout is None:
        return W.VBox([image], layout=layout)
    return W.VBox([image, W.HTML(_readout_html(readout), layout=layout)], layout=layout)


def _nearest(values, value):
    return min(range(len(values)), key=lambda i: abs(values[i] - value))


def _selection_slider(options, index, label, width):
    """A labelled slider over ``options``, ``[(shown text, value), ...]``, starting at ``index``."""
    return W.SelectionSlider(
        options=options,
        index=index,
        description=label,
        continuous_update=True,
        layout=W.Layout(width="100%", max_width=f"{width}px"),
        style={"description_width": "initial"},
    )


def explorer(
    setup, values, label, *, caption, value=None, fmt="{:g}", extra=None,
    width=6.4, height=3.6, ncols=1, colors=64,
):
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
        Format of the slider readouts.
    extra : dict, optional
        More parameters, ``{name: (values, default)}`` or
        ``{name: (values, default, fmt)}`` (readout format; default ``fmt``), passed to
        ``update(v, name=...)``. They get sliders in a live notebook, where
        moving one redraws the frame on show at once and the others in the
        background (see the module's docstring); the website,
        which has no kernel to redraw them, shows the figure at the defaults
        and says so. Give ``values``/``label`` to the most telling parameter.
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
    frame about five times cheaper than redrawing the figure. A change that
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
    start = len(values) // 2 if value is None else _nearest(values, value)
    size = (int(width * 100), int(height * 100))

    extra_sliders, extra_fmts = {}, {}
    for name, spec in (extra or {}).items():
        try:
            choices, default, *rest = spec
            choices = list(choices)
            if len(rest) > 1:
                raise ValueError
        except (TypeError, ValueError):
            raise ValueError(
                f"extra[{name!r}] must be (values, default) or (values, default, fmt), got {spec!r}."
            ) from None
        extra_fmts[name] = rest[0] if rest else fmt
        options = [(extra_fmts[name].format(c), c) for c in choices]
        extra_sliders[name] = _selection_slider(options, _nearest(choices, default), name, size[0])
    extra_values = {name: s.value for name, s in extra_sliders.items()}

    renderer = _Renderer(setup, width, height, ncols, colors)
    layout = W.Layout()  # one shared layout model keeps the embedded state small
    pages = [_frame(*renderer.frame(v, extra_values), *size, layout) for v in values]

    # The main slider's values are frame indices: the browser links them to the Tab of frames.
    slider = _selection_slider([(fmt.format(v), i) for i, v in enumerate(values)], start, label, size[0])
    frames = W.Tab(children=pages, selected_index=start)
    frames.add_class("xent-frames")
    fixed = ", ".join(f"{name} = {extra_fmts[name].format(v)}" for name, v in extra_values.items())
    site_only = _("On this page the figure is drawn with {fixed}; run the notebook to vary {names} too.")
    site_only = site_only.format(fixed=fixed, names=", ".join(extra_sliders))
    note = f'<div class="xent-site-only" style="display: none">{site_only}</div>'
    return Explorer(renderer, values, slider, frames, label, caption, extra_sliders, note)
