"""Figures for the book pipeline, measured in one run.

    python3 benchmarks/bench_site.py            # everything below
    python3 benchmarks/bench_site.py --no-tests # skip timing the full test command

1. Clean build time of the whole book (``jupyter-book build`` from scratch,
   notebooks executed), target <= 90 s.
2. Time of the full test command (``python3 -m pytest``), target <= 6 min on
   2 cores, and, inside it, the cost of re-running the chapters and xentlib's
   tests under restricted NumPy dispatch levels (tests/test_cpu_independence.py,
   run alone on one core).
3. Each page's own weight: its HTML plus the images it references (shared
   theme and vendored JavaScript excluded), target <= 1.5 MB per chapter.
4. Slider latency on the website, kernel-free: key press to the first
   animation frame that shows the new figure, in headless Chromium, for
   every slider of every chapter; target <= 50 ms.
5. Slider latency in a live kernel. The explorers' slider is linked to the
   figure in the browser (``jslink``), so a live notebook takes the same
   path as the site, with no kernel round trip; what a kernel does pay is
   drawing frames, so the time to draw and encode one frame is reported
   (the cost an ``interact``-style redraw would pay per step), against the
   100 ms target. The sliders that do need the kernel (live-only ones,
   ``extra=``) are measured key press to new figure in real JupyterLab by
   ``benchmarks/bench_live_sliders.py``.
"""

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, JUPYTER_BOOK, _Quiet  # noqa: E402

LATENCY_JS = """
(() => {
  window.__latencies = [];
  document.addEventListener('keydown', () => {
    const t0 = performance.now();
    const frames = document.activeElement.closest('.widget-vbox').querySelector('.xent-frames');
    const before = frames.innerText;
    const poll = () => {
      if (frames.innerText !== before) {
        requestAnimationFrame(() => window.__latencies.push(performance.now() - t0));
      } else if (performance.now() - t0 < 2000) {
        requestAnimationFrame(poll);
      }
    };
    poll();
  }, true);
})();
"""


def timed(cmd, **kw):
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT, capture_output=True, **kw)
    return time.perf_counter() - t0


def page_weights(html_root):
    rows = []
    for page in sorted(html_root.rglob("*.html")):
        if "_static" in page.parts:
            continue
        text = page.read_text()
        images = 0
        for src in set(re.findall(r'<img[^>]+src="([^"]+)"', text)):
            if src.startswith(("data:", "http")) or "_static" in src:
                continue
            f = (page.parent / src.split("?")[0]).resolve()
            if f.exists():
                images += f.stat().st_size
        rows.append((str(page.relative_to(html_root)), len(text.encode()), images))
    return rows


def slider_latency(html_root, presses=10):
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(html_root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for chapter in sorted((html_root / "chapters").glob("*.html")):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"http://127.0.0.1:{server.server_port}/chapters/{chapter.name}")
            page.wait_for_load_state("networkidle")
            page.evaluate(LATENCY_JS)
            handles = page.locator(".xent-frames")
            sliders = page.locator(".widget-slider:visible .noUi-handle")  # not the live-only ones
            for i in range(sliders.count()):
                sliders.nth(i).scroll_into_view_if_needed()
                sliders.nth(i).focus()
                for k in range(presses):
                    page.keyboard.press("ArrowLeft" if k < presses // 2 else "ArrowRight")
                    page.wait_for_timeout(120)
            results[chapter.stem] = page.evaluate("window.__latencies")
            assert handles.count() >= 1
            page.close()
        browser.close()
    server.shutdown()
    return results


def frame_cost(frames=40):
    """Seconds per frame of a chapter-1-sized explorer (draw the moving part, encode the PNG)."""
    import numpy as np

    from xentlib import information, plotting, widgets

    def setup(ax):
        plotting.information_curve(ax)
        point = plotting.marker(ax)

        def update(p):
            point.set_data([p], [float(information(p))])
            return f"p = {p}"

        return update

    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        widgets.explorer(setup, np.linspace(0.025, 1, frames), "p", caption="benchmark")
        times.append((time.perf_counter() - t0) / frames)
    return times


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-tests", action="store_true", help="skip timing the full test command")
    ap.add_argument("--site", help="measure an already built site (its html folder): no build, no tests")
    args = ap.parse_args()

    out = Path(tempfile.mkdtemp(prefix="xent-bench-"))
    if args.site:
        html = Path(args.site)
    else:
        build = timed([*JUPYTER_BOOK, "build", "--warningiserror", "--keep-going", "--path-output", str(out), "."])
        html = out / "_build" / "html"
        print(f"clean build of the whole book: {build:6.1f} s   (target <= 90 s)")
    if not (args.no_tests or args.site):
        tests = timed([sys.executable, "-m", "pytest", "-q"])
        print(f"full test command:             {tests:6.1f} s   (target <= 360 s)")
        cpu = timed([sys.executable, "-m", "pytest", "-q", "-n", "0", "tests/test_cpu_independence.py"])
        print(f"  of it, CPU-independence reruns:{cpu:6.1f} s   (one core, both dispatch levels)")

    print("\npage weight (own HTML + its images)           HTML      images     total")
    for rel, h, i in page_weights(html):
        flag = "  > 1.5 MB" if h + i > 1.5e6 else ""
        print(f"  {rel:<42}{h / 1e3:8.0f} kB{i / 1e3:8.0f} kB{(h + i) / 1e6:8.2f} MB{flag}")

    print("\nslider latency on the site (key press -> painted new frame), kernel-free")
    for chapter, lat in slider_latency(html).items():
        if lat:
            print(f"  {chapter:<32} n={len(lat):3d}  median {statistics.median(lat):5.1f} ms"
                  f"  max {max(lat):5.1f} ms   (target <= 50 ms)")
        else:
            print(f"  {chapter:<32} no slider step changed the figure!")

    cost = frame_cost()
    print("\nlive kernel: the slider is jslinked in the browser (same path as above, no kernel"
          " round trip);\n  drawing + encoding one frame in the kernel (once, when the cell runs):"
          f" median {statistics.median(cost) * 1e3:.1f} ms per frame (target <= 100 ms)")
    shutil.rmtree(out)


if __name__ == "__main__":
    main()
