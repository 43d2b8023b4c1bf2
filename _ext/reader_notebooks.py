"""Reader notebooks: each chapter as a plain Jupyter notebook, made with the site.

The chapters are MyST notebooks: their text uses roles and directives
(``{glue:text}``, ``{term}``, ``{cite}``, ``{py:func}``, ``:::{admonition}``,
``{exercise}``, ``{solution-start}``) that only the book build understands; in
JupyterLab, Notebook 7, VS Code or Colab they show as raw markup. At the end of
the build this module writes, for every chapter, a notebook in plain Jupyter
Markdown with the outputs of the build's own run:

* glued numbers replaced by their values, as the site shows them (the glue
  cells and the ``myst_nb`` import are dropped; MyST-NB takes the glue outputs
  out of the notebook it executes, so the values are read from the chapter's
  stored outputs, which nbval keeps equal to a fresh run);
* ``{term}``, ``{cite}`` and ``{py:func}`` as ordinary links to the published
  site (glossary entry, reference, API entry), using the numbers and anchors of
  this very build (from the Sphinx environment);
* admonitions as block quotes with a bold title; exercises as headed sections;
  each solution, with its code and output, folded in ``<details>``;
* a first code cell that installs ``xentlib`` from the wheel published with the
  site, when it is missing or older than the book's (``XENT_BOOK_URL``
  overrides the site's address, e.g. for a copy served locally);
* ``hide-input`` cells collapsed (``jupyter.source_hidden``), and the widget
  state of the build, so the sliders' figures show before anything is run.

The MyST text is read with MyST's own parser (markdown-it with the MyST
plugins): roles and directives are found as tokens, not by regular
expressions over the Markdown, so code spans and fences are left alone. An
unknown role or directive stops the build rather than leak into a notebook.

The notebooks are written over the build's ``_sources/chapters/*.ipynb``, which
is what each page's download button serves, and the wheel to
``_static/xentlib-<version>-py3-none-any.whl``. Colab and Binder open notebooks
from the repository, so the build also writes ``_build/reader-branch/`` (the
reader notebooks, a lean requirements.txt for Binder) for the publishing workflow
to push to the branch ``xent_reader_branch`` (default ``reader-notebooks``), and
points each page's Colab and Binder buttons at that branch.
"""

import ast
import copy
import re
import subprocess
import sys
from pathlib import Path

import nbformat

import editions

GLUE_MIME = "application/papermill.record/text/plain"

INSTALL_CELL = '''\
# This notebook uses xentlib, the book's small NumPy package. This cell installs it
# from the book's website when it is missing or older than the book's version.
# To use another copy of the site, set the environment variable XENT_BOOK_URL.
import importlib.metadata
import os
import re
import subprocess
import sys

BOOK_URL = os.environ.get("XENT_BOOK_URL", "{site}").rstrip("/")
XENTLIB = "{version}"
try:
    installed = importlib.metadata.version("xentlib")
except importlib.metadata.PackageNotFoundError:
    installed = "0"
if [int(n) for n in re.findall(r"\\d+", installed)[:3]] < [int(n) for n in XENTLIB.split(".")]:
    wheel = f"{{BOOK_URL}}/_static/xentlib-{{XENTLIB}}-py3-none-any.whl"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", wheel], check=True)
    importlib.invalidate_caches()'''

# What a chapter may import beyond what xentlib brings (NumPy, matplotlib, ipywidgets),
# by module name, with the package that provides it: the install cell of a chapter that
# imports one installs it when it is missing (Colab has them; a bare Jupyter may not).
EXTRA_PACKAGES = {"sklearn": "scikit-learn"}

INSTALL_EXTRAS = '''
import importlib.util

for module, package in {extras!r}:
    if importlib.util.find_spec(module) is None:  # this chapter needs it too
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", package], check=True)
        importlib.invalidate_caches()'''


