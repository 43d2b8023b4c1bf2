"""The printable course pack (scripts/course_pack.py), made from the built site.

The command runs once for the module, on the book built for this test run, and each
test reads the two PDFs with pypdf against what the built pages hold:

* a title page and a contents page, whose page numbers are where the pages start;
* every page of the book in _toc.yml order, one bookmark each: all of them in the
  edition with solutions, all but the API and instructors' pages in the student's;
* every explorer printed at its slider's starting position (that frame's readout and
  an image), no raw MyST markup or TeX, a page number at the foot of every page, and
  links that lead to the published site, not to the server the pages were printed from;
* every exercise in both editions, every solution in one and none in the other.

All of it for both languages: the English pack here, the Chinese one, printed from the
site's zh/ folder (``--language zh_CN``), in test_course_pack_zh.py.
"""

import json
import re
import subprocess
import sys

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import ROOT, chromium_or_skip

import course_pack  # noqa: E402 (scripts/, on the path from conftest)

FILES = {"student": "xent-book-course-pack.pdf", "solutions": "xent-book-course-pack-solutions.pdf"}
STUDENT_LEAVES_OUT = {"api", "instructors"}  # reference and teaching pages: the edition with solutions only
RAW_MARKUP = ["{glue", "{cite}", "{term}", "{ref}", "{py:func}", "{numref}", "{exercise", "{solution",
              ":::", "```", ":label:", "\\(", "\\[", "$$"]
#: Characters of a page's text (no spaces) a printed page holds at least: 950 to 1,500 in
#: English; fewer in Chinese, each character being a word or half of one (540 on the
#: instructors' page, with its code blocks).
CHARS_PER_PAGE = {"en": 700, "zh_CN": 450}
#: What begins each printed solution's title, by language ("Solution to Exercise 2.1").
SOLUTION_TITLE = {"en": "Solutionto", "zh_CN": "解答练习"}


def _squash(text):
    """Text without whitespace: pypdf may break a line anywhere, or join two lines."""
    return re.sub(r"\s+", "", text)


def _docnames():
    """The book's pages in _toc.yml order."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    return [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]


#: The edition this module prints: English. tests/test_course_pack_zh.py runs the same
#: tests on the Chinese one (a file of its own, so the two are printed on both cores).
LANGUAGE = "en"


@pytest.fixture(scope="module")
def language(request):
    return request.module.LANGUAGE


@pytest.fixture(scope="module")
def config(language):
    """_config.yml as the edition in ``language`` has it, with the pack's own words."""
    return course_pack.edition_config(language)[0]


def _site_page(built_site, docname):
    """A built page: its h1 (without section number), article text, exercises and explorers."""
    soup = BeautifulSoup((built_site / f"{docname}.html").read_text(), "html.parser")
    article = soup.select_one("article.bd-article")
    h1 = article.find("h1")
    for extra in h1.select(".headerlink, .section-number"):
        extra.decompose()
    state = soup.find("script", type="application/vnd.jupyter.widget-state+json")
    readouts = _starting_readouts(json.loads(state.string)["state"]) if state else []
    exercises = [e.select_one(".caption-number").get_text().strip() for e in article.select("div.exercise")]
    for script in article.select("script"):
        script.decompose()
    return {"title": h1.get_text().strip(), "chars": len(_squash(article.get_text())),
            "exercises": exercises, "solutions": len(article.select("div.solution")), "readouts": readouts}


def _starting_readouts(models):
    """The readout printed under each explorer's figure at its slider's starting position."""

    def model(ref):
        return models[ref.removeprefix("IPY_MODEL_")]

    readouts = []
    for m in models.values():
        if "xent-frames" in m["state"].get("_dom_classes", []):
            frame = model(m["state"]["children"][m["state"]["selected_index"]])
            parts = [model(c) for c in frame["state"]["children"]]
            html = [p["state"]["value"] for p in parts if p["model_name"] == "HTMLModel"]
            readouts += [BeautifulSoup(h, "html.parser").get_text() for h in html]
    return readouts


@pytest.fixture(scope="module")
def book(built_site, language):
    """Every page of the language's edition in _toc.yml order: ``{docname: _site_page(...)}``."""
    return {name: _site_page(built_site / course_pack.FOLDERS[language], name) for name in _docnames()}


@pytest.fixture(scope="module")
def pack(built_site, language, tmp_path_factory):
    """The two PDFs made by the real command: ``{edition: {"reader", "texts", "starts"}}``."""
    chromium = chromium_or_skip()
    out = tmp_path_factory.mktemp("course-pack")
    cmd = [sys.executable, "scripts/course_pack.py", "--site", str(built_site), "--out", str(out),
           "--chromium", chromium, "--language", language]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    result = {}
    for edition, name in course_pack.pdf_names(language).items():
        reader = PdfReader(out / name)
        starts = [reader.get_destination_page_number(item) for item in reader.outline]
        texts = [page.extract_text() for page in reader.pages]
        result[edition] = {"reader": reader, "texts": texts, "starts": starts}
    return result


