"""The Chinese edition: message catalogues and the second build, from the same sources.

    python3 scripts/i18n.py extract     # .pot from the book, then update locales/zh_CN/*.po
    python3 scripts/i18n.py build       # the Chinese site into _build/html/zh/
    python3 scripts/i18n.py check [FILE.po ...]   # every entry translated, markup kept
    python3 scripts/i18n.py xentlib     # xentlib's catalogue: extract, merge, compile the .mo

The English sources stay the only sources: Sphinx's gettext builder extracts every
paragraph, heading, caption and table cell into one catalogue per page
(``gettext_compact: false``), ``sphinx-intl`` keeps ``locales/zh_CN/LC_MESSAGES/*.po`` in
step with them, and a second build with ``language: zh_CN`` puts the translations in.
The configuration of that build is ``_config.yml`` plus the few keys in :data:`ZH`, written
to a temporary file, so the two editions cannot drift apart.
"""

import argparse
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"

#: Pages that stay in English in the Chinese edition: the API reference is generated
#: from xentlib's docstrings, which are the package's documentation, not the book's text.
UNTRANSLATED = {"api"}

#: The catalogues that must be complete (``check`` and tests/test_translations.py): every
#: page of the book but :data:`UNTRANSLATED`.
TRANSLATED = [
    "intro", "glossary", "references", "instructors",
    "chapters/01_information", "chapters/02_entropy", "chapters/03_kl_divergence",
    "chapters/04_cross_entropy", "chapters/05_sigmoid", "chapters/06_softmax",
    "chapters/07_multiclass_vs_multilabel", "chapters/08_losses_from_logits",
    "chapters/09_cross_entropy_in_practice",
]


#: How the catalogues are cut: one per page, without uuids or source locations.
GETTEXT = {"gettext_compact": False, "gettext_uuid": False, "gettext_location": False}

#: The Chinese edition's folder in the site (and on the reader notebooks' branch).
FOLDER = "zh"

#: What the Chinese build adds to _config.yml: its title and sphinx.config keys.
ZH_TITLE = "交叉熵：从信息到损失函数"
ZH = {
    "language": "zh_CN", **GETTEXT,  # and locale_dirs: the build's own copy (see build())
    # the extensions' own button texts, which they do not translate: sphinx-togglebutton's
    # (the folded solutions) and MyST-NB's folded code (the chapters fold only the input of
    # a cell, hide-input; a hide-output cell would need another wording)
    "togglebutton_hint": "点击显示", "togglebutton_hint_hide": "点击隐藏",
    "nb_code_prompt_show": "显示代码", "nb_code_prompt_hide": "隐藏代码",
    # the edition's folder in the site and on the reader branch (_ext/reader_notebooks.py)
    "xent_edition_folder": f"{FOLDER}/",
}


def edition_config(title=None, folder=None):
    """_config.yml as an edition has it: a translated edition's ``title``, and its
    ``folder`` under the published address (scripts/course_pack.py prints from it too)."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    if title:
        config["title"] = title
    if folder:
        config["html"]["baseurl"] = config["html"]["baseurl"].rstrip("/") + f"/{folder}/"
    return config


def _config(extra, execute=True, title=None, folder=None):
    """:func:`edition_config` with ``extra`` merged into sphinx.config, as a temporary
    file's path."""
    config = edition_config(title, folder)
    config.setdefault("sphinx", {}).setdefault("config", {}).update(extra)
    if not execute:
        config["execute"]["execute_notebooks"] = "off"
    handle, path = tempfile.mkstemp(suffix=".yml", prefix="_config.", dir=ROOT)
    with os.fdopen(handle, "w") as f:
        yaml.safe_dump(config, f, allow_unicode=True, sort_keys=False)
    return Path(path)


def _jupyter_book(config, out, *extra, quiet=False):
    # jupyter-book of this Python, whatever its bin folder (a venv's included)
    command = [sys.executable, "-c", "from jupyter_book.cli.main import main; main()",
               "build", "--all", "--warningiserror", "--keep-going", "--config", str(config), "--path-output", str(out), *extra, str(ROOT)]
    done = subprocess.run(command, cwd=ROOT, capture_output=quiet, text=True)
    if done.returncode:
        raise RuntimeError(f"jupyter-book failed ({done.returncode}):\n{(done.stdout or '')[-3000:]}")