#: What the reader notebooks themselves say, in each edition's language (the chapters'
#: own text comes translated from the build's catalogues, see :class:`Converter`).
WORDS = {
    "en": {
        "exercise": "### Exercise {number}: {title}",
        "solution": "Solution",
        "about": (
            "*This is the notebook edition of a chapter of [{book}]({site}), "
            "[also on the web]({page}). Run the cells from the top: the first one "
            "installs `xentlib`, the book's helper package, if it is not there yet. The "
            "figures' sliders show once the cells have run, or, before that, once the "
            "notebook is trusted (JupyterLab's command *Trust Notebook*).*"
        ),
    },
    "zh_CN": {
        "exercise": "### 练习 {number}：{title}",
        "solution": "解答",
        "about": (
            "*这是《[{book}]({site})》一章的 notebook 版，[网页版在此]({page})。"
            "请从上到下运行各单元格：第一个单元格会在需要时安装本书的辅助包 `xentlib`，"
            "并让它的图、读数和练习检查显示中文。单元格运行之后，图的滑块就会出现；"
            "在此之前，把 notebook 设为受信任（JupyterLab 的 *Trust Notebook* 命令）也能看到。"
            "图中的中文需要一种中文字体（Colab 与大多数桌面系统都有；"
            "Debian/Ubuntu：`apt-get install fonts-noto-cjk`）。*"
        ),
    },
}

#: The first code cell's extra line in a translated edition: xentlib's language.
INSTALL_LANGUAGE = '''
os.environ.setdefault("XENT_LANG", {language!r})  # xentlib's figures and checks in this language'''


def imported_modules(source):
    """The top-level modules that the code ``source`` imports, e.g. {"numpy", "sklearn"}."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module.split(".")[0])
    return found


def extra_packages(source):
    """(module, package) pairs of :data:`EXTRA_PACKAGES` that the code ``source`` imports."""
    return [(m, EXTRA_PACKAGES[m]) for m in sorted(imported_modules(source) & set(EXTRA_PACKAGES))]


def install_cell(site, version, extras=(), language="en"):
    """The reader notebook's first code cell: install xentlib (and ``extras``) if missing,
    and, in a translated edition, choose xentlib's ``language``."""
    source = INSTALL_CELL.format(site=site, version=version)
    if extras:
        source += INSTALL_EXTRAS.format(extras=list(extras))
    if language != "en":
        source += INSTALL_LANGUAGE.format(language=language)
    return source


class Links:
    """Where the roles of the text point on the published site, from this build's environment."""

    def __init__(self, env, site):
        self.site = site.rstrip("/")
        std = env.get_domain("std")
        self.terms = {name.lower(): (doc, anchor) for (kind, name), (doc, anchor) in std.objects.items() if kind == "term"}
        self.functions = {name: (entry.docname, entry.node_id) for name, entry in env.get_domain("py").objects.items()}
        self.citations = {}
        for citation in env.domaindata["cite"]["citations"]:
            self.citations[citation.key] = (citation.bibliography_key.docname, citation.citation_id, citation.formatted_entry.label)

    def url(self, doc, anchor):
        return f"{self.site}/{doc}.html#{anchor}"


def _markdown_parser():
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    config = MdParserConfig(enable_extensions={"dollarmath", "amsmath", "colon_fence", "deflist", "substitution"})
    return create_md_parser(config, RendererHTML)


