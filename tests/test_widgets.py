"""xentlib.widgets and xentlib.plotting: the explorer's structure and its determinism."""

import asyncio

import ipywidgets as W
import numpy as np
import pytest

from xentlib import plotting, widgets


@pytest.fixture(autouse=True)
def no_running_event_loop():
    """Each test starts with no event loop running in its thread, as in plain Python.

    Playwright's sync API (the browser tests' session fixture) leaves its own loop marked
    as running in the thread that opened it, between its calls; a worker that ran the
    browser tests first would then schedule the explorers' background redraws on a loop
    that never runs them. The tests that need a loop start their own (``asyncio.run``).
    """
    try:
        outer = asyncio.get_running_loop()
    except RuntimeError:
        outer = None
    asyncio._set_running_loop(None)
    yield
    asyncio._set_running_loop(outer)


def _setup(ax):
    ax.plot([0, 1], [0, 1])
    (point,) = ax.plot([], [], "o", animated=True)

    def update(v):
        point.set_data([v], [v])
        return f"v = {v:.2f}"

    return update


def _explorer(values=(0.1, 0.5, 0.9), **kw):
    return widgets.explorer(_setup, values, "v", caption="A point moving along the diagonal.", **kw)


def test_one_frame_per_value_and_a_short_repr():
    w = _explorer()
    assert repr(w) == "Explorer('v', 3 frames)"
    assert len(w.frames.children) == 3
    assert isinstance(w.frames, W.Tab)  # a Stack re-creates its image on every step: flicker


def test_slider_is_labelled_and_starts_where_asked():
    w = _explorer(np.linspace(0, 1, 11), value=0.72, fmt="{:.1f}")
    assert w.slider.description == "v"
    assert w.slider.index == 7 == w.frames.selected_index
    assert w.slider.options[7] == ("0.7", 7)


def test_slider_and_frames_are_linked_in_the_browser():
    w = _explorer()
    assert type(w.link).__name__ == "Link"  # jslink: runs in the browser, no kernel needed
    assert w.link.source == (w.slider, "index")
    assert w.link.target == (w.frames, "selected_index")


def test_frames_are_distinct_pngs_with_captions():
    w = _explorer()
    pngs = [bytes(page.children[0].value) for page in w.frames.children]
    assert all(p.startswith(b"\x89PNG\r\n\x1a\n") for p in pngs)
    assert len(set(pngs)) == 3, "the moving point does not show in the frames"
    captions = [page.children[1].value for page in w.frames.children]
    assert "v = 0.10" in captions[0] and "v = 0.90" in captions[2]
    assert "A point moving along the diagonal." in w.children[-1].value


def test_frames_are_deterministic():
    a = [bytes(page.children[0].value) for page in _explorer().frames.children]
    b = [bytes(page.children[0].value) for page in _explorer().frames.children]
    assert a == b


def test_frames_are_small():
    w = _explorer(np.linspace(0, 1, 5))
    sizes = [len(page.children[0].value) for page in w.frames.children]
    assert max(sizes) < 20_000, sizes  # 640 x 360 line art in 64 colours


def test_no_values_is_an_error():
    with pytest.raises(ValueError, match="values is empty"):
        widgets.explorer(_setup, [], "v", caption="x")


def test_caption_is_required():
    with pytest.raises(TypeError, match="caption"):
        widgets.explorer(_setup, [0.5], "v")


def test_png_bytes_quantises_to_a_palette():
    from io import BytesIO

    from PIL import Image

    with plotting.style():
        fig, ax = plotting.figure()
        ax.plot(np.linspace(0, 1, 50), np.linspace(0, 1, 50) ** 2)
        png = plotting.png_bytes(fig, colors=16)
    image = Image.open(BytesIO(png))
    assert image.mode == "P" and len(image.getcolors()) <= 16
    assert image.size == (640, 360)


def _setup_two(ax):
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    (point,) = ax.plot([], [], "o", animated=True)

    def update(v, height=0.5):
        point.set_data([v], [height])
        return f"v = {v:.2f}, height = {height:.2f}"

    return update