# What a translation must carry over unchanged from its source: roles (with their
# targets), inline maths and code. A {term} may change its text but not its target.
_ROLE = re.compile(r"\{(glue:text|cite|ref|numref|py:func|doc|download)\}`[^`]*`")
_TERM = re.compile(r"\{term\}`([^`]*)`")
_MATH = re.compile(r"\$\$.*?\$\$|\$[^$]+\$", re.S)
_CODE = re.compile(r"(?<![}`])`([^`]+)`")


def _term_target(content):
    m = re.fullmatch(r"(.*?)\s*<([^<>]+)>", content, re.S)
    return (m.group(2) if m else content).strip().lower()


def protected(text):
    """The pieces of ``text`` a translation must keep: a Counter of (kind, piece)."""
    found = collections.Counter()
    for m in _ROLE.finditer(text):
        found[("role", m.group(0))] += 1
    for m in _TERM.finditer(text):
        found[("term", _term_target(m.group(1)))] += 1
    stripped = _TERM.sub("", _ROLE.sub("", text))
    for m in _MATH.finditer(stripped):
        found[("math", m.group(0))] += 1
    for m in _CODE.finditer(_MATH.sub("", stripped)):
        found[("code", m.group(1))] += 1
    return found


def check(paths=None, complete=None):
    """Problems in the catalogues: markup not carried over in a translated entry, and, for
    the catalogues in ``complete`` (default: :data:`TRANSLATED`), untranslated or fuzzy
    entries. ``paths`` defaults to every catalogue."""
    from babel.messages.pofile import read_po

    here = LOCALES / "zh_CN" / "LC_MESSAGES"
    files = [Path(p).resolve() for p in paths] if paths else sorted(here.rglob("*.po"))
    done = {(here / f"{page}.po").resolve() for page in (TRANSLATED if complete is None else complete)}
    if paths and complete is None:
        done = set(files)  # files named on the command line are meant to be finished
    problems = []
    for path in files:
        with open(path, "rb") as f:
            catalog = read_po(f)
        for message in catalog:
            if not message.id:
                continue
            where = f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {message.id[:60]!r}"
            if not message.string:
                if path in done:
                    problems.append(f"{where}: not translated")
                continue
            if message.fuzzy and path in done:
                problems.append(f"{where}: fuzzy")
            lost = protected(message.id) - protected(message.string)
            added = protected(message.string) - protected(message.id)
            if lost or added:
                problems.append(f"{where}: markup changed, missing {dict(lost)}, extra {dict(added)}")
    return problems


def translated_entries():
    """How many entries of all the catalogues have a translation."""
    from babel.messages.pofile import read_po

    total = 0
    for path in (LOCALES / "zh_CN").rglob("*.po"):
        with open(path, "rb") as f:
            total += sum(1 for m in read_po(f) if m.id and m.string)
    return total


def make_pot(out, quiet=False):
    """The .pot templates of the book's current text, in ``out``/_build/gettext (no
    execution: outputs are not translated). Returns that folder."""
    # MyST-NB keeps no output for a builder it does not know, such as gettext: told to keep
    # the PNG figures, it lets Sphinx extract their alt texts (mystnb.image.alt) too
    config = _config({**GETTEXT, "nb_mime_priority_overrides": [["gettext", "image/png", 10]]}, execute=False)
    try:
        _jupyter_book(config, out, "--builder", "custom", "--custom-builder", "gettext", quiet=quiet)
    finally:
        config.unlink()
    pot = Path(out) / "_build" / "gettext"
    for page in UNTRANSLATED:
        (pot / f"{page}.pot").unlink(missing_ok=True)
    return pot


def extract():
    """Bring locales/zh_CN/*.po in step with the book's text (new entries empty, changed ones fuzzy)."""
    pot = make_pot(ROOT / "_build" / "gettext-run")
    subprocess.run([sys.executable, "-m", "sphinx_intl", "update", "-p", str(pot), "-l", "zh_CN",
                    "-d", str(LOCALES), "-w", "0"], check=True, cwd=ROOT)


_GLUE = re.compile(r"\{glue:text\}`([^`:]+)`")