class Converter:
    """MyST text of one chapter to plain Jupyter Markdown.

    ``translate`` (msgid -> translated text, or None) puts a translated edition's text in:
    each paragraph, heading, table cell and directive title whose text is a message of the
    page's catalogue (Sphinx's msgid: the MyST source with its line breaks as spaces) is
    replaced by its translation before the roles are converted, as Sphinx does for the site.
    """

    def __init__(self, links, glued, chapter, translate=None, words=WORDS["en"]):
        self.md = _markdown_parser()
        self.links = links
        self.glued = glued
        self.chapter = chapter
        self.translate = translate
        self.words = words

    # --- translation ------------------------------------------------------

    def _message(self, text):
        """The translation of ``text`` (a message as Sphinx extracts it), or None."""
        if self.translate is None:
            return None
        found = self.translate(text.replace("\n", " ").strip())
        return found or None

    def _replace(self, line, old, new):
        """``line`` with the text ``old`` of one block replaced by ``new``: a whole table cell
        in a table row, else the text that ends the line (after a heading's ``#``, a list
        item's marker or a quote's ``>``)."""
        if line == old:
            return new
        if line.lstrip().startswith("|"):
            cells = line.split("|")
            for i, cell in enumerate(cells):
                if cell.strip() == old:
                    cells[i] = cell.replace(old, new)
                    return "|".join(cells)
        elif line.rstrip().endswith(old):
            at = line.rstrip().rindex(old)
            return line[:at] + new + line[at + len(old):]
        raise ValueError(f"{self.chapter}: cannot place the translation of {old[:60]!r} in {line[:60]!r}")

    def translated(self, source):
        """``source`` with each block of text that has a translation replaced by it (the
        blocks of a directive's body are translated when the directive is converted)."""
        if self.translate is None:
            return source
        lines = source.split("\n")
        changes = []  # (line, old text, new text): a block's first line, and what to put there
        drop = set()  # the further lines of a replaced block
        block_map = None
        for token in self.md.parse(source):
            if token.map is not None and token.type.endswith("_open"):
                block_map = token.map
            if token.type != "inline" or not token.content.strip():
                continue
            new = self._message(token.content)
            if new is None:
                continue
            first = token.content.split("\n")[0]
            start = token.map[0] if token.map else block_map[0]
            if token.map and token.map[1] - token.map[0] > 1:  # a paragraph over several lines
                end = token.map[1]
                while end > start + 1 and not lines[end - 1].strip():
                    end -= 1
                drop.update(range(start + 1, end))
                prefix = lines[start][: lines[start].index(first)]
                changes.append((start, lines[start], prefix + new))
            else:  # one line: a heading, a short paragraph, a table cell, a definition
                changes.append((start, first, new))
        for line, old, new in changes:
            lines[line] = self._replace(lines[line], old, new)
        return "\n".join(line for i, line in enumerate(lines) if i not in drop)

    # --- roles ------------------------------------------------------------

    def role(self, name, content):
        text, target = re.fullmatch(r"(.*?)(?:\s*<(.*)>)?", content, re.S).group(1, 2)
        target = target or text
        if name == "glue:text":
            content = re.fullmatch(r"(?:[^`]*::)?([^:]+)(?::s)?", content).group(1)  # the path form too
            if content not in self.glued:
                raise ValueError(f"{self.chapter}: no glued value {content!r}")
            return self.glued[content]
        if name == "term":
            doc, anchor = self.links.terms[target.lower()]
            return f"[{text}]({self.links.url(doc, anchor)})"
        if name == "py:func":
            doc, anchor = self.links.functions[target]
            return f"[`{text}`]({self.links.url(doc, anchor)})"
        if name == "cite":
            refs = []
            for key in (k.strip() for k in content.split(",")):
                doc, anchor, label = self.links.citations[key]
                refs.append(f"[{label}]({self.links.url(doc, anchor)})")
            return "[" + ", ".join(refs) + "]"
        raise ValueError(f"{self.chapter}: the role {{{name}}} has no plain-Markdown form yet")

    # --- blocks -----------------------------------------------------------

    @staticmethod
    def _options(body):
        """Split a directive body into its ``:key: value`` options and the rest."""
        options, lines = {}, body.split("\n")
        while lines and (m := re.fullmatch(r":(\w[\w-]*):\s*(.*)", lines[0].strip())):
            options[m.group(1)] = m.group(2)
            lines.pop(0)
        return options, "\n".join(lines).strip("\n")

    def directive(self, name, argument, body):
        options, body = self._options(body)
        if argument:  # an admonition's or exercise's title
            argument = self._message(argument) or argument
        if name == "admonition":
            inner = self.text(body)
            quoted = "\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))
            return f"> **{argument}**\n>\n{quoted}"
        if name == "exercise":
            label = options.get("label", "")
            m = re.fullmatch(r"ex-(\d+)-(\d+)", label)
            number = f"{int(m.group(1))}.{int(m.group(2))}" if m else ""
            return self.words["exercise"].format(number=number, title=argument) + f"\n\n{self.text(body)}"
        raise ValueError(f"{self.chapter}: the directive {{{name}}} has no plain-Markdown form yet")

    def text(self, source):
        """Convert a piece of MyST Markdown (no solution markers inside)."""
        source = self.translated(source)
        lines = source.split("\n")
        tokens = self.md.parse(source)
        spans = []  # (start line, end line, replacement) of the directives
        roles = set()
        for token in tokens:
            if token.type in ("fence", "colon_fence") and token.info.startswith("{") and token.level == 0:
                m = re.fullmatch(r"\{([\w:-]+)\}\s*(.*)", token.info.strip())
                spans.append((token.map[0], token.map[1], self.directive(m.group(1), m.group(2), token.content)))
            for child in token.children or []:
                if child.type == "myst_role":
                    roles.add((child.meta["name"], child.content))
        out, at = [], 0
        for start, end, replacement in sorted(spans):
            out.append(self._roles("\n".join(lines[at:start]), roles))
            out.append(replacement)
            at = end
        out.append(self._roles("\n".join(lines[at:]), roles))
        return "\n".join(part for part in out if part != "").strip("\n")

    def _roles(self, text, roles):
        for name, content in sorted(roles, key=lambda r: -len(r[1])):
            text = text.replace(f"{{{name}}}`{content}`", self.role(name, content))
        return text

    # --- solutions --------------------------------------------------------

    def split_solutions(self, source):
        """Split a markdown cell at its solution markers: [(kind, text)], kind in
        'text', 'start', 'end'."""
        lines = source.split("\n")
        marks = []
        for token in self.md.parse(source):
            if token.type == "fence" and token.info.startswith(("{solution-start}", "{solution-end}")):
                kind = "start" if token.info.startswith("{solution-start}") else "end"
                marks.append((token.map[0], token.map[1], kind))
        parts, at = [], 0
        for start, end, kind in marks:
            parts.append(("text", "\n".join(lines[at:start])))
            parts.append((kind, ""))
            at = end
        parts.append(("text", "\n".join(lines[at:])))
        return [(kind, text) for kind, text in parts if kind != "text" or text.strip()]


