"""What tests/test_site.py does on each page of the built site, in headless Chromium.

Each function takes an open Playwright page and returns plain data (lists, dicts,
tuples) for the tests to assert on; none of them asserts itself. test_site.py
opens every page once and runs them all in that one visit, because a chapter
page with its widgets takes seconds to load.
"""

import io
import re
from collections import Counter
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from xentlib.plotting import contrast_ratio

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1300, "height": 900}

# The one console message the vendored widget manager always prints: a
# *warning* from its JSON-schema validator (Ajv) about its own schema. It is
# not an error and cannot be silenced without patching embed.js.
ALLOWED_WARNINGS = [re.compile(r"^strict mode: use allowUnionTypes")]


def open_page(browser, url):
    """Open ``url`` in a fresh page; return (page, HTTP response, problems so far).

    ``problems`` keeps growing while the page stays open: console errors and
    warnings, uncaught exceptions, failed requests, HTTP errors and any request
    that leaves 127.0.0.1 (the site must work offline).
    """
    page = browser.new_page(viewport=DESKTOP)
    problems = []

    def on_console(msg):
        if msg.type == "error":
            problems.append(f"console error: {msg.text}")
        elif msg.type == "warning" and not any(p.search(msg.text) for p in ALLOWED_WARNINGS):
            problems.append(f"console warning: {msg.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: problems.append(f"uncaught exception: {exc}"))
    page.on("requestfailed", lambda req: problems.append(f"failed request: {req.url} ({req.failure})"))
    page.on(
        "response",
        lambda resp: problems.append(f"HTTP {resp.status}: {resp.url}") if resp.status >= 400 else None,
    )
    page.on(
        "request",
        lambda req: problems.append(f"off-site request: {req.url}")
        if not req.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:"))
        else None,
    )
    response = page.goto(url)
    for _ in range(3):
        try:
            # A redirect page (the root index.html, <meta http-equiv="Refresh">) gives way to
            # its target first: checking it before the target has loaded would run the
            # checks on a page whose scripts (a11y.js) have not run yet.
            page.wait_for_function(REDIRECT_DONE, timeout=10000)
            page.wait_for_load_state("load")
            _wait_until_drawn(page)
            break
        except Exception as exc:  # the redirect replaced the page while we looked at it
            if "context was destroyed" not in str(exc):
                raise
            page.wait_for_load_state("load")
    return page, response, problems


REDIRECT_DONE = """() => !document.querySelector('meta[http-equiv="refresh" i]')"""


def _wait_until_drawn(page):
    """Until the explorers show their first frames and MathJax has typeset the page."""
    if page.locator(".xent-frames").count():
        page.locator(".xent-frames img.widget-image:visible").first.wait_for(timeout=20000)
    # (late requests still count: ``problems`` records them as long as the page is open)
    page.evaluate("() => window.MathJax && MathJax.startup ? MathJax.startup.promise : null")


# --- axe-core ---------------------------------------------------------------


def run_axe(page, rules=None, context="document"):
    """axe-core's violations on the page (or in ``context``, a JS expression), by rule or by tag."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(content=AXE.read_text())
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": AXE_TAGS}
    options = {"runOnly": only, "resultTypes": ["violations"]}  # no list of passes: faster
    return page.evaluate(
        f"""async (options) => {{
            const result = await axe.run({context}, options);
            return result.violations.map(v => ({{
                id: v.id, impact: v.impact,
                nodes: v.nodes.map(n => ({{target: n.target.join(' '), html: n.html.slice(0, 160)}})),
            }}));
        }}""",
        options,
    )


# --- colours ------------------------------------------------------------------


def contrast(a, b):
    """WCAG 2 contrast ratio of two sRGB colours given as 0-255 tuples.

    >>> round(contrast((0, 0, 0), (255, 255, 255)), 1)
    21.0
    """
    return contrast_ratio([c / 255 for c in a[:3]], [c / 255 for c in b[:3]])


def css_rgb(text):
    """``'rgb(18, 18, 18)'`` -> ``(18, 18, 18)``."""
    inner = text[text.index("(") + 1 : text.index(")")]
    return tuple(round(float(v)) for v in inner.replace("/", ",").split(",")[:3])


def image_colours(png):
    """(background = the most common colour, darkest ink, lightest ink) of a screenshot.

    Inks are colours covering at least 20 pixels, so that a stray anti-aliased
    pixel does not count as text.
    """
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    counts = Counter(image.get_flattened_data())
    background = counts.most_common(1)[0][0]
    inks = [c for c, n in counts.items() if n >= 20]
    def darkness(colour):  # the darker, the higher
        return contrast(colour, (255, 255, 255))

    return background, max(inks, key=darkness), min(inks, key=darkness)


def set_theme(page, mode, settle=300):
    """Switch the theme's light/dark mode, as its toggle does (``html[data-theme]``)."""
    page.evaluate("(mode) => { document.documentElement.dataset.theme = mode; }", mode)
    page.wait_for_timeout(settle)  # the theme's colour transitions


def page_background(page):
    return css_rgb(page.evaluate("getComputedStyle(document.body).backgroundColor"))


def figure_colours(page):
    """image_colours() of every figure on show: explorer frames and static figures."""
    figures = page.locator(
        ".xent-frames img.widget-image:visible, div.cell_output img:not(.widget-image):visible"
    )
    out = []
    for i in range(figures.count()):
        figure = figures.nth(i)
        figure.scroll_into_view_if_needed()
        out.append(image_colours(figure.screenshot(animations="disabled")))
    return out


# --- layout -------------------------------------------------------------------


def phone_layout(page):
    """At 390 px: page width, and where each explorer's figure, slider handle and readout sit."""
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(100)  # (reading the layout below forces it; this is for the theme's resize handlers)
    report = page.evaluate(
        """() => {
            const root = document.documentElement;
            const out = {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth,
                         figures: [], handles: [], readouts: []};
            for (const img of document.querySelectorAll('.xent-frames img.widget-image')) {
                const box = img.getBoundingClientRect();
                if (box.width === 0) continue;  // a frame not on show
                out.figures.push({left: box.left, right: box.right, ratio: box.height / box.width,
                                  designed: img.getAttribute('height') / img.getAttribute('width')});
            }
            for (const h of document.querySelectorAll('.widget-slider .noUi-handle')) {
                const box = h.getBoundingClientRect();
                if (box.width > 0) out.handles.push({left: box.left, right: box.right, width: box.width});
            }
            for (const r of document.querySelectorAll('.xent-readout')) {
                if (r.getBoundingClientRect().width > 0) out.readouts.push({scroll: r.scrollWidth, client: r.clientWidth});
            }
            return out;
        }"""
    )
    page.set_viewport_size(DESKTOP)
    return report


# --- sliders --------------------------------------------------------------------


def sliders_by_keyboard(page):
    """Each visible slider used as a keyboard user does, and what changed.

    Per slider: does Tab reach it, is the focus drawn (an outline), are its
    accessible name and value text the label and readout a sighted reader
    sees, before and after an arrow key; and after three presses, did the
    printed values and the figure change (the explorer works with no kernel).
    """
    sliders = page.locator(".widget-slider:visible")
    explorers = page.locator(".xent-frames")
    out = []
    for i in range(sliders.count()):
        slider, frames = sliders.nth(i), explorers.nth(i)
        handle = slider.locator(".noUi-handle")
        slider.scroll_into_view_if_needed()
        before_text, before_png = frames.inner_text(), frames.screenshot()
        # focus the element before the slider in the tab order, then press Tab, as a reader does
        page.evaluate(
            """(el) => {
                const all = [...document.querySelectorAll('a[href], button, summary, [tabindex]:not([tabindex="-1"])')]
                    .filter(e => e.tabIndex >= 0 && e.checkVisibility({checkVisibilityCSS: true}));
                (all[all.indexOf(el) - 1] || document.body).focus();
            }""",
            handle.element_handle(),
        )
        page.keyboard.press("Tab")
        reached = handle.evaluate("el => document.activeElement === el")
        outline = handle.evaluate("el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth]; }")
        name, valuetext = handle.get_attribute("aria-label"), handle.get_attribute("aria-valuetext")
        label = slider.locator(".widget-label").inner_text().strip()
        readout = slider.locator(".widget-readout").inner_text().strip()
        key = "ArrowLeft" if handle.get_attribute("aria-valuenow") != "0.0" else "ArrowRight"
        page.keyboard.press(key)
        page.wait_for_timeout(50)
        moved = {
            "moved": handle.get_attribute("aria-valuetext") != valuetext,
            "new_valuetext": handle.get_attribute("aria-valuetext"),
            "new_readout": slider.locator(".widget-readout").inner_text().strip(),
        }
        for _ in range(2):
            page.keyboard.press(key)
        page.wait_for_timeout(200)
        out.append(
            {
                "label": label, "readout": readout, "reached": reached, "outline": outline,
                "name": name, "valuetext": valuetext, **moved,
                "caption": page.locator(".xent-figcaption").nth(i).inner_text().strip(),
                "text_changed": frames.inner_text() != before_text,
                "figure_changed": frames.screenshot() != before_png,
            }
        )  # fmt: skip
    return {"sliders": out, "explorers": explorers.count()}


def solutions(page):
    """Each folded solution: its title, hidden before, shown after its toggle is clicked."""
    folded = page.locator("div.solution.dropdown")
    out = {"exercises": page.locator("div.exercise").count(), "solutions": []}
    for i in range(folded.count()):
        solution = folded.nth(i)
        body, title = solution.locator("section").first, solution.locator(".admonition-title")
        entry = {"title": title.inner_text() if title.is_visible() else "", "hidden": not body.is_visible()}
        solution.locator("button.toggle-button").click()
        try:
            body.wait_for(state="visible", timeout=3000)
            entry["opens"] = True
        except PlaywrightTimeout:  # recorded: the test reports it
            entry["opens"] = False
        out["solutions"].append(entry)
    return out