def test_extra_parameters_are_live_only_sliders_that_redraw_the_frames():
    w = widgets.explorer(
        _setup_two, [0.2, 0.8], "v", caption="A point.", extra={"height": ([0.1, 0.5, 0.9], 0.5)}
    )
    (height,) = w.extra_sliders.values()
    assert height.description == "height" and height.value == 0.5
    live = [c for c in w.children if "xent-live-only" in getattr(c, "_dom_classes", ())]
    assert live and height in live[0].children, "extra sliders must be hidden on the website"
    note = w.children[-1].value
    assert "xent-site-only" in note and "height = 0.5" in note and "run the notebook" in note

    before = [bytes(p.children[0].value) for p in w.frames.children]
    assert "height = 0.50" in w.frames.children[0].children[1].value
    height.index = 2  # what a reader does in a live notebook
    after = [bytes(p.children[0].value) for p in w.frames.children]
    assert all(a != b for a, b in zip(before, after)), "frames not redrawn for the new height"
    assert "height = 0.90" in w.frames.children[0].children[1].value
    assert w.extra_values() == {"height": 0.9}


def test_extra_must_be_values_and_default():
    with pytest.raises(ValueError, match=r"extra\['height'\] must be \(values, default\) or \(values, default, fmt\)"):
        widgets.explorer(_setup_two, [0.5], "v", caption="x", extra={"height": 0.5})


def test_extra_slider_can_have_its_own_format():
    w = widgets.explorer(
        _setup_two, [0.2, 0.8], "v", caption="A point.", fmt="{:.1f}",
        extra={"height": ([0.25, 0.5], 0.5, "{:.3f}")},
    )
    assert w.extra_sliders["height"].options[0][0] == "0.250"
    assert w.slider.options[0][0] == "0.2"
    assert "height = 0.500" in w.children[-1].value


def test_book_figures_display_once_as_a_compact_png_and_pyplot_never_sees_them():
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    with plotting.style():
        fig, ax = plotting.figure()
        ax.plot([0, 1], [1, 0])
    assert plt.get_fignums() == before  # nothing for the inline backend to show a second time
    png = fig._repr_png_()
    assert png.startswith(b"\x89PNG") and png == fig._repr_png_()  # deterministic
    assert repr(fig) == "<BookFigure size 640x360 with 1 Axes>"


# --- live-only sliders in a running kernel: the frame on show at once, the others in the background


def _live(height=0.5, values=(0.1, 0.3, 0.5, 0.7, 0.9)):
    return widgets.explorer(
        _setup_two, values, "v", caption="A point.", extra={"height": ([0.1, 0.5, 0.9], height)}
    )


def _pixels(image):
    """The RGB pixels an Image widget shows (PNG bytes, or a PNG data URL)."""
    import base64
    from io import BytesIO

    from PIL import Image

    data = bytes(image.value)
    if image.format == "url":
        assert data.startswith(b"data:image/png;base64,")
        data = base64.b64decode(data.split(b",", 1)[1])
    with Image.open(BytesIO(data)) as im:
        return im.convert("RGB").tobytes()


def _shows(w):
    """What every frame shows: (pixels, readout HTML)."""
    return [(_pixels(p.children[0]), p.children[1].value) for p in w.frames.children]


def _log_frames(w):
    """Record the (value, extra values) of every frame ``w`` draws from now on."""
    drawn, frame = [], w._renderer.frame

    def logged(v, extra, **kw):
        drawn.append((v, dict(extra)))
        return frame(v, extra, **kw)

    w._renderer.frame = logged
    return drawn


async def _drain(w, timeout=20.0):
    """Let the event loop run until ``w`` has no background work left."""
    import asyncio

    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while w._stale or w._pending is not None:
        assert loop.time() < end, "the background redraw did not finish"
        await asyncio.sleep(0.01)


def test_with_no_event_loop_a_live_move_redraws_every_frame_before_it_returns():
    w, fresh = _live(), _live(height=0.9)
    drawn = _log_frames(w)
    w.extra_sliders["height"].index = 2
    assert _shows(w) == _shows(fresh), "a frame does not show the figure for the new value"
    assert drawn[0][0] == 0.5, "the frame on show is not the first redrawn"
    assert len(drawn) == 5 and not w._stale and w._pending is None


def test_in_an_event_loop_the_frame_on_show_is_redrawn_at_once_and_the_others_in_the_background():
    import asyncio

    fresh, before = _shows(_live(height=0.9)), None

    async def main():
        nonlocal before
        w = _live()
        before = _shows(w)
        w.slider.index = w.frames.selected_index = 3  # what the browser's link does
        drawn = _log_frames(w)
        w.extra_sliders["height"].index = 2  # a reader's move, handled by the kernel's loop
        now = _shows(w)
        assert drawn == [(0.7, {"height": 0.9})], "only the frame on show is drawn during the move"
        assert now[3] == fresh[3], "the frame on show does not show the new figure"
        assert [now[i] for i in (0, 1, 2, 4)] == [before[i] for i in (0, 1, 2, 4)]
        assert w._stale == {0, 1, 2, 4} and w._pending is not None
        await _drain(w)
        assert [v for v, _ in drawn] == [0.7, 0.5, 0.9, 0.3, 0.1], "nearest to the frame on show first"
        return _shows(w)

    assert asyncio.run(main()) == fresh