def _output_text(output):
    if "text" in output:
        return output["text"]
    return output.get("data", {}).get("text/plain", "")


def glued_values(nb):
    """{key: the string shown on the site} from the glue outputs of a notebook."""
    values = {}
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if GLUE_MIME in output.get("data", {}):
                name = output["metadata"]["scrapbook"]["name"]
                values[name] = str(ast.literal_eval(output["data"][GLUE_MIME]))
    return values


def reader_notebook(executed, glued, links, chapter, page_url, site, xentlib_version, book_title,
                    translate=None, language="en"):
    """The reader edition of one executed chapter notebook; ``glued`` maps glue keys to values;
    ``translate`` and ``language`` make a translated edition's (see :class:`Converter`)."""
    words = WORDS[language]
    converter = Converter(links, glued, chapter, translate, words)
    out = nbformat.v4.new_notebook(metadata=copy.deepcopy(executed.metadata))
    cells = out.cells
    solution = None  # the parts of an open solution, or None
    for index, cell in enumerate(executed.cells):
        tags = cell.metadata.get("tags", [])
        if cell.cell_type == "code":
            if "remove-cell" in tags:
                continue
            source = "\n".join(line for line in cell.source.split("\n") if line.strip() != "from myst_nb import glue")
            if solution is not None:
                shown = "".join(_output_text(o) for o in cell.outputs).rstrip("\n")
                solution.append(f"```python\n{source}\n```" + (f"\n\n```\n{shown}\n```" if shown else ""))
                continue
            new = nbformat.v4.new_code_cell(source, outputs=copy.deepcopy(cell.outputs))
            if "hide-input" in tags:
                new.metadata["jupyter"] = {"source_hidden": True}
            cells.append(new)
            continue
        for kind, text in converter.split_solutions(cell.source):
            if kind == "start":
                solution = []
            elif kind == "end":
                body = "\n\n".join(solution)
                summary = words["solution"]
                cells.append(nbformat.v4.new_markdown_cell(
                    f"<details>\n<summary>{summary}</summary>\n\n{body}\n\n</details>",
                    metadata={"tags": ["solution"]},  # the student edition leaves it out (editions.py)
                ))
                solution = None
            elif solution is not None:
                solution.append(converter.text(text))
            else:
                cells.append(nbformat.v4.new_markdown_cell(converter.text(text)))
        if index == 0:  # after the title cell: what this notebook is, and how to run it
            cells.append(nbformat.v4.new_markdown_cell(words["about"].format(book=book_title, site=site, page=page_url)))
            code = "\n".join(c.source for c in executed.cells if c.cell_type == "code")
            extras = extra_packages(code)
            cells.append(nbformat.v4.new_code_cell(install_cell(site, xentlib_version, extras, language)))
    if solution is not None:
        raise ValueError(f"{chapter}: a solution is not closed")
    return out


