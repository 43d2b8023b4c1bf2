"""The published site, as its readers' browsers see it (headless Chromium).

Every page of the built site is opened once (a chapter page with its widgets
takes seconds) and everything below is checked in that visit
(tests/site_checks.py does the looking; the tests here judge what it saw):

* **Clean and offline**: HTTP 200, no console errors, no uncaught exceptions, no
  failed requests and no request that leaves 127.0.0.1.
* **Sliders without a kernel**: each slider, moved with the keyboard, changes
  the figure and the printed values; each figure has a caption.
* **Folded solutions**: hidden until their toggle is clicked, one per exercise.
* **Accessible** (axe-core 4.14, vendored from npm at a pinned, checksummed
  version by _ext/vendor_js.py, run offline; WCAG 2.0/2.1 A and AA and best
  practices): no critical or serious violation, except those in ``ALLOWED``,
  each with its reason. The keyboard: Tab reaches every slider, the focus is
  drawn, the arrows move it, its accessible name and value text are the label
  and readout a sighted reader sees.
* **On a phone** (390 CSS px): no page scrolls sideways; every explorer's
  figure fits the width with its aspect ratio kept, its slider's handle is on
  screen and its readout wraps.
* **Dark mode** (the theme's ``html[data-theme="dark"]``): no figure is a light
  slab on the dark page; the figures' text keeps at least 4.5:1 contrast in both
  modes; the explorers' labels, readouts and captions pass axe's colour-contrast
  rule.
"""

import re
from pathlib import Path

import pytest
import site_checks as check

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = sorted(p.stem for p in (ROOT / "chapters").glob("*.ipynb"))
#: The edition these tests visit: English at the site's root. tests/test_site_zh.py runs
#: the same tests on the Chinese edition, in zh/ (a file of its own, so that the two
#: editions are visited on both cores at once).
EDITION = ""


def pytest_generate_tests(metafunc):
    """``page``: every chapter page of the module's edition."""
    if "page" in metafunc.fixturenames:
        metafunc.parametrize("page", [f"{metafunc.module.EDITION}chapters/{name}.html" for name in CHAPTERS])
FAILING_IMPACTS = {"critical", "serious"}

# Critical or serious axe violations the book cannot fix without forking its theme
# (pydata-sphinx-theme / sphinx-book-theme): {(rule id, CSS selector fragment): reason}.
# Empty: every one found was fixed in the book (_ext/page_fixes.py, _assets/js/a11y.js,
# _assets/custom.css, xentlib/widgets.py); test_the_allowlist_is_current keeps it honest.
ALLOWED = {}


def _pages(built_site, edition):
    """The edition's pages, relative to the site's root."""
    return sorted(
        str(p.relative_to(built_site))
        for p in (built_site / edition).rglob("*.html")
        if not {"_static", "_sources"} & set(p.parts)
        and (edition or p.relative_to(built_site).parts[0] != "zh")
    )


@pytest.fixture(scope="module")
def visits(request, browser, site, built_site):
    """Every page of the module's edition, opened once and looked at every way; {page: what was seen}."""
    edition = request.module.EDITION
    chapters = {f"{edition}chapters/{name}.html" for name in CHAPTERS}
    seen = {}
    for rel in _pages(built_site, edition):
        page, response, problems = check.open_page(browser, f"{site}/{rel}")
        entry = {"status": response.status, "axe": check.run_axe(page)}
        if rel in chapters:
            entry["sliders"] = check.sliders_by_keyboard(page)
            entry["light"] = check.figure_colours(page)
            check.set_theme(page, "dark")
            # the book's widgets, whose colours the book sets for dark pages (the prose
            # takes the theme's dark palette, the theme's business)
            entry["axe_dark"] = check.run_axe(page, ["color-contrast"], "{include: [...document.querySelectorAll('.xent-explorer')]}")
            entry["dark"] = check.figure_colours(page)
            entry["page_dark"] = check.page_background(page)
            check.set_theme(page, "light", settle=0)  # (nothing below looks at colours)
            entry["solutions"] = check.solutions(page)
        entry["phone"] = check.phone_layout(page)
        entry["problems"] = list(problems)
        seen[rel] = entry
        page.close()
    return seen


