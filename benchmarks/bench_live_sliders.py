"""Slider latency in a running kernel: JupyterLab 4 in Chromium, every slider of chapters 2 and 3.

    python3 benchmarks/bench_live_sliders.py                   # the working tree, 10 presses a slider
    python3 benchmarks/bench_live_sliders.py --baseline HEAD   # and HEAD's xentlib beside it
    python3 benchmarks/bench_live_sliders.py --rounds 2 \
        --variant "no delay=import xentlib.widgets as w; w.Explorer._DELAY = 0"
    python3 benchmarks/bench_live_sliders.py --presses 20 --notebooks 03_kl_divergence

JupyterLab (the version pinned in requirements.txt) is started on 127.0.0.1 in a
temporary folder, as tests/test_jupyterlab.py starts it (no token, every cell in
the page, Jupyter data, settings and workspaces folders of its own). Each chapter
is copied there, opened in headless Chromium and run ("Run All Cells"), so its
explorers are live widgets with a kernel behind them. Then, for every slider of
every explorer, the slider's handle is focused and the arrow keys pressed (half
the presses to the right, half back), one press at a time, each left to settle
(the figure changed and no image or readout in the page changed for 400 ms)
before the next. Rows:

* main: a main slider (linked to its frames in the browser, no kernel involved);
* live-only: a live-only slider (``extra=``; the kernel redraws the frames);
* live, 150 ms apart: the same slider pressed every 150 ms, not left to settle,
  so that presses come while the kernel still works on the one before;
* main after live: a live-only slider is pressed and, as soon as its new figure
  shows, the main slider (one step, then back the next time), whose other
  frames may still be out of date; timed to the *last* change of the figure on
  show, the up-to-date one.

Measured in the page, per key press:

* latency: ``performance.now()`` from the keydown to the first animation frame in
  which the figure on show has changed (another frame, or a new ``src``) and is
  fully loaded (``complete``, ``naturalWidth > 0``);
* blank: animation frames, from the keydown until the next one, in which no
  figure is on show, or the one on show has no size or is not loaded (not
  ``complete`` or ``naturalWidth`` 0); "unpainted" counts those of them in which
  the figure's ``<img>`` was not on show, loaded, in the frame before: while an
  ``<img>``'s new ``src`` loads Chromium keeps painting its previous image
  (ImageLoader::UpdateLayoutObject, "prevents flickering"), so only the
  unpainted ones can be seen as blank;
* late: changes of the figure on show after the one timed (a figure that was out
  of date when shown, then redrawn).

Target: key press -> new figure <= 100 ms (median), and no blank frame.

Side by side in one run, notebook by notebook, alternately, in the same
JupyterLab and browser, so that machine noise hits all alike: ``--baseline REF``
adds a kernel that imports xentlib as it is in git revision REF (``git archive``
into the temporary folder, first on its PYTHONPATH; nothing checked out);
``--variant LABEL=CODE`` adds the working tree with CODE run in a first cell
(e.g. a private setting changed); ``--rounds N`` repeats the whole sequence.
``--json PATH`` writes every press's measurements.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
import lab_server  # noqa: E402  (scripts/, on the path through conftest)
from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402

NOTEBOOKS = ["02_entropy", "03_kl_divergence"]
PAINTED = "loading, previous figure still painted"
TARGET_MS, QUIET_MS, STEP_TIMEOUT_MS = 100, 400, 15000
QUICK_MS = 150  # the "live, ... ms apart" rows: a press every QUICK_MS, not left to settle

# Installed once per page: a keydown (capture) inside an explorer opens a "step";
# every animation frame then looks at the figure on show in that explorer.
MEASURE_JS = """
(() => {
  const B = window.__bench = {steps: [], step: null, lastMutation: performance.now()};
  // imgs that were on show, loaded, in the previous animation frame (and the src they had)
  let painted = new Map();
  const shown = (root) => {
    for (const img of root.querySelectorAll('.xent-frames img')) {
      if (img.checkVisibility()) return img;
    }
    return null;
  };
  const state = (img) => {
    if (!img) return 'no figure';
    const r = img.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return 'zero size';
    if (!img.complete || img.naturalWidth === 0) {
      // Chromium keeps painting an img's previous image while its new src loads
      // (ImageLoader::UpdateLayoutObject), if it had one on show
      return painted.has(img) ? 'loading, previous figure still painted' : 'loading, nothing painted';
    }
    return null;
  };
  B.close = () => {
    if (B.step) { const s = B.step; B.step = null; delete s.root; delete s.img; delete s.img0;
                  B.steps.push(s); }
  };
  document.addEventListener('keydown', (e) => {
    const root = e.target.closest && e.target.closest('[data-bench-explorer]');
    if (!root) return;
    B.close();
    const img = shown(root);
    B.step = {t0: performance.now(), root, img0: img, src0: img && img.src, img: null, src: null,
              latency: null, last: null, blank: 0, reasons: {}, late: 0, key: e.key};
  }, true);
  const tick = () => {
    const now = performance.now(), s = B.step;
    if (s) {
      const img = shown(s.root), bad = state(img);
      if (bad) {
        s.blank += 1;
        s.reasons[bad] = (s.reasons[bad] || 0) + 1;
      } else if (s.latency === null) {
        if (img !== s.img0 || img.src !== s.src0) {
          s.latency = s.last = now - s.t0; s.img = img; s.src = img.src;
        }
      } else if (img !== s.img || img.src !== s.src) {
        s.late += 1; s.last = now - s.t0; s.img = img; s.src = img.src;
      }
    }
    const next = new Map();
    for (const img of document.querySelectorAll('[data-bench-explorer] .xent-frames img')) {
      if (img.checkVisibility() && ((img.complete && img.naturalWidth > 0) || painted.has(img))) next.set(img, true);
    }
    painted = next;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  new MutationObserver(() => { B.lastMutation = performance.now(); }).observe(
    document.body, {subtree: true, attributes: true, attributeFilter: ['src'], childList: true,
                    characterData: true});
})();
"""

# Tags every explorer (the parent of a .xent-frames) and lists its sliders.
EXPLORERS_JS = """
() => [...document.querySelectorAll('.xent-frames')].map((frames, k) => {
  const root = frames.parentElement;
  root.setAttribute('data-bench-explorer', String(k));
  return [...root.querySelectorAll('.widget-slider')].map((s) => ({
    label: (s.querySelector('.widget-label') || {}).textContent || '?',
    live: !!s.closest('.xent-live-only'),
  }));
})
"""

# "main after live" also needs to know when the live press has shown its figure.
SETTLED_JS = """
([quiet]) => { const B = window.__bench, s = B.step;
  return !!s && s.latency !== null && performance.now() - B.lastMutation > quiet; }
"""


def start_lab(folder, env):
    """JupyterLab on ``folder/lab``, with ``window.jupyterapp`` to run the cells and watch the kernel."""
    with open(folder / "lab.log", "w") as log:
        try:
            return lab_server.start_lab(
                folder, env, f"--LabApp.workspaces_dir={folder / 'workspaces'}",
                "--LabApp.expose_app_in_browser=True", log=log, timeout=120,
            )
        except RuntimeError as exc:
            sys.exit(f"{exc}; see {folder / 'lab.log'}")


def prepare(folder, notebooks, baseline, variants=()):
    """The lab folder, with each chapter once per code measured; [(code, notebook file)]."""
    (folder / "lab").mkdir()
    settings = folder / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    env = {**os.environ, "JUPYTER_DATA_DIR": str(folder / "data")}
    runs = []
    for name in notebooks:
        shutil.copy(ROOT / "chapters" / f"{name}.ipynb", folder / "lab" / f"{name}.ipynb")
        runs.append(("working tree", f"{name}.ipynb"))
        if baseline:
            nb = json.loads((ROOT / "chapters" / f"{name}.ipynb").read_text())
            nb["metadata"]["kernelspec"] = {"name": "xent-baseline", "display_name": "baseline", "language": "python"}
            (folder / "lab" / f"{name}.baseline.ipynb").write_text(json.dumps(nb))
            runs.append((baseline, f"{name}.baseline.ipynb"))
        for k, (label, code) in enumerate(variants):
            # the working tree with `code` run first (e.g. a private setting changed)
            nb = json.loads((ROOT / "chapters" / f"{name}.ipynb").read_text())
            cell = {"cell_type": "code", "metadata": {}, "source": code, "outputs": [], "execution_count": None}
            nb["cells"].insert(0, cell)
            (folder / "lab" / f"{name}.variant{k}.ipynb").write_text(json.dumps(nb))
            runs.append((label, f"{name}.variant{k}.ipynb"))
    if baseline:
        # a kernel that imports xentlib from `git archive REF` (PYTHONPATH comes before
        # the editable install)
        src = folder / "baseline"
        src.mkdir()
        archive = subprocess.run(["git", "archive", baseline, "xentlib"], cwd=ROOT, check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(src)], input=archive.stdout, check=True)
        spec = folder / "data" / "kernels" / "xent-baseline"
        spec.mkdir(parents=True)
        (spec / "kernel.json").write_text(json.dumps({
            "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "baseline", "language": "python", "env": {"PYTHONPATH": str(src)},
        }))  # fmt: skip
    return env, runs


# The notebook panel of a path (not shell.currentWidget, which may still be another one).
PANEL_JS = """(name) => [...window.jupyterapp.shell.widgets('main')].find(
    (w) => w.context && w.context.path === name && w.sessionContext)"""


def run_notebook(page, url, name):
    """Open a notebook in a workspace of its own and run all its cells; return the seconds taken."""
    page.goto(f"{url}/lab/workspaces/{name.replace('.', '-')}/tree/{name}?reset")
    page.wait_for_function(f"(name) => window.jupyterapp && ({PANEL_JS})(name)", arg=name, timeout=120000)
    page.evaluate(f"""async (name) => {{
        const panel = ({PANEL_JS})(name), ctx = panel.sessionContext;
        window.jupyterapp.shell.activateById(panel.id);
        await ctx.ready;
        while (ctx.session?.kernel?.status !== 'idle') await new Promise((r) => setTimeout(r, 100));
    }}""", name)
    t0 = time.perf_counter()
    ok = page.evaluate(f"""async (name) => {{
        const panel = ({PANEL_JS})(name);
        window.jupyterapp.shell.activateById(panel.id);
        return await window.jupyterapp.commands.execute('notebook:run-all-cells');
    }}""", name)
    errors = page.evaluate(f"""(name) => ({PANEL_JS})(name).content.widgets
        .flatMap((c) => c.model.type === 'code' ? c.model.outputs.toJSON() : [])
        .filter((o) => o.output_type === 'error').map((o) => `${{o.ename}}: ${{o.evalue}}`)""", name)
    if ok is False or errors:
        sys.exit(f"{name}: a cell failed: {errors}")
    page.wait_for_function(f"""(name) => {{
        const panel = ({PANEL_JS})(name), k = panel.sessionContext.session?.kernel;
        return k?.status === 'idle' && panel.content.widgets.every(
            (c) => c.model.type !== 'code' || c.model.executionCount !== null);
    }}""", arg=name, timeout=120000, polling=250)  # fmt: skip
    page.wait_for_timeout(1000)  # the last widgets render
    return time.perf_counter() - t0


def shut_down(page, name):
    page.evaluate(f"(name) => ({PANEL_JS})(name).sessionContext.shutdown()", name)


def _handle(page, explorer, slider):
    return page.locator(f"[data-bench-explorer='{explorer}'] .widget-slider").nth(slider).locator(".noUi-handle")


def _press(page, handle, going):
    """Press the arrow key that moves the slider one step ``going`` (+1 right, -1 left),
    or the other way at either end."""
    now, lo, hi = (float(handle.get_attribute(a)) for a in ("aria-valuenow", "aria-valuemin", "aria-valuemax"))
    if now >= hi:
        going = -1
    elif now <= lo:
        going = 1
    handle.press("ArrowRight" if going > 0 else "ArrowLeft")


def _settle(page):
    try:
        page.wait_for_function(SETTLED_JS, arg=[QUIET_MS], timeout=STEP_TIMEOUT_MS, polling=50)
    except PlaywrightTimeout:  # the figure never changed: recorded as a missing latency
        pass


def _steps(page, n):
    page.evaluate("() => window.__bench.close()")
    steps = page.evaluate("() => window.__bench.steps")
    page.evaluate("() => { window.__bench.steps = []; }")
    return steps[-n:] if n else []


def measure(page, presses):
    """[(explorer label, slider label, kind, [steps])] for every slider on the page."""
    page.evaluate(MEASURE_JS)
    rows = []
    for k, sliders in enumerate(page.evaluate(EXPLORERS_JS)):
        root = page.locator(f"[data-bench-explorer='{k}']")
        root.evaluate("e => e.scrollIntoView({block: 'center'})")
        page.wait_for_timeout(300)
        explorer = sliders[0]["label"]
        for j, s in enumerate(sliders):
            handle = _handle(page, k, j)
            handle.focus()
            page.wait_for_timeout(200)
            for i in range(presses):  # half right, half left: back where it started
                _press(page, handle, 1 if i < presses // 2 else -1)
                _settle(page)
            rows.append((explorer, s["label"], "live-only" if s["live"] else "main", _steps(page, presses)))
            if s["live"]:  # presses that come while the kernel still works on the last one
                for i in range(presses):
                    _press(page, handle, 1 if i < presses // 2 else -1)
                    page.wait_for_timeout(QUICK_MS)
                _settle(page)
                rows.append((explorer, s["label"], f"live, {QUICK_MS} ms apart", _steps(page, presses)))
        live = [j for j, s in enumerate(sliders) if s["live"]]
        if live:
            main, other = _handle(page, k, 0), _handle(page, k, live[0])
            for i in range(presses):
                other.focus()
                _press(page, other, 1 if i < presses // 2 else -1)
                try:
                    page.wait_for_function("() => window.__bench.step && window.__bench.step.latency !== null",
                                           timeout=5000, polling="raf")
                except PlaywrightTimeout:  # no new figure (recorded as such): go on
                    pass
                main.focus()
                _press(page, main, 1 if i % 2 == 0 else -1)  # one step and back: the same two frames
                _settle(page)
                page.evaluate("() => window.__bench.close()")
                # keep only the main slider's steps
                page.evaluate("() => { const s = window.__bench.steps; s.splice(s.length - 2, 1); }")
            rows.append((explorer, sliders[0]["label"], "main after live", _steps(page, presses)))
    return rows


def summarise(steps, kind):
    lat = [s["last"] if kind == "main after live" else s["latency"] for s in steps]
    ok = [x for x in lat if x is not None]
    reasons = {}
    for s in steps:
        for r, n in s["reasons"].items():
            reasons[r] = reasons.get(r, 0) + n
    return {
        "n": len(steps), "missed": len(lat) - len(ok),
        "median": statistics.median(ok) if ok else float("nan"), "worst": max(ok) if ok else float("nan"),
        "blank": sum(s["blank"] for s in steps), "blank_steps": sum(1 for s in steps if s["blank"]),
        "late": sum(s["late"] for s in steps), "reasons": reasons,
    }  # fmt: skip


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--presses", type=int, default=10, help="key presses per slider (default 10)")
    ap.add_argument("--notebooks", nargs="+", default=NOTEBOOKS, help="chapter names (default: %(default)s)")
    ap.add_argument("--baseline", metavar="REF", help="also measure xentlib as in git revision REF")
    ap.add_argument("--variant", action="append", default=[], metavar="LABEL=CODE",
                    help="also measure the working tree with CODE run first (repeatable)")
    ap.add_argument("--rounds", type=int, default=1,
                    help="measure everything this many times, interleaved (default 1)")
    ap.add_argument("--json", metavar="PATH", help="also write every press's measurements there")
    args = ap.parse_args()
    variants = [tuple(v.split("=", 1)) for v in args.variant]

    from playwright.sync_api import sync_playwright

    t_start = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="xent-live-"))
    env, runs = prepare(folder, args.notebooks, args.baseline, variants)
    server, url = start_lab(folder, env)
    steps = {}  # (notebook, code, explorer, slider, kind) -> the steps of every round
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for r in range(args.rounds):
                for code, name in runs:
                    page = browser.new_page(viewport={"width": 1300, "height": 1000})
                    took = run_notebook(page, url, name)
                    print(f"round {r + 1}: ran {name:<34} ({code}) in {took:5.1f} s", flush=True)
                    for explorer, slider, kind, got in measure(page, args.presses):
                        steps.setdefault((name.split(".")[0], code, explorer, slider, kind), []).extend(got)
                    shut_down(page, name)
                    page.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    results = [(*key, summarise(got, key[-1])) for key, got in steps.items()]
    if args.json:
        Path(args.json).write_text(json.dumps([[*key, got] for key, got in steps.items()], indent=1))

    print(f"\nkey press -> new figure on show, {args.presses * args.rounds} presses a slider,"
          " each left to settle;"
          f" target: median <= {TARGET_MS} ms, 0 blank frames")
    head = (f"{'notebook':<17} {'code':<13} {'slider':<34} {'kind':<18} {'median':>6} {'worst':>6}"
            f" {'blank':>5} {'unpainted':>9} {'late':>4}  target")  # fmt: skip
    print(head)
    print("-" * len(head))
    for nb, code, explorer, slider, kind, r in results:
        met = r["median"] <= TARGET_MS and r["blank"] == 0 and not r["missed"]
        note = "" if not r["missed"] else f"  ({r['missed']} presses never changed the figure)"
        if r["reasons"]:
            note += "  blank: " + ", ".join(f"{n} {why}" for why, n in r["reasons"].items())
            note += f" (in {r['blank_steps']} presses)"
        unpainted = r["blank"] - r["reasons"].get(PAINTED, 0)
        print(f"{nb:<17} {code[:13]:<13} {slider[:34]:<34} {kind:<18} {r['median']:6.0f} {r['worst']:6.0f}"
              f" {r['blank']:5d} {unpainted:9d} {r['late']:4d}  {'met' if met else 'MISSED'}{note}")  # fmt: skip
    print("\n(ms; blank: animation frames with no loaded figure on show; unpainted: those of them in which"
          " the figure's img had no earlier figure to keep painting; late: the figure on show changed again"
          " after the timed change, i.e. it was out of date when first shown)")
    print(f"benchmark run time: {time.perf_counter() - t_start:.0f} s")


if __name__ == "__main__":
    main()
