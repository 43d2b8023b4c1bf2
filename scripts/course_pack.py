"""Print the built book into a course pack: two PDFs, made with Debian's Chromium.

    python3 scripts/course_pack.py [--site _build/html] [--out _build/course-pack] [--chromium PATH]
                                   [--language zh_CN]

writes into ``--out`` (the Chinese edition's, from the site's zh/ folder, with ``-zh`` in
their names)

* ``xent-book-course-pack.pdf``, the student edition: every exercise, no solution;
* ``xent-book-course-pack-solutions.pdf``, the edition with solutions: every worked
  solution printed open under its exercise, and the pages for teachers.

Each starts with a title page and a contents page, then prints the book's pages in
``_toc.yml`` order, one PDF bookmark per page and a page number
at the foot of every page but the title page. The student edition leaves out the API
reference (autodoc pages, a long read on paper; students have ``help()`` and the site)
and the page for instructors; the edition with solutions has every page of the book.

How: the built site (``jupyter-book build``) is served on 127.0.0.1 and opened in a
headless Chromium (``apt-get install -y chromium``; ``--chromium`` or the environment
variable XENT_CHROMIUM names another) driven by Playwright, with nothing fetched from
the internet. Every page is loaded once: when its explorers show their figures (at the
slider's starting position) and MathJax has typeset it, it is printed with its solutions
opened, then again without them. ``course_pack.css`` hides what is left of the site's
chrome in print. pypdf counts the pages, which the contents page then lists, and puts
the parts together.
"""

import argparse
import contextlib
import functools
import html
import http.server
import io
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import i18n
import yaml
from chromium import CHROMIUM
from chromium import CHROMIUM_ARGS as CHROMIUM_FLAGS
from pypdf import PdfReader, PdfWriter

