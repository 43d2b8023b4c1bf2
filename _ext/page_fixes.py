"""Fixes to the built pages, each a workaround for an upstream bug (see xentbook.py).

Every function here is connected to a Sphinx event by :func:`xentbook.setup`;
the JavaScript the pages need lives in ``_assets/js/``.
"""

from pathlib import Path

from docutils import nodes
from sphinx.transforms import SphinxTransform


def _script_key(js):
    attributes = tuple(sorted((k, str(v)) for k, v in getattr(js, "attributes", {}).items()))
    return (getattr(js, "filename", js) or "", attributes)


def drop_duplicate_scripts(app, pagename, templatename, context, doctree):
    """Keep one copy of each script on a page (the THEBE_JS_URL double declaration)."""
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, kept = set(), []
    for js in scripts:
        key = _script_key(js)
        if key not in seen:
            seen.add(key)
            kept.append(js)
    scripts[:] = kept  # the builder's per-page list: edit it in place


def citation_list_items(app, pagename, templatename, context, doctree):
    """Give the bibliography's entries the ``listitem`` role their ``role="list"`` needs.

    docutils writes each citation as ``<div role="doc-biblioentry">`` inside a
    ``<div role="list">``; DPUB-ARIA 1.1 deprecated ``doc-biblioentry`` because a
    list must own list items, and axe-core reports the list as critical.
    """
    body = context.get("body")
    if body and 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('class="citation" id=', 'class="citation" role="listitem" id=').replace(
            ' role="doc-biblioentry"', ""
        )


def write_root_favicon(app, exception):
    """Write ``favicon.ico`` next to the root redirect page, which links no icon."""
    if exception is not None or app.builder.format != "html":
        return
    from PIL import Image

    icon = Path(app.srcdir) / "_assets" / "favicon.png"
    Image.open(icon).save(Path(app.outdir) / "favicon.ico", format="ICO")


def merge_streams_on_copies():
    """Let MyST-NB merge a cell's stream outputs without changing the executed notebook.

    ``myst_nb.core.render`` merges the stream outputs of a cell for the page
    (``nb_merge_streams``) by appending each later output's text to the *first
    output object itself*, which belongs to the executed notebook. The notebook
    then holds ``[A + B, B]`` for a cell that printed ``A`` and ``B`` in two
    messages, and the reader notebooks made from it (``reader_notebooks``) show
    ``B`` twice. Only cells whose printing is split into several messages are
    hit (prints a second or more apart), hence once an intermittent "flake".
    The merge now runs on copies of the outputs: the page is unchanged and the
    notebook keeps what the kernel sent.
    """
    import copy

    from myst_nb.core import render

    merge = render.coalesce_streams
    if getattr(merge, "xent_copies", False):
        return

    def merge_copies(outputs):
        return merge([copy.deepcopy(out) for out in outputs])

    merge_copies.xent_copies = True
    render.coalesce_streams = merge_copies


def language_switch(app, pagename, templatename, context, doctree):
    """A link to the same page in the other edition (English at the root, Chinese in zh/).

    The Chinese edition always links back; the English one links to the Chinese page
    once ``xent_zh_edition`` is on (the Chinese edition is built with it, see
    scripts/i18n.py). Each link says its language (``hreflang``, ``lang``), and the
    head gets the matching ``<link rel="alternate">``.
    """
    chinese = (app.config.language or "en").startswith("zh")
    if not chinese and not app.config.xent_zh_edition:
        return
    up = "../" * pagename.count("/")
    if chinese:
        href, label, lang = f"{up}../{pagename}.html", "English", "en"
    else:
        href, label, lang = f"{up}zh/{pagename}.html", "中文", "zh-CN"
    link = f'<a href="{href}" hreflang="{lang}" lang="{lang}">{label}</a>'
    context["body"] = f'<p class="xent-lang-switch">{link}</p>\n' + context.get("body", "")
    context["metatags"] = context.get("metatags", "") + (
        f'\n<link rel="alternate" hreflang="{lang}" href="{href}" />'
    )


class TranslatableExerciseTitles(SphinxTransform):
    """Give each exercise's title (the ``{exercise}`` directive's argument) its source, so
    that Sphinx's gettext builder extracts it and a translated build translates it.

    sphinx-exercise keeps the title in an ``exercise_subtitle`` node without a source
    file or raw text, and Sphinx skips a text node without them
    (``sphinx.util.nodes.is_translatable``, ``extract_messages``): the Chinese edition's
    exercises kept English titles. Runs before Sphinx's Locale transform (priority 20)
    and before smart quotes, so the message is the title as written.

    The gettext builder reads its messages after sphinx-exercise has merged the title
    into a new, sourceless one; for that builder (only) the title is also copied into a
    paragraph in the exercise, which nothing renders.
    """

    default_priority = 15

    def apply(self, **kwargs):
        from sphinx_exercise.nodes import exercise_subtitle

        for node in self.document.findall(exercise_subtitle):
            if not node.source:
                parent = node.parent
                while parent is not None and not parent.source:
                    parent = parent.parent
                node.source = parent.source if parent is not None else self.env.doc2path(self.env.docname)
                node.line = node.line or (parent.line if parent is not None else 1) or 1
            node["translatable"] = True
            node.rawsource = node.rawsource or node.astext()
            if self.app.builder.name == "gettext":
                copy = nodes.paragraph(node.rawsource, node.rawsource)
                copy.source, copy.line = node.source, node.line
                node.parent.parent.append(copy)


class TranslatedExerciseRegistry(SphinxTransform):
    """After Sphinx's Locale transform has translated an exercise's title, give
    sphinx-exercise's registry the translated exercise.

    sphinx-exercise keeps a copy of each exercise made when its directive ran, before any
    translation, and titles the exercise's solution from that copy: without this, the
    Chinese edition's solutions read "解答 练习 2.1 (Warm-up: ...)".
    """

    default_priority = 25

    def apply(self, **kwargs):
        from sphinx_exercise.nodes import exercise_enumerable_node, exercise_node

        registry = getattr(self.env, "sphinx_exercise_registry", {})
        for node in self.document.findall(lambda n: isinstance(n, (exercise_enumerable_node, exercise_node))):
            entry = registry.get(node.get("label"))
            if entry is not None and entry.get("docname") == self.env.docname:
                entry["node"] = node.deepcopy()


def chinese_search_language():
    """Sphinx's Chinese search, indexing the one-character words too.

    ``sphinx.search.zh`` splits Chinese text with jieba and drops every word of one
    character (its ``word_filter``), so the Chinese edition's search could not find 熵
    (entropy), the book's subject. English words of one letter stay dropped. jieba's
    dictionary is given the glossary's Chinese terms (``html_search_options['dict']``,
    written by scripts/i18n.py), so 交叉熵 and KL散度 are words, not pieces.
    """
    import re

    from sphinx.search.zh import SearchChinese

    class SearchChineseTerms(SearchChinese):
        def word_filter(self, stemmed_word):
            return len(stemmed_word) > 1 or bool(re.fullmatch(r"[\u4e00-\u9fff]", stemmed_word))

    return SearchChineseTerms