def _failures(violations):
    found = []
    for v in violations:
        if v["impact"] not in FAILING_IMPACTS:
            continue
        for node in v["nodes"]:
            if not any(rule == v["id"] and where in node["target"] for rule, where in ALLOWED):
                found.append(f"{v['impact']} {v['id']}: {node['target']} :: {node['html']}")
    return found


# --- clean, offline ---------------------------------------------------------


def test_every_page_loads_clean_and_offline(visits, request):
    edition = request.module.EDITION
    assert f"{edition}index.html" in visits and f"{edition}chapters/{CHAPTERS[0]}.html" in visits
    bad = {rel: [f"HTTP {e['status']}"] * (e["status"] != 200) + e["problems"] for rel, e in visits.items()}
    assert not any(bad.values()), {rel: p for rel, p in bad.items() if p}


def test_chapter_embeds_widget_state(built_site, page):
    html = (built_site / page).read_text()
    assert 'type="application/vnd.jupyter.widget-state+json"' in html
    assert "_static/ipywidgets/embed.js" in html
    # <link rel="canonical"> names the published address (html.baseurl); it loads nothing
    tags = [t for t in re.findall(r"<(?:script|link)\b[^>]*>", html) if 'rel="canonical"' not in t]
    offsite = [u for t in tags for u in re.findall(r'(?:src|href)="(https?://[^"]+)"', t)]
    assert not offsite, f"page loads off-site resources: {offsite}"


# --- sliders and solutions, with no kernel ------------------------------------


def test_sliders_move_the_figure_without_a_kernel(visits, page):
    # the sliders a reader can use here: live-only ones (extra parameters that
    # need a kernel) are hidden on the website by the book's CSS
    seen = visits[page]["sliders"]
    sliders = seen["sliders"]
    assert len(sliders) >= 1 and seen["explorers"] == len(sliders), f"{len(sliders)} sliders, {seen['explorers']} figures"
    for i, s in enumerate(sliders):
        assert s["label"], f"slider {i} has no visible label"
        assert len(s["caption"]) > 20, f"slider {i} ({s['label']!r}): its figure has no caption (text alternative)"
        assert s["text_changed"], f"slider {i} ({s['label']!r}): printed values did not change"
        assert s["figure_changed"], f"slider {i} ({s['label']!r}): figure did not change"


def test_solutions_are_hidden_until_toggled(visits, page):
    seen = visits[page]["solutions"]
    assert len(seen["solutions"]) >= 1, "no folded solutions on the page"
    assert len(seen["solutions"]) == seen["exercises"], "an exercise without a solution (or the reverse)"
    for i, s in enumerate(seen["solutions"], 1):
        assert ("解答" if page.startswith("zh/") else "Solution to") in s["title"], f"solution {i}: title {s['title']!r}"
        assert s["hidden"], f"solution {i} is visible before it is opened"
        assert s["opens"], f"solution {i} did not open when its toggle was clicked"