def build_wheel(outdir):
    """xentlib's wheel into the site's _static folder; returns its version.

    Built from a copy of the package's files: setuptools writes ``build/`` and
    ``*.egg-info`` next to the sources, and two builds at once (the test suite runs
    the book and the chapter template side by side) must not share them.
    """
    import shutil
    import tempfile

    root = Path(__file__).resolve().parent.parent
    static = Path(outdir) / "_static"
    static.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("pyproject.toml", "README.md", "LICENSE"):
            shutil.copy(root / name, tmp)
        shutil.copytree(root / "xentlib", Path(tmp) / "xentlib", ignore=shutil.ignore_patterns("__pycache__"))
        wheels = Path(tmp) / "wheels"
        done = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), tmp],
            capture_output=True, text=True,
        )  # fmt: skip
        if done.returncode != 0:
            raise RuntimeError(f"building xentlib's wheel failed:\n{done.stdout}\n{done.stderr}")
        (wheel,) = wheels.glob("xentlib-*-py3-none-any.whl")
        shutil.copy(wheel, static / wheel.name)
    # the version of the wheel just built (not of whatever xentlib this Python has installed)
    return wheel.name.split("-")[1]


def site_url(app):
    url = app.config.html_baseurl or ""
    if not url:
        raise ValueError("set html.baseurl in _config.yml: the reader notebooks link to the published site")
    return url.rstrip("/")


def _pins(names):
    """``name==version`` lines from requirements.txt, for the packages a reader needs."""
    root = Path(__file__).resolve().parent.parent
    pins = {}
    for line in (root / "requirements.txt").read_text().splitlines():
        m = re.fullmatch(r"([A-Za-z0-9_.-]+)==(\S+)", line.strip())
        if m:
            pins[m.group(1).lower()] = line.strip()
    return [pins[name] for name in names]


