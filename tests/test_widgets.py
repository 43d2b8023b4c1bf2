"""xentlib.widgets and xentlib.plotting: the explorer's structure and its determinism."""

import ipywidgets as W
import numpy as np
import pytest

from xentlib import plotting, widgets


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
        plotting.close(fig)
    image = Image.open(BytesIO(png))
    assert image.mode == "P" and len(image.getcolors()) <= 16
    assert image.size == (640, 360)