def _images(page):
    """The number of images a PDF page draws (its image XObjects)."""
    xobjects = page["/Resources"].get_object().get("/XObject", {})
    return sum(1 for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image")


def _printed(edition):
    """The pages of the book printed in ``edition``, in order."""
    return [d for d in _docnames() if edition == "solutions" or d not in STUDENT_LEAVES_OUT]


def _ranges(pdf):
    """``[(first, end), ...]``: the page indices of each printed page of the book, from the outline."""
    ends = pdf["starts"][1:] + [len(pdf["reader"].pages)]
    return list(zip(pdf["starts"], ends))


@pytest.mark.parametrize("edition", FILES)
def test_one_bookmark_per_page_of_the_book_in_toc_order(pack, book, edition):
    pdf = pack[edition]
    printed = _printed(edition)
    titles = [item.title for item in pdf["reader"].outline]
    assert len(titles) == len(printed), titles
    for title, docname in zip(titles, printed):
        assert book[docname]["title"] in title or docname == "intro", (title, docname)
    assert pdf["starts"][0] >= 2, "the book starts before the title and contents pages"
    assert pdf["starts"] == sorted(set(pdf["starts"])), "a page of the book is empty or out of order"


@pytest.mark.parametrize("edition", FILES)
def test_page_counts_fit_the_book(pack, book, edition, language):
    pdf = pack[edition]
    printed = _printed(edition)
    assert len(pdf["reader"].pages) >= len(printed) + 2
    for docname, (first, end) in zip(printed, _ranges(pdf)):
        most = book[docname]["chars"] / CHARS_PER_PAGE[language] + 2
        assert end - first <= most, f"{docname}: {end - first} pages for {book[docname]['chars']} characters"


def test_the_solutions_add_pages(pack):
    assert len(pack["solutions"]["reader"].pages) > len(pack["student"]["reader"].pages)


@pytest.mark.parametrize("edition", FILES)
def test_title_and_contents_pages(pack, book, config, edition):
    pdf = pack[edition]
    cover = _squash(pdf["texts"][0])
    for text in (config["title"], config["html"]["baseurl"], config["words"][edition]):
        assert _squash(text) in cover, f"{text!r} is not on the title page"
    contents = _squash("".join(pdf["texts"][1:pdf["starts"][0]]))
    assert _squash(config["words"]["contents"]) in contents
    for docname, first in zip(_printed(edition), pdf["starts"]):
        entry = (config["words"]["introduction"] if docname == "intro" else book[docname]["title"]) + str(first + 1)
        assert _squash(entry) in contents, f"{entry!r} is not in the contents"


@pytest.mark.parametrize("edition", FILES)
def test_every_chapter_title_is_printed(pack, book, edition):
    text = _squash("".join(pack[edition]["texts"]))
    for docname in _printed(edition):
        assert _squash(book[docname]["title"]) in text, docname


@pytest.mark.parametrize("edition", FILES)
def test_the_text_reads_back_as_printed(pack, language, edition):
    """Copied or searched, the Chinese text gives the characters printed, not the radicals
    that share their glyphs (一 came back as ⼀, 长 as ⻓: course_pack.fix_text_of_radicals)."""
    text = "".join(pack[edition]["texts"])
    radicals = sorted({c for c in text if ord(c) in course_pack.RADICALS})
    assert not radicals, radicals[:20]
    if language == "zh_CN":
        assert "一" in text and "比特" in text and "交叉熵" in text


@pytest.mark.parametrize("edition", FILES)
def test_no_raw_markup_and_numbered_pages(pack, edition):
    texts = pack[edition]["texts"]
    for number, text in enumerate(texts, start=1):
        raw = [m for m in RAW_MARKUP if m in text]
        assert not raw, f"page {number}: raw markup {raw}"
        if number > 1:
            assert text.split()[-1] == str(number), f"page {number} has no page number at its foot"


@pytest.mark.parametrize("edition", FILES)
def test_links_lead_to_the_published_site(pack, config, edition):
    site = config["html"]["baseurl"]  # the edition's: the Chinese pack links to zh/
    annotations = [a.get_object() for page in pack[edition]["reader"].pages for a in page.get("/Annots", [])]
    uris = [a["/A"]["/URI"] for a in annotations if "/A" in a and "/URI" in a["/A"]]
    assert any(uri.startswith(site) for uri in uris), "no link to the book's site"
    local = [uri for uri in uris if "127.0.0.1" in uri or "localhost" in uri]
    assert not local, local[:5]


@pytest.mark.parametrize("edition", FILES)
def test_every_explorer_is_printed_at_its_starting_position(pack, book, edition):
    pdf = pack[edition]
    for docname, (first, end) in zip(_printed(edition), _ranges(pdf)):
        if not docname.startswith("chapters/"):
            continue
        readouts = book[docname]["readouts"]
        assert readouts, f"{docname}: no explorer on the page"
        text = _squash("".join(pdf["texts"][first:end]))
        for readout in readouts:
            assert _squash(readout) in text, f"{docname}: {readout!r} is not printed"
        images = sum(_images(pdf["reader"].pages[i]) for i in range(first, end))
        assert images >= len(readouts), f"{docname}: {images} images for {len(readouts)} explorers"


def test_student_edition_has_every_exercise_and_no_solution(pack, book, language):
    text = _squash("".join(pack["student"]["texts"]))
    assert SOLUTION_TITLE[language] not in text
    exercises = [e for d in _printed("student") for e in book[d]["exercises"]]
    assert exercises and all(_squash(e) in text for e in exercises)


def test_solutions_edition_has_every_solution(pack, book, language):
    text = _squash("".join(pack["solutions"]["texts"]))
    solutions = sum(book[d]["solutions"] for d in _printed("solutions"))
    exercises = [e for d in _printed("solutions") for e in book[d]["exercises"]]
    assert solutions == len(exercises) > 0
    assert text.count(SOLUTION_TITLE[language]) == solutions
    assert all(_squash(e) in text for e in exercises)