def test_function_links_reach_the_api_page(built_site, page):
    """Every {py:func} role resolved to an entry of the API page (Sphinx would only warn
    with nitpicky on, and leave plain, unlinked code)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((built_site / page).read_text(), "html.parser")
    api = (built_site / page).parent.parent.joinpath("api.html").read_text()  # the edition's
    roles = soup.select("code.xref.py-func")
    assert roles, f"{page}: no function is linked to the API page"
    for code in roles:
        link = code.find_parent("a")
        assert link is not None, f"{page}: {code.get_text()} is not linked"
        target, _, anchor = link["href"].partition("#")
        assert target == "../api.html" and f'id="{anchor}"' in api, (page, link["href"])


# --- accessibility ----------------------------------------------------------------


def test_axe_is_the_pinned_vendored_copy():
    import sys

    sys.path.insert(0, str(ROOT / "_ext"))
    import vendor_js

    spec = vendor_js.PACKAGES["axe-core"]["spec"]
    assert (check.AXE.parent / "VERSION").read_text().strip() == spec
    assert f"axe v{spec.split('@')[1]}" in check.AXE.read_text()[:500]


def test_no_page_has_a_critical_or_serious_violation(visits):
    assert len(visits) >= 14, sorted(visits)
    found = {rel: _failures(e["axe"]) for rel, e in visits.items()}
    assert not any(found.values()), {rel: v for rel, v in found.items() if v}


def test_the_allowlist_is_current(visits):
    seen = {(v["id"], node["target"]) for e in visits.values() for v in e["axe"] for node in v["nodes"]}
    for rule, where in ALLOWED:
        assert any(r == rule and where in target for r, target in seen), f"allowed, no longer found: {rule} {where}"


def test_sliders_by_keyboard(visits, page):
    sliders = visits[page]["sliders"]["sliders"]
    assert sliders
    for s in sliders:
        assert s["reached"], f"{s['label']}: Tab does not reach the slider"
        assert s["outline"][0] != "none" and s["outline"][1] != "0px", f"{s['label']}: focus not drawn"
        assert s["moved"], f"{s['label']}: the arrow key did not move it"
        assert s["name"] == s["label"], f"accessible name {s['name']!r}, visible label {s['label']!r}"
        assert s["valuetext"] == s["readout"], f"value text {s['valuetext']!r}, readout {s['readout']!r}"
        assert s["new_valuetext"] == s["new_readout"], "the value text did not follow the move"


# --- dark mode ----------------------------------------------------------------------


def test_dark_mode_text_contrast(visits, page):
    found = _failures(visits[page]["axe_dark"])
    assert not found, found


def test_figures_read_on_light_and_dark_pages(visits, page):
    seen = visits[page]
    assert seen["light"] and len(seen["light"]) == len(seen["dark"]) >= seen["sliders"]["explorers"]
    white = (255, 255, 255)
    for i, ((bg, dark_ink, _), (bg_dark, _, light_ink)) in enumerate(zip(seen["light"], seen["dark"])):
        assert check.contrast(bg, white) < 1.1, f"figure {i}: light-mode background {bg}"
        assert check.contrast(bg, dark_ink) >= 4.5, f"figure {i}: light-mode text {dark_ink} on {bg}"
        # no light slab: the figure's background is (nearly) the dark page's
        slab = check.contrast(bg_dark, seen["page_dark"])
        assert slab < 1.25, f"figure {i}: background {bg_dark} on a {seen['page_dark']} page ({slab:.2f}:1)"
        assert check.contrast(bg_dark, light_ink) >= 4.5, f"figure {i}: dark-mode text {light_ink} on {bg_dark}"


# --- phone --------------------------------------------------------------------------


def test_no_page_scrolls_sideways_on_a_phone(visits):
    width = check.PHONE["width"]
    assert all(e["phone"]["clientWidth"] == width for e in visits.values())
    wide = {rel: e["phone"]["scrollWidth"] for rel, e in visits.items() if e["phone"]["scrollWidth"] > width}
    assert not wide, f"pages wider than a {width}-px phone: {wide}"


def test_explorers_fit_a_phone(visits, page):
    seen, width = visits[page], check.PHONE["width"]
    phone = seen["phone"]
    assert len(phone["figures"]) == seen["sliders"]["explorers"] >= 1
    for f in phone["figures"]:
        assert f["left"] >= 0 and f["right"] <= width, f"figure outside the screen: {f}"
        assert f["ratio"] == pytest.approx(f["designed"], rel=0.02), f"aspect ratio not kept: {f}"
    assert phone["handles"] and all(0 <= h["left"] and h["right"] <= width for h in phone["handles"])
    assert all(r["scroll"] <= r["client"] + 1 for r in phone["readouts"]), "a readout does not wrap"