def _build_locales(target_root):
    """Copy the catalogues for the build, with each ``{glue:text}`key``` in a translation
    written as ``{glue:text}`<notebook>::key:s```.

    MyST-NB pastes a glued value into a paragraph of the page it parses; a translated
    paragraph is parsed again on its own, where the plain form finds no glue data (it
    warns "No key ... found"). The path form looks the value up in the notebook, so the
    translators write the same role as the English text and this step rewrites it.
    """
    from babel.messages.pofile import read_po, write_po

    shutil.rmtree(target_root, ignore_errors=True)
    for path in (LOCALES / "zh_CN").rglob("*.po"):
        relative = path.relative_to(LOCALES)
        target = Path(target_root) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        notebook = path.stem + ".ipynb"
        with open(path, "rb") as f:
            catalog = read_po(f)
        for message in catalog:
            if message.id and message.string:
                message.string = _GLUE.sub(
                    lambda m: f"{{glue:text}}`{notebook}::{m.group(1)}:s`", message.string)
        with open(target, "wb") as f:
            write_po(f, catalog, width=0)


def toc_text(catalogue):
    """_toc.yml (YAML text) with its part captions translated by ``catalogue`` (the root
    page's: Sphinx does not translate the captions sphinx-external-toc inserts)."""
    from babel.messages.pofile import read_po

    with open(catalogue, "rb") as f:
        strings = {m.id: m.string for m in read_po(f) if m.id and m.string}
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    for part in toc.get("parts", []):
        if part.get("caption") not in strings:
            raise RuntimeError(f"_toc.yml caption {part.get('caption')!r} has no translation in {catalogue}")
        part["caption"] = strings[part["caption"]]
    return yaml.safe_dump(toc, allow_unicode=True, sort_keys=False)


def _toc(catalogue):
    """:func:`toc_text` as a temporary file's path."""
    handle, path = tempfile.mkstemp(suffix=".yml", prefix="_toc.", dir=ROOT)
    with os.fdopen(handle, "w") as f:
        f.write(toc_text(catalogue))
    return Path(path)


#: What a figure's text shows when a glyph is missing (matplotlib's warnings, which the
#: build's notebooks would carry as stderr output): the Chinese edition must have none.
_TOFU = re.compile(r"missing from font|does not have a glyph|findfont: Font family")


def _missing_glyphs(executed):
    """(notebook, message) for each missing-glyph warning in the executed notebooks."""
    import json

    for path in sorted(Path(executed).rglob("*.ipynb")):
        for cell in json.loads(path.read_text())["cells"]:
            for output in cell.get("outputs", []):
                text = "".join(output.get("text", ""))
                if output.get("name") == "stderr" and _TOFU.search(text):
                    yield path.name, text.strip().splitlines()[0]


def _search_words(path):
    """jieba's user dictionary of the book's Chinese terms (the glossary's bold names), for
    the search index: written to ``path``, which is returned."""
    from babel.messages.pofile import read_po

    with open(LOCALES / "zh_CN" / "LC_MESSAGES" / "glossary.po", "rb") as f:
        glossary = " ".join(m.string for m in read_po(f) if m.id and m.string)
    terms = {t for bold in re.findall(r"\*\*([^*]+)\*\*", glossary)
             for t in re.split(r"\s*[/／、，]\s*", bold)
             if re.search(r"[\u4e00-\u9fff]", t) and " " not in t}  # jieba's format: word freq tag
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{t} 1000 n\n" for t in sorted(terms)), encoding="utf-8")
    return path