ROOT = Path(__file__).resolve().parent.parent
CSS = Path(__file__).with_suffix(".css").read_text()
# Chromium's flags, and no host but the local server.
CHROMIUM_ARGS = [*CHROMIUM_FLAGS, "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]
MARGIN = {"top": "16mm", "bottom": "18mm", "left": "16mm", "right": "16mm"}
FILES = {"student": "xent-book-course-pack.pdf", "solutions": "xent-book-course-pack-solutions.pdf"}
#: The pack's own words, by language (the pages' text is the built site's).
WORDS = {
    "en": {
        "student": "Course pack, student edition: the exercises without their solutions",
        "solutions": "Course pack with solutions: every exercise with its worked solution",
        "site": "The interactive book:",
        "note": ("Printed from the book's website. Each interactive figure is shown at the starting "
                 "position of its slider; move the slider on the website, or in the chapter's "
                 "notebook, to see the others."),
        "contents": "Contents",
        "introduction": "Introduction",
    },
    "zh_CN": {
        "student": "课程讲义（学生版）：只有练习，没有解答",
        "solutions": "课程讲义（含解答）：每道练习及其详细解答",
        "site": "交互式网页版：",
        "note": ("本讲义由本书网站打印而成。每个交互图都显示其滑块的初始位置；"
                 "在网站上或该章的 notebook 中拖动滑块，即可看到其他位置。"),
        "contents": "目录",
        "introduction": "引言",
    },
}
#: Where each language's edition is in the site, and what its PDFs' names add.
FOLDERS = {"en": "", "zh_CN": i18n.FOLDER}
# Pages of the book printed only in the edition with solutions (see the module docstring).
TEACHERS_ONLY = {"api", "instructors"}
LOAD_TIMEOUT_MS = 60_000

# The number of explorers on a page: the figure Tabs in the page's embedded widget state.
EXPECTED_FIGURES = """() => {
  const script = document.querySelector('script[type="application/vnd.jupyter.widget-state+json"]');
  if (!script) return 0;
  const models = Object.values(JSON.parse(script.textContent).state);
  return models.filter(m => (m.state._dom_classes || []).includes('xent-frames')).length;
}"""
# True once every explorer shows a loaded image, every solution has its toggle button
# (sphinx-togglebutton has run) and MathJax, if the page loads it, has started.
READY = """expected => {
  const frames = [...document.querySelectorAll('.xent-frames')];
  const shown = img => img.complete && img.naturalWidth > 0 && img.checkVisibility();
  const figures = frames.length >= expected
    && frames.every(f => [...f.querySelectorAll('img')].some(shown));
  const toggles = [...document.querySelectorAll('div.solution')]
    .every(s => s.querySelector('button.toggle-button'));
  const math = !document.querySelector('script[src*="mathjax/tex"]')
    || Boolean(window.MathJax && MathJax.startup && MathJax.startup.promise);
  return document.readyState === 'complete' && figures && toggles && math;
}"""
# Waits for the fonts and for MathJax's first pass, then typesets what came later
# (the widget labels), and forces the light theme.
SETTLE = """async () => {
  await document.fonts.ready;
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
    await MathJax.startup.promise;
    await MathJax.typesetPromise();
  }
  document.documentElement.dataset.theme = 'light';
  document.documentElement.dataset.mode = 'light';
}"""
OPEN_SOLUTIONS = """() => {
  const solutions = document.querySelectorAll('div.solution');
  solutions.forEach(s => s.classList.remove('toggle-hidden'));
  return solutions.length;
}"""
# Links to the local server lead to the published site instead; links within the page
# stay links within the PDF.
PUBLISHED_LINKS = """site => {
  for (const a of document.querySelectorAll('a[href]')) {
    if (!a.getAttribute('href').startsWith('#') && a.href.startsWith(location.origin + '/')) {
      a.href = site + a.href.slice(location.origin.length + 1);
    }
  }
}"""
REMOVE_SOLUTIONS = "() => document.querySelectorAll('div.solution').forEach(s => s.remove())"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request."""

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder):
    """Serve ``folder`` on 127.0.0.1 from a thread; yield its base URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def toc_pages(toc):
    """``[(part caption or None, docname), ...]`` in reading order, from a parsed _toc.yml."""
    pages = [(None, toc["root"])]

    def walk(entries, caption):
        for entry in entries:
            if "file" in entry:
                pages.append((caption, entry["file"]))
            walk(entry.get("sections", []), caption)

    for part in toc.get("parts", []):
        walk(part.get("chapters", []), part.get("caption"))
    walk(toc.get("chapters", []), None)
    return pages


def load(page, url):
    """Open ``url`` and wait until its figures, solutions and mathematics are in place."""
    page.goto(url, wait_until="load", timeout=LOAD_TIMEOUT_MS)
    expected = page.evaluate(EXPECTED_FIGURES)
    try:
        page.wait_for_function(READY, arg=expected, polling=100, timeout=LOAD_TIMEOUT_MS)
    except Exception as exc:
        raise RuntimeError(f"{url}: its {expected} figures or its mathematics did not appear") from exc
    page.evaluate(SETTLE)
    page.add_style_tag(content=CSS)


def print_pdf(page, **options):
    """The page printed as an A4 PDF (bytes), as the print media query lays it out."""
    page.emulate_media(media="print", color_scheme="light")
    return page.pdf(format="A4", print_background=True, margin=MARGIN, **options)


def print_site_page(page, url, config):
    """Load one page of the book and print it; return its title and PDFs by edition.

    The page is printed with its solutions open, then with the solutions removed; a page
    without solutions is printed once and serves both editions. Its links to other pages
    point to the published site.
    """
    load(page, url)
    title = page.title().removesuffix(f" \N{EM DASH} {config['title']}")
    title = config["words"]["introduction"] if title == config["title"] else title  # the landing page
    page.evaluate(PUBLISHED_LINKS, config["html"]["baseurl"])
    with_solutions = page.evaluate(OPEN_SOLUTIONS)
    solutions = print_pdf(page)
    if with_solutions:
        page.evaluate(REMOVE_SOLUTIONS)
        student = print_pdf(page)
    else:
        student = solutions
    pages = {"solutions": page_count(solutions), "student": page_count(student)}
    return {"title": title, "solutions": solutions, "student": student, "pages": pages}


def print_html(page, body, **options):
    """A PDF (bytes) of a small HTML document of ours, styled by course_pack.css."""
    page.set_content(f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>{CSS}</style>"
                     f"</head><body class='xent-pack'>{body}</body></html>")
    return print_pdf(page, **options)


def title_page(config, edition):
    """The HTML of the title page of ``edition``."""
    site = config["html"]["baseurl"]
    return (
        "<section class='xent-title'>"
        f"<h1>{html.escape(config['title'])}</h1>"
        f"<p class='xent-author'>{html.escape(config['author'])}</p>"
        f"<p class='xent-edition'>{config['words'][edition]}</p>"
        f"<p class='xent-site'>{config['words']['site']} <a href='{html.escape(site)}'>{html.escape(site)}</a></p>"
        f"<p class='xent-note'>{config['words']['note']}</p>"
        f"<p class='xent-copyright'>\N{COPYRIGHT SIGN} {html.escape(str(config['copyright']))} "
        f"{html.escape(config['author'])}</p>"
        "</section>"
    )


def contents_page(entries, heading="Contents"):
    """The HTML of the contents page: ``entries`` are ``(part caption, title, first page)``."""
    rows, part = [], None
    for caption, title, first in entries:
        if caption != part and caption:
            rows.append(f"<li class='xent-part'>{html.escape(caption)}</li>")
        part = caption
        rows.append(f"<li><span>{html.escape(title)}</span><span>{first}</span></li>")
    return f"<section class='xent-contents'><h1>{html.escape(heading)}</h1><ul>{''.join(rows)}</ul></section>"


def page_count(pdf):
    """The number of pages of a PDF given as bytes."""
    return len(PdfReader(io.BytesIO(pdf)).pages)


def front_matter(page, config, edition, docs):
    """The title and contents pages (PDF bytes), and the first page (1-based) of every doc.

    The contents page lists page numbers that depend on its own length: it is laid out
    again until that length no longer changes.
    """
    title = print_html(page, title_page(config, edition))
    contents_length = 1
    while True:
        starts, first = [], page_count(title) + contents_length + 1
        for doc in docs:
            starts.append(first)
            first += doc["pages"][edition]
        entries = [(d["caption"], d["title"], n) for d, n in zip(docs, starts)]
        contents = print_html(page, contents_page(entries, config["words"]["contents"]))
        if page_count(contents) == contents_length:
            return title, contents, starts
        contents_length = page_count(contents)


def bind(title, contents, starts, docs, edition):
    """A PdfWriter with the front matter and the edition's pages, one bookmark per doc."""
    writer = PdfWriter()
    for part in (title, contents):
        writer.append(PdfReader(io.BytesIO(part)), import_outline=False)
    for doc, first in zip(docs, starts):
        writer.append(PdfReader(io.BytesIO(doc[edition])), import_outline=False)
        writer.add_outline_item(title=doc["title"], page_number=first - 1)
    writer.page_mode = "/UseOutlines"
    return writer


def number_pages(page, writer):
    """Print a page number at the foot of every page but the first (the title page).

    Chromium prints as many blank pages with their number in the footer, and each is
    laid over the page of the pack with the same number.
    """
    footer = ("<div style='width:100%;text-align:center;font-size:9px;color:#555;"
              "font-family:sans-serif'><span class='pageNumber'></span></div>")
    blanks = "<div class='xent-folio'></div>" * len(writer.pages)
    folios = print_html(page, blanks, display_header_footer=True, header_template="<span></span>",
                        footer_template=footer)
    numbers = PdfReader(io.BytesIO(folios)).pages
    for index in range(1, len(writer.pages)):
        writer.pages[index].merge_page(numbers[index])


#: Unicode's radical blocks (CJK Radicals Supplement, Kangxi Radicals).
RADICALS = range(0x2E80, 0x2FE0)


@functools.lru_cache(maxsize=None)
def radical_equivalents():
    """``{radical: ideograph}`` for the radicals that the Chinese font draws with an
    ideograph's glyph (⼀ U+2F00 and 一 U+4E00, ⻓ U+2ED3 and 长 U+957F, ...): read from
    the cmap of the font fontconfig gives Chinese text. Empty without fontconfig."""
    from fontTools.ttLib import TTFont

    fc_match = shutil.which("fc-match")
    if not fc_match:
        return {}
    found = subprocess.run([fc_match, "-f", "%{file}\n%{index}", "sans-serif:lang=zh-cn"],
                           capture_output=True, text=True).stdout.split("\n")
    if len(found) < 2 or not found[0]:
        return {}
    font = TTFont(found[0], fontNumber=int(found[1] or 0), lazy=True)
    cmap = font.getBestCmap()
    glyphs = {}
    for code, glyph in cmap.items():
        glyphs.setdefault(glyph, []).append(code)

    def preference(code):  # the unified ideographs first, their compatibility forms last
        return (not 0x4E00 <= code <= 0x9FFF, not 0x3400 <= code <= 0x4DBF, code)

    equivalents = {}
    for code, glyph in cmap.items():
        if code in RADICALS:
            ideographs = [c for c in glyphs[glyph] if c not in RADICALS and c >= 0x3400]
            if ideographs:
                equivalents[code] = min(ideographs, key=preference)
    return equivalents


def _remap_cmap(text, equivalents):
    """A ToUnicode CMap's text with every radical it maps to replaced by its ideograph."""

    def dest(match):
        code = int(match.group(1), 16)
        return f"<{equivalents.get(code, code):04X}>"

    lines, section = text.split("\n"), None
    for i, line in enumerate(lines):
        words = line.split()
        if words[-1:] in (["beginbfchar"], ["beginbfrange"]):
            section = words[-1]
        elif words[-1:] in (["endbfchar"], ["endbfrange"]):
            section = None
        elif section == "beginbfchar":  # <code> <unicode>
            m = re.fullmatch(r"\s*(<[0-9A-Fa-f]+>)\s*<([0-9A-Fa-f]{4})>\s*", line)
            if m:
                code = int(m.group(2), 16)
                lines[i] = f"{m.group(1)} <{equivalents.get(code, code):04X}>"
        elif section == "beginbfrange":
            m = re.fullmatch(r"\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]{4})>\s*", line)
            if m and any(int(m.group(3), 16) + k in equivalents for k in range(int(m.group(2), 16) - int(m.group(1), 16) + 1)):
                first, last, start = (int(g, 16) for g in m.groups())
                targets = " ".join(f"<{equivalents.get(start + k, start + k):04X}>" for k in range(last - first + 1))
                lines[i] = f"<{m.group(1)}> <{m.group(2)}> [{targets}]"
            elif "[" in line:  # <first> <last> [<unicode> ...]
                lines[i] = re.sub(r"<([0-9A-Fa-f]{4})>(?=[^\[]*\])", dest, line)
    return "\n".join(lines)


def fix_text_of_radicals(writer):
    """Make the PDF's text read back as the characters that were printed.

    Noto Sans CJK draws a Kangxi radical and its ideograph with one glyph (⼀ and 一), and
    Chromium's PDFs map each glyph back to the lowest code point that uses it: copied or
    searched, 一 came out as ⼀, 比 as ⽐, 长 as ⻓. Each font's ToUnicode map is rewritten
    to give the ideograph. Returns how many maps changed."""
    equivalents = radical_equivalents()
    changed, seen = 0, set()
    for page in writer.pages:
        fonts = page.get("/Resources", {}).get_object().get("/Font", {}).get_object()
        for ref in fonts.values():
            to_unicode = ref.get_object().get("/ToUnicode")
            if to_unicode is None or id(to_unicode.get_object()) in seen:
                continue
            stream = to_unicode.get_object()
            seen.add(id(stream))
            text = stream.get_data().decode("latin-1")
            new = _remap_cmap(text, equivalents)
            if new != text:
                stream.set_data(new.encode("latin-1"))
                changed += 1
    return changed


def write_edition(page, config, edition, docs, path):
    """Write the PDF of ``edition`` to ``path`` from the printed ``docs``."""
    chosen = [d for d in docs if edition == "solutions" or d["name"] not in TEACHERS_ONLY]
    writer = bind(*front_matter(page, config, edition, chosen), chosen, edition)
    number_pages(page, writer)
    fix_text_of_radicals(writer)
    writer.add_metadata({"/Title": f"{config['title']} ({edition} edition)", "/Author": config["author"]})
    writer.write(path)


def warn_without_chinese_font():
    """Warn when no installed font has Chinese characters (the glossary and the references
    use them): Chromium would print them as empty boxes."""
    fc_list = shutil.which("fc-list")
    if fc_list and not subprocess.run([fc_list, ":lang=zh"], capture_output=True, text=True).stdout.strip():
        print("warning: no font with Chinese characters is installed, they will print as boxes: "
              "`apt-get install -y fonts-noto-cjk` (or fonts-wqy-microhei)", file=sys.stderr)


def edition_config(language="en"):
    """_config.yml as the edition in ``language`` has it (its title and address), with the
    pack's own ``words``; and its _toc.yml (the part captions in its language)."""
    if language == "en":
        config = i18n.edition_config()
        toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    else:
        config = i18n.edition_config(i18n.ZH_TITLE, FOLDERS[language])
        toc = yaml.safe_load(i18n.toc_text(i18n.LOCALES / language / "LC_MESSAGES" / "intro.po"))
    config["words"] = WORDS[language]
    return config, toc


def pdf_names(language="en"):
    """``{edition: file name}`` of the two PDFs of the edition in ``language``."""
    suffix = f"-{FOLDERS[language]}" if FOLDERS[language] else ""
    return {edition: name.replace(".pdf", f"{suffix}.pdf") for edition, name in FILES.items()}


def make_course_pack(site_dir, out_dir, chromium=None, language="en"):
    """Print the built site ``site_dir`` (its edition in ``language``) into the two
    course-pack PDFs in ``out_dir``.

    Returns ``{"student": path, "solutions": path}``.
    """
    from playwright.sync_api import sync_playwright

    chromium = chromium or CHROMIUM
    warn_without_chinese_font()
    config, toc = edition_config(language)
    pages = toc_pages(toc)
    site_dir = Path(site_dir) / FOLDERS[language]
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {edition: out_dir / name for edition, name in pdf_names(language).items()}
    with serve(site_dir) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
        context.add_init_script("localStorage.setItem('mode', 'light'); localStorage.setItem('theme', 'light');")
        page = context.new_page()
        docs = [
            {**print_site_page(page, f"{base}/{docname}.html", config), "caption": caption, "name": docname}
            for caption, docname in pages
        ]
        for edition, path in paths.items():
            write_edition(page, config, edition, docs, path)
        browser.close()
    return paths


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html", help="the built HTML site")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "course-pack", help="where the PDFs go")
    parser.add_argument("--chromium", help="Chromium or Chrome to use (default: $XENT_CHROMIUM or /usr/bin/chromium)")
    parser.add_argument("--language", choices=list(WORDS), default="en",
                        help="the edition to print: en (the site's root) or zh_CN (its zh/ folder)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        parser.error(f"{args.site} is not a built site: run `jupyter-book build .` first")
    start = time.monotonic()
    paths = make_course_pack(args.site, args.out, args.chromium, args.language)
    for edition, path in paths.items():
        print(f"{path}: {page_count(path.read_bytes())} pages ({edition})")
    print(f"done in {time.monotonic() - start:.0f} s")


if __name__ == "__main__":
    main()