def write_reader_branch(outdir, site, xentlib_version, notebooks, folder=""):
    """The content of the branch that Colab and Binder open: the reader notebooks (in
    ``folder``, a translated edition's, e.g. ``zh/``) and a lean requirements.txt (the
    reader's packages and xentlib's wheel from the site)."""
    branch = Path(outdir).parent / "reader-branch"
    (branch / folder / "chapters").mkdir(parents=True, exist_ok=True)
    for docname, nb in notebooks.items():
        nbformat.write(nb, branch / folder / f"{docname}.ipynb")
    wheel = f"{site}/_static/xentlib-{xentlib_version}-py3-none-any.whl"
    lines = ["# What the reader notebooks need, for Binder (generated by the book build)"]
    lines += _pins(["numpy", "matplotlib", "ipywidgets", *sorted(EXTRA_PACKAGES.values())]) + [wheel]
    (branch / "requirements.txt").write_text("\n".join(lines) + "\n")
    (branch / "README.md").write_text(
        "# Reader notebooks\n\nGenerated by the book's build from `chapters/` on the main branch, "
        "and published here by the workflow `.github/workflows/book.yml` for Colab and Binder. "
        "Do not edit: change the chapters instead.\n"
    )


def point_launch_buttons_at_reader_branch(outdir, branch, docnames, folder=""):
    """Colab and Binder open the repository's notebooks: make them open the reader branch
    (a translated edition's notebooks are in its ``folder`` there)."""
    for docname in docnames:
        page = Path(outdir) / f"{docname}.html"
        html = page.read_text()
        html = re.sub(r"(colab\.research\.google\.com/github/[^\"]+?/blob/)[^/\"]+/", rf"\g<1>{branch}/{folder}", html)
        html = re.sub(r"(mybinder\.org/v2/gh/[^\"?]+?/)[^/\"?]+(\?urlpath=lab/tree/)",
                      rf"\g<1>{branch}\g<2>{folder}", html)
        page.write_text(html)


def _catalogue(app, docname, language):
    """The page's translations (msgid -> text) in a translated build, or None: the catalogue
    Sphinx compiled from the build's locale_dirs (``gettext_compact: false``, one per page)."""
    import gettext

    if language == "en":
        return None
    for folder in app.config.locale_dirs:
        mo = Path(app.srcdir, folder) / language / "LC_MESSAGES" / f"{docname}.mo"
        if mo.is_file():
            with open(mo, "rb") as f:
                catalogue = gettext.GNUTranslations(f)
            # (a message translated as itself, such as "argmax", reads the same either way)
            return lambda message: catalogue.gettext(message) if catalogue.gettext(message) != message else None
    raise FileNotFoundError(f"no compiled catalogue of {docname} for {language} in {app.config.locale_dirs}")


def write_reader_notebooks(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    chapters = sorted(doc for doc in app.env.found_docs if doc.startswith("chapters/"))
    if not chapters:  # e.g. the chapter template built on its own
        return
    outdir = Path(app.outdir)
    site = site_url(app)
    xentlib_version = build_wheel(outdir)
    links = Links(app.env, site)
    language = app.config.language if app.config.language in WORDS else "en"
    executed_root = outdir.parent / "jupyter_execute"
    notebooks = {}
    for docname in chapters:
        executed = nbformat.read(executed_root / f"{docname}.ipynb", as_version=4)
        # MyST-NB takes the glue outputs out of the executed notebook; the chapter's
        # stored outputs hold the same strings (nbval checks them against a fresh run)
        stored = nbformat.read(Path(app.srcdir) / f"{docname}.ipynb", as_version=4)
        page_url = f"{site}/{docname}.html"
        title = app.config.html_title or app.config.project
        nb = reader_notebook(executed, glued_values(stored), links, docname, page_url, site, xentlib_version, title,
                             _catalogue(app, docname, language), language)
        target = outdir / "_sources" / f"{docname}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, target)
        notebooks[docname] = nb
    folder = app.config.xent_edition_folder
    write_reader_branch(outdir, site, xentlib_version, notebooks, folder)
    editions.write_editions(outdir, notebooks, language)  # student and instructor archives, with otter-grader
    point_launch_buttons_at_reader_branch(outdir, app.config.xent_reader_branch, notebooks, folder)