def build(out=ROOT / "_build" / "zh", site=ROOT / "_build" / "html"):
    """The Chinese site, built in ``out`` and copied to ``site``/zh (the English site's
    folder, one level down).

    Its notebooks run with ``XENT_LANG=zh_CN``, so xentlib draws the figures and writes the
    readouts, captions and checks in Chinese (xentlib/_i18n.py), in a font with Chinese
    characters (the build stops if none is installed, or if a figure lacked a glyph)."""
    sys.path.insert(0, str(ROOT))
    os.environ["XENT_LANG"] = "zh_CN"
    from xentlib import plotting

    if plotting.cjk_font() is None:
        raise RuntimeError("no font with Chinese characters for the figures: apt-get install fonts-noto-cjk")
    out, site = Path(out).resolve(), Path(site).resolve()
    # The catalogues the build reads, in the build's own folder: Sphinx loads a page's
    # catalogue when it reads the page, so two builds at once must not share them.
    locales = out / "locales"
    _build_locales(locales)
    words = _search_words(out / "search-words.txt")
    config = _config({**ZH, "locale_dirs": [str(locales)], "html_search_options": {"dict": str(words)}},
                     title=ZH_TITLE, folder=FOLDER)
    toc = _toc(LOCALES / "zh_CN" / "LC_MESSAGES" / "intro.po")
    try:
        _jupyter_book(config, out, "--toc", str(toc))
    finally:
        config.unlink()
        toc.unlink()
    tofu = list(_missing_glyphs(out / "_build" / "jupyter_execute"))
    if tofu:
        raise RuntimeError(f"{len(tofu)} figure texts lack a glyph, e.g. {tofu[0]}")
    target = site / FOLDER
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(out / "_build" / "html", target)
    # its reader notebooks go to the branch Colab and Binder open, beside the English ones
    branch = site.parent / "reader-branch" / FOLDER
    shutil.rmtree(branch, ignore_errors=True)
    shutil.copytree(out / "_build" / "reader-branch" / FOLDER, branch)


# --- xentlib's own catalogue: the text its figures, explorers and checks show ------------

#: xentlib's catalogue (see xentlib/_i18n.py) and the compiled file the package ships.
XENTLIB_PO = ROOT / "xentlib" / "locale" / "zh_CN" / "LC_MESSAGES" / "xentlib.po"
XENTLIB_MO = XENTLIB_PO.with_suffix(".mo")

#: Keyword arguments whose string literals a chapter passes to xentlib to show (a figure's
#: title, a caption, a label): xentlib translates them, so they are in its catalogue too.
SHOWN_ARGUMENTS = {"title", "caption", "label", "xlabel", "ylabel"}


def _chapter_strings():
    """(string, where) for every literal a chapter's code passes to xentlib to show."""
    import ast
    import json

    for path in sorted((ROOT / "chapters").glob("*.ipynb")):
        for cell in json.loads(path.read_text())["cells"]:
            if cell["cell_type"] != "code":
                continue
            source = "".join(cell["source"])
            try:
                tree = ast.parse(source)
            except SyntaxError:  # an exercise's "..." placeholder parses; anything else is a bug
                raise RuntimeError(f"{path.name}: a code cell does not parse") from None
            for node in ast.walk(tree):
                if isinstance(node, ast.Call):
                    for kw in node.keywords:
                        if kw.arg in SHOWN_ARGUMENTS and isinstance(kw.value, ast.Constant) \
                                and isinstance(kw.value.value, str):
                            yield kw.value.value, f"chapters/{path.name}"


