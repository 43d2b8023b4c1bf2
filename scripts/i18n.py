"""The Chinese edition: message catalogues and the second build, from the same sources.

    python3 scripts/i18n.py extract     # .pot from the book, then update locales/zh_CN/*.po
    python3 scripts/i18n.py build       # the Chinese site into _build/html/zh/
    python3 scripts/i18n.py check [FILE.po ...]   # every entry translated, markup kept

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

#: The build's copy of the catalogues, with the glue roles rewritten (see :func:`_build_locales`).
BUILD_LOCALES = ROOT / "_build" / "zh-locales"

#: How the catalogues are cut: one per page, without uuids or source locations.
GETTEXT = {"gettext_compact": False, "gettext_uuid": False, "gettext_location": False}

#: What the Chinese build adds to _config.yml: its title and sphinx.config keys.
ZH_TITLE = "交叉熵：从信息到损失函数"
ZH = {"language": "zh_CN", "locale_dirs": [str(BUILD_LOCALES)], **GETTEXT}


def _config(extra, execute=True, title=None):
    """_config.yml with ``extra`` merged into sphinx.config, as a temporary file's path."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    config.setdefault("sphinx", {}).setdefault("config", {}).update(extra)
    if title:
        config["title"] = title
    if not execute:
        config["execute"]["execute_notebooks"] = "off"
    handle, path = tempfile.mkstemp(suffix=".yml", prefix="_config.", dir=ROOT)
    with os.fdopen(handle, "w") as f:
        yaml.safe_dump(config, f, allow_unicode=True, sort_keys=False)
    return Path(path)


def _jupyter_book(config, out, *extra, quiet=False):
    command = ["jupyter-book", "build", "--all", "--warningiserror", "--keep-going",
               "--config", str(config), "--path-output", str(out), *extra, str(ROOT)]
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
    config = _config(GETTEXT, execute=False)
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


def _build_locales():
    """Copy the catalogues for the build, with each ``{glue:text}`key``` in a translation
    written as ``{glue:text}`<notebook>::key:s```.

    MyST-NB pastes a glued value into a paragraph of the page it parses; a translated
    paragraph is parsed again on its own, where the plain form finds no glue data (it
    warns "No key ... found"). The path form looks the value up in the notebook, so the
    translators write the same role as the English text and this step rewrites it.
    """
    from babel.messages.pofile import read_po, write_po

    shutil.rmtree(BUILD_LOCALES, ignore_errors=True)
    for path in (LOCALES / "zh_CN").rglob("*.po"):
        relative = path.relative_to(LOCALES)
        target = BUILD_LOCALES / relative
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


def build():
    """The Chinese site, into _build/html/zh (the English site's folder, one level down)."""
    _build_locales()
    config = _config(ZH, title=ZH_TITLE)
    out = ROOT / "_build" / "zh"
    try:
        _jupyter_book(config, out)
    finally:
        config.unlink()
    target = ROOT / "_build" / "html" / "zh"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(out / "_build" / "html", target)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["extract", "build", "check"])
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    if args.command == "check":
        found = check(args.files)
        print("\n".join(found) or "all entries translated, markup kept")
        sys.exit(1 if found else 0)
    {"extract": extract, "build": build}[args.command]()