def test_a_newer_live_move_supersedes_the_background_work_of_an_older_one():
    import asyncio

    fresh = _shows(_live(height=0.1))

    async def main():
        w = _live()
        height = w.extra_sliders["height"]
        drawn = _log_frames(w)
        height.index = 2
        while len(drawn) < 2:  # the frame on show, then the first background frame
            await asyncio.sleep(0.001)
        assert w._stale, "the background work already finished: the test proves nothing"
        first = len(drawn)
        height.index = 0
        await _drain(w)
        later = drawn[first:]
        assert all(extra == {"height": 0.1} for _, extra in later), "old work went on after a newer move"
        assert sorted(v for v, _ in later) == [0.1, 0.3, 0.5, 0.7, 0.9], "each frame drawn once"
        return _shows(w)

    assert asyncio.run(main()) == fresh


def test_moving_the_main_slider_to_a_stale_frame_redraws_it_at_once():
    import asyncio

    fresh = _shows(_live(height=0.9))

    async def main():
        w = _live()
        w.extra_sliders["height"].index = 2
        assert 0 in w._stale
        drawn = _log_frames(w)
        w.slider.index = 0  # before the background work has begun
        assert drawn == [(0.1, {"height": 0.9})]
        assert _shows(w)[0] == fresh[0] and 0 not in w._stale
        w.frames.selected_index = 0  # the browser's link follows: nothing more to draw
        w.slider.index = 2  # a fresh frame: nothing to draw
        assert len(drawn) == 1
        await _drain(w)
        assert sorted(v for v, _ in drawn) == [0.1, 0.3, 0.7, 0.9]
        return _shows(w)

    assert asyncio.run(main()) == fresh


def test_moves_that_arrive_together_draw_the_background_frames_once():
    import asyncio

    fresh = _shows(_live(height=0.5))

    async def main():
        w = _live()
        height = w.extra_sliders["height"]
        drawn = _log_frames(w)
        for i in (2, 0, 1):  # three moves handled back to back, as queued messages are
            height.index = i
        assert [v for v, _ in drawn] == [0.5, 0.5, 0.5], "each move draws only the frame on show"
        await _drain(w)
        assert len(drawn) == 3 + 4 and all(e == {"height": 0.5} for _, e in drawn[3:])
        return _shows(w)

    assert asyncio.run(main()) == fresh


def test_live_frames_are_encoded_fast_with_the_same_pixels():
    from xentlib.widgets import _fast_png

    w = _live()
    r = w._renderer
    for v in (0.1, 0.9):
        png, readout = r.frame(v, {"height": 0.9})
        fast, same = r.frame(v, {"height": 0.9}, fast=True)
        assert readout == same and fast.startswith(b"\x89PNG\r\n\x1a\n")
        a, b = W.Image(value=png), W.Image(value=fast)
        assert _pixels(a) == _pixels(b)
    with plotting.style():
        fig, ax = plotting.figure()
        ax.plot([0, 1], [0, 1])
        fig.canvas.draw()
        assert _pixels(W.Image(value=_fast_png(fig, 64))) == _pixels(W.Image(value=plotting.png_bytes(fig, 64)))


def test_a_live_explorer_keeps_its_short_repr_and_the_site_path():
    w = _live()
    assert repr(w) == "Explorer('v', 5 frames)"
    assert w.link.source == (w.slider, "index") and w.link.target == (w.frames, "selected_index")
    assert all(p.children[0].format == "png" for p in w.frames.children), "built frames are PNGs for the site"


def test_a_redrawn_frame_is_a_png_data_url_that_the_browser_paints_at_once():
    import asyncio

    async def main():
        w = _live()
        w.extra_sliders["height"].index = 2
        shown = w.frames.children[w.slider.index].children[0]
        assert shown.format == "url" and bytes(shown.value).startswith(b"data:image/png;base64,")
        await _drain(w)
        assert all(p.children[0].format == "url" for p in w.frames.children)

    asyncio.run(main())