def xentlib_template():
    """The catalogue template of every string xentlib shows: ``_()`` and ``N_()`` in its
    code, and the literals chapters pass to it (:func:`_chapter_strings`)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    import datetime

    fixed = datetime.datetime(2026, 11, 29, tzinfo=datetime.timezone.utc)  # no churn in the header
    template = Catalog(project="xentlib", version="0.1", fuzzy=False, creation_date=fixed)
    found = extract_from_dir(str(ROOT / "xentlib"), method_map=[("**.py", "python")],
                             keywords={"_": None, "N_": None}, comment_tags=("TRANSLATORS:",))
    for filename, lineno, message, comments, context in found:
        template.add(message, locations=[(f"xentlib/{filename}", lineno)], auto_comments=comments)
    for message, where in _chapter_strings():
        template.add(message, locations=[(where, 0)])
    return template


def _read_po(path):
    from babel.messages.pofile import read_po

    with open(path, "rb") as f:
        return read_po(f, locale="zh_CN", domain="xentlib")


def xentlib_catalogue(merge=()):
    """Bring xentlib's .po in step with its code (new strings empty, changed ones fuzzy, gone
    ones dropped), fill in the translations of the JSON files ``merge`` (``{"English":
    "中文"}``), then compile the .mo that the package reads."""
    import fcntl
    import json

    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    XENTLIB_PO.parent.mkdir(parents=True, exist_ok=True)
    with open(XENTLIB_PO.parent / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # several people (or sessions) may merge at once
        template = xentlib_template()
        if XENTLIB_PO.exists():
            catalog = _read_po(XENTLIB_PO)
        else:
            catalog = Catalog(locale="zh_CN", domain="xentlib", project="xentlib")
        catalog.update(template, no_fuzzy_matching=False)
        catalog.obsolete.clear()
        catalog.header_comment = "# xentlib's Chinese text: python3 scripts/i18n.py xentlib (see xentlib/_i18n.py)."
        catalog.project, catalog.version = "xentlib", "0.1"
        catalog.revision_date, catalog.fuzzy = catalog.creation_date, False
        catalog.last_translator = catalog.language_team = "xent-book authors"
        for path in merge:
            for english, chinese in json.loads(Path(path).read_text()).items():
                if english in catalog and chinese:
                    message = catalog[english]
                    message.string, message.flags = chinese, message.flags - {"fuzzy"}
        with open(XENTLIB_PO, "wb") as f:
            write_po(f, catalog, width=0, omit_header=False, sort_output=False,
                     include_previous=True, include_lineno=False)
        compile_xentlib_mo()
    empty = sum(1 for m in catalog if m.id and not m.string)
    fuzzy = sum(1 for m in catalog if m.id and m.fuzzy)
    print(f"{XENTLIB_PO.relative_to(ROOT)}: {len(catalog)} entries, {empty} untranslated, {fuzzy} fuzzy")


def compile_xentlib_mo(path=XENTLIB_MO, po=XENTLIB_PO):
    """Compile xentlib's .po (translated, not fuzzy entries) to ``path``."""
    from babel.messages.mofile import write_mo

    with open(path, "wb") as f:
        write_mo(f, _read_po(po), use_fuzzy=False)


_FIELD = re.compile(r"\{[^{}]*\}")


def check_xentlib(po=XENTLIB_PO, mo=XENTLIB_MO):
    """Problems in xentlib's catalogue: missing or stale entries, untranslated or fuzzy ones,
    a translation whose ``{fields}`` or maths differ from its source's, a stale .mo."""
    import gettext

    problems = []
    catalog = _read_po(po)
    ids = {m.id for m in catalog if m.id}
    wanted = {m.id for m in xentlib_template() if m.id}
    problems += [f"not in the catalogue: {m[:70]!r}" for m in sorted(wanted - ids)]
    problems += [f"no longer shown, still in the catalogue: {m[:70]!r}" for m in sorted(ids - wanted)]
    for m in catalog:
        if not m.id:
            continue
        if not m.string:
            problems.append(f"not translated: {m.id[:70]!r}")
            continue
        if m.fuzzy:
            problems.append(f"fuzzy: {m.id[:70]!r}")
        if sorted(_FIELD.findall(m.id)) != sorted(_FIELD.findall(m.string)):
            problems.append(f"fields differ: {m.id[:70]!r} -> {m.string[:70]!r}")
        if sorted(_MATH.findall(m.id)) != sorted(_MATH.findall(m.string)):
            problems.append(f"maths differ: {m.id[:70]!r} -> {m.string[:70]!r}")
    with open(mo, "rb") as f:
        shipped = gettext.GNUTranslations(f)._catalog
    expected = {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}
    if {k: v for k, v in shipped.items() if k} != expected:
        problems.append(f"{mo} is not the compiled .po: "
                        "run python3 scripts/i18n.py xentlib")
    return problems


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["extract", "build", "check", "xentlib"])
    parser.add_argument("--path-output", default=ROOT / "_build" / "zh",
                        help="build: where the Chinese build runs (default _build/zh)")
    parser.add_argument("--site", default=ROOT / "_build" / "html",
                        help="build: the English site, which gets the Chinese one as zh/")
    parser.add_argument("files", nargs="*", help="check: the .po files; xentlib: JSON files "
                        "of translations to merge ({English: 中文})")
    args = parser.parse_args()
    if args.command == "check":
        found = check(args.files) + (check_xentlib() if not args.files else [])
        print("\n".join(found) or "all entries translated, markup kept")
        sys.exit(1 if found else 0)
    if args.command == "xentlib":
        xentlib_catalogue(args.files)
    elif args.command == "build":
        build(args.path_output, args.site)
    else:
        extract()
