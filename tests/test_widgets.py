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
