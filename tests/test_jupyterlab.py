"""A reader notebook as a student sees it: opened in real JupyterLab, in Chromium.

The build's reader notebook of chapter 2 (two sliders, folded solutions) is put
in an empty folder that JupyterLab serves on 127.0.0.1, and opened as a student
would open it. On the page: no raw MyST markup, every solution folded until its
"Solution" line is clicked, and a slider that moves its figure (the figures are
the build's, in the notebook's saved widget state, linked in the browser).
"""

import os
import shutil
import subprocess
import sys

import pytest
from lab_server import start_lab  # scripts/, on the path through conftest

MYST_ONLY = ["{glue", "{cite}", "{term}", "{py:func}", ":::", "{exercise}", "{solution-", "{admonition}"]


@pytest.fixture
def jupyterlab(built_site, tmp_path):
    (tmp_path / "lab").mkdir()
    shutil.copy(built_site / "_sources" / "chapters" / "02_entropy.ipynb", tmp_path / "lab" / "02_entropy.ipynb")
    # every cell in the page at once (JupyterLab otherwise renders only the cells in view)
    settings = tmp_path / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    # a downloaded notebook is untrusted, and JupyterLab then shows a widget as its plain
    # text; a reader who trusts it (or runs it) gets the sliders: trust it, in a
    # Jupyter data folder of this test's own
    env = {**os.environ, "JUPYTER_DATA_DIR": str(tmp_path / "data")}
    subprocess.run([sys.executable, "-m", "nbformat.sign", "02_entropy.ipynb"], cwd=tmp_path / "lab", env=env, check=True)
    try:
        server, url = start_lab(tmp_path, env, timeout=60)
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield url
    server.terminate()
    server.wait(timeout=20)


def test_reader_notebook_in_jupyterlab(jupyterlab, browser):
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.goto(f"{jupyterlab}/lab/tree/02_entropy.ipynb")
    notebook = page.locator(".jp-NotebookPanel .jp-Notebook")
    notebook.wait_for(timeout=60000)
    page.locator(".jp-RenderedMarkdown").first.wait_for(timeout=30000)

    page.locator(".widget-slider").first.wait_for(state="attached", timeout=60000)
    shown = notebook.inner_text()
    assert "Entropy" in shown and "### Exercise" not in shown
    left = [m for m in MYST_ONLY if m in shown]
    assert not left, f"raw MyST markup visible in JupyterLab: {left}"

    details = page.locator(".jp-RenderedMarkdown details")
    details.first.scroll_into_view_if_needed()
    assert details.count() >= 1
    assert not details.first.evaluate("d => d.open"), "a solution is open before it is clicked"
    details.first.locator("summary").click()
    assert details.first.evaluate("d => d.open"), "clicking 'Solution' did not open it"

    slider = page.locator(".widget-slider").first
    slider.scroll_into_view_if_needed()
    slider.wait_for(state="visible", timeout=60000)
    frames = page.locator(".xent-frames").first
    before = frames.screenshot()
    slider.locator(".noUi-handle").focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.wait_for_timeout(300)
    assert frames.screenshot() != before, "the slider did not move its figure"
    page.close()
