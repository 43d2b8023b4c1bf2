"""The Chinese edition as built (zh/ in the site), read from its HTML.

The browser checks of tests/test_site.py (offline, sliders, axe, phone, dark mode) run
on both editions; these check what only the Chinese edition must do:

* every page says it is Chinese (``lang="zh-CN"``) and links to the same page of the
  English edition, which links back;
* no English sentence is left in the prose of a translated page (code, maths, program
  output and quoted messages excluded);
* the glued numbers are the English edition's, in the same order;
* what xentlib shows on the pages is Chinese: the explorers' readouts and captions, the
  exercise checks' verdicts;
* the search index holds Chinese words (Sphinx splits Chinese with jieba), and the
  search page finds them, the one-character 熵 included.
"""

import json
import re
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import i18n  # noqa: E402

#: Pages of the Chinese edition that translate the English text (api.html stays English:
#: it is xentlib's docstrings, see i18n.UNTRANSLATED).
TRANSLATED = [f"{page}.html" for page in i18n.TRANSLATED]
CHAPTERS = [page for page in TRANSLATED if page.startswith("chapters/")]

#: Five or more English words in a row: a sentence (or a title) left untranslated.
ENGLISH_RUN = re.compile(r"(?:[A-Za-z][A-Za-z'’-]*[ ,;:]+){4,}[A-Za-z][A-Za-z'’-]*")
#: Characters that only Chinese text has: CJK ideographs and full-width punctuation.
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
#: What is not prose: code, program output, maths, the page's furniture, pasted numbers,
#: quoted messages (“divide by zero encountered in log”) and the bibliography.
NOT_PROSE = ["div.cell", "pre", "code", ".math", "script", "style", "nav", ".headerlink",
             ".xent-lang-switch", ".bd-sidebar-secondary", ".prev-next-area", "span.pasted-text",
             "div.citation", ".bibliography", ".bd-header-article"]


def _soup(path):
    return BeautifulSoup(path.read_text(), "html.parser")


def _prose(path):
    main = _soup(path).select_one("main")
    for selector in NOT_PROSE:
        for node in main.select(selector):
            node.decompose()
    text = re.sub(r"\s+", " ", main.get_text(" "))
    text = re.sub(r"“[^”]*”", "", text)
    if path.name == "glossary.html":  # each term gives its English name in （…）, on purpose
        text = re.sub(r"（[^）]*）", "", text)
    return text


def _pages(site):
    """The site's pages, without the root's redirect to the landing page (Jupyter Book's
    one-line index.html)."""
    return sorted(p for p in site.rglob("*.html") if not {"_static", "_sources"} & set(p.parts)
                  and not p.read_text().startswith("<meta http-equiv=\"Refresh\""))


def test_every_page_is_marked_chinese(built_site):
    pages = _pages(built_site / "zh")
    assert len(pages) >= len(TRANSLATED)
    wrong = [str(p.relative_to(built_site)) for p in pages
             if not re.search(r'<html lang="zh-CN"', p.read_text())]
    assert not wrong, wrong


def test_the_language_switch_leads_to_the_same_page(built_site):
    # every page of the book (the generated search and index pages have no switch)
    english = [built_site / page for page in [*TRANSLATED, "api.html"]]
    for page in english:
        rel = page.relative_to(built_site)
        there = _soup(page).select_one(".xent-lang-switch a[hreflang='zh-CN']")
        assert there is not None, f"{rel}: no link to the Chinese edition"
        target = (page.parent / there["href"]).resolve()
        assert target == (built_site / "zh" / rel).resolve() and target.is_file(), (rel, there["href"])
        back = _soup(target).select_one(".xent-lang-switch a[hreflang='en']")
        assert back is not None and (target.parent / back["href"]).resolve() == page.resolve(), rel


@pytest.mark.parametrize("page", TRANSLATED)
def test_no_english_sentence_is_left(built_site, page):
    text = _prose(built_site / "zh" / page)
    assert len(CJK.findall(text)) > 50, f"{page}: hardly any Chinese"
    left = ENGLISH_RUN.findall(text)
    assert not left, f"{page}: English left in the prose: {left[:5]}"


def test_the_check_catches_an_english_sentence():
    assert ENGLISH_RUN.findall("交叉熵 Predict, then move the slider 再拖动") == ["Predict, then move the slider"]
    assert not ENGLISH_RUN.findall("用 xentlib 计算 scikit-learn 的 LogisticRegression")


@pytest.mark.parametrize("page", TRANSLATED)
def test_glued_numbers_are_the_english_editions(built_site, page):
    def pasted(path):
        return [s.get_text() for s in _soup(path).select("main span.pasted-text")]

    english, chinese = pasted(built_site / page), pasted(built_site / "zh" / page)
    if page.startswith("chapters/"):
        assert english, f"{page}: no glued number found"
    assert chinese == english


def _widget_texts(path, css_class):
    """The texts of the HTML widgets with ``css_class`` in a page's embedded widget state."""
    html = path.read_text()
    found = re.search(r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>', html, re.S)
    assert found, f"{path.name}: no widget state"
    models = json.loads(found.group(1))["state"].values()
    values = [m["state"].get("value", "") for m in models if m["model_name"] == "HTMLModel"]
    return [BeautifulSoup(v, "html.parser").get_text() for v in values if f'class="{css_class}"' in v]


@pytest.mark.parametrize("page", CHAPTERS)
def test_what_xentlib_shows_is_chinese(built_site, page):
    path = built_site / "zh" / page
    readouts, captions = _widget_texts(path, "xent-readout"), _widget_texts(path, "xent-figcaption")
    assert readouts and captions
    english = [t for t in readouts + captions if not CJK.search(t)]
    assert not english, f"{page}: {len(english)} readouts or captions in English, e.g. {english[0]!r}"
    outputs = [pre.get_text() for pre in _soup(path).select("div.cell_output pre")]
    verdicts = [t for t in outputs if re.match(r"\d\.\d[:：]", t)]
    assert verdicts, f"{page}: no exercise check's output"
    assert all(CJK.search(t) for t in verdicts), [t for t in verdicts if not CJK.search(t)]


@pytest.mark.parametrize("page", CHAPTERS)
def test_static_figures_have_chinese_alt_text(built_site, page):
    images = _soup(built_site / "zh" / page).select("article div.cell_output img")
    english = [img.get("alt", "")[:60] for img in images if not CJK.search(img.get("alt", ""))]
    assert not english, f"{page}: figures whose text alternative is not Chinese: {english}"


def test_the_search_index_has_chinese_words(built_site):
    text = (built_site / "zh" / "searchindex.js").read_text()
    index = json.loads(text[text.index("(") + 1: text.rindex(")")])
    terms = index["terms"]
    for word in ("交叉熵", "信息量", "散度"):
        assert word in terms, f"{word} is not in the Chinese search index"


@pytest.mark.parametrize("word", ["熵", "交叉熵", "标签平滑"])
def test_the_search_page_finds_chinese_words(browser, site, word):
    page = browser.new_page()
    try:
        page.goto(f"{site}/zh/search.html?q={word}", wait_until="load")
        page.wait_for_selector("#search-results p.search-summary", timeout=15000)
        found = page.locator("#search-results li").count()
    finally:
        page.close()
    assert found >= 3, f"searching {word} finds {found} pages"
