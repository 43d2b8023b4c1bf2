"""The Chinese edition's message catalogues (scripts/i18n.py).

* Every page of the book has a catalogue in locales/zh_CN (or is one of the pages
  that stay English), and each catalogue holds every paragraph of the page's current
  text: a changed sentence is a new entry, which must be translated again.
* xentlib's own catalogue (the text its figures, explorers and checks show) holds every
  string the code and the chapters give it, each translated with the same ``{fields}``
  and maths, and the .mo the package ships is that catalogue compiled.
* Every translation carries over its entry's glued numbers, role targets, maths and code
  spans; the catalogues finished so far (``i18n.TRANSLATED``) translate every entry, with
  no fuzzy one.
"""

import re
import sys

import pytest
from babel.messages.pofile import read_po

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import i18n  # noqa: E402

HERE = i18n.LOCALES / "zh_CN" / "LC_MESSAGES"


def _ids(path):
    with open(path, "rb") as f:
        return {m.id for m in read_po(f) if m.id}


@pytest.fixture(scope="module")
def pot(tmp_path_factory):
    return i18n.make_pot(tmp_path_factory.mktemp("gettext"), quiet=True)


def test_every_page_has_an_up_to_date_catalogue(pot):
    pages = sorted(p.relative_to(pot).with_suffix("").as_posix() for p in pot.rglob("*.pot"))
    assert "chapters/01_information" in pages and "intro" in pages
    assert not set(pages) & i18n.UNTRANSLATED
    assert sorted(i18n.TRANSLATED) == pages, "i18n.TRANSLATED should list every translated page"
    for page in pages:
        po = HERE / f"{page}.po"
        assert po.is_file(), f"{page}: no catalogue; run python3 scripts/i18n.py extract"
        missing = _ids(pot / f"{page}.pot") - _ids(po)
        assert not missing, f"{page}: {len(missing)} entries of the current text are not in its catalogue " \
            f"(run python3 scripts/i18n.py extract and translate them), e.g. {sorted(missing)[0][:80]!r}"


def test_translations_keep_the_markup_and_finished_catalogues_are_complete():
    assert i18n.translated_entries() > 0
    problems = i18n.check()
    assert not problems, f"{len(problems)} problems, e.g.\n" + "\n".join(problems[:10])


def test_the_checker_catches_a_lost_number_and_a_changed_target():
    source = "one bit is $\\ln 2 \\approx$ {glue:text}`nats_per_bit` nats, a {term}`logit`"
    assert i18n.protected(source) == i18n.protected("一比特是 $\\ln 2 \\approx$ {glue:text}`nats_per_bit` 奈特，{term}`对数几率 <logit>`")
    assert i18n.protected(source) != i18n.protected("一比特是 $\\ln 2 \\approx$ 0.6931 奈特，{term}`对数几率 <logit>`")
    assert i18n.protected(source) != i18n.protected("一比特是 $\\ln 2 \\approx$ {glue:text}`nats_per_bit` 奈特，{term}`对数几率`")


def test_xentlib_has_every_string_it_shows_in_chinese():
    problems = i18n.check_xentlib()
    assert not problems, f"{len(problems)} problems (python3 scripts/i18n.py xentlib), e.g.\n" + "\n".join(problems[:10])


def test_the_xentlib_check_catches_a_lost_field_and_a_stale_mo(tmp_path):
    from babel.messages.pofile import write_po

    catalog = i18n._read_po(i18n.XENTLIB_PO)
    message = next(m for m in catalog if m.id and "{" in m.id)
    message.string = re.sub(r"\{[^{}]*\}", "?", message.string, count=1)
    po, mo = tmp_path / "xentlib.po", tmp_path / "xentlib.mo"
    with open(po, "wb") as f:
        write_po(f, catalog)
    problems = i18n.check_xentlib(po, i18n.XENTLIB_MO)
    assert any(p.startswith("fields differ") for p in problems), problems
    assert any("is not the compiled .po" in p for p in problems), problems
    i18n.compile_xentlib_mo(mo, po)
    assert not any("is not the compiled .po" in p for p in i18n.check_xentlib(po, mo))


def test_xentlib_speaks_the_language_of_xent_lang(monkeypatch):
    from xentlib import figures

    monkeypatch.setenv("XENT_LANG", "zh_CN")
    chinese = figures.binary_entropy_explorer(values=[0.5])
    monkeypatch.delenv("XENT_LANG")
    english = figures.binary_entropy_explorer(values=[0.5])
    assert chinese.slider.description == "正面朝上的概率 p"
    assert english.slider.description == "probability of heads p"
