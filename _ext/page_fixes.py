"""Fixes to the built pages, each a workaround for an upstream bug (see xentbook.py).

Every function here is connected to a Sphinx event by :func:`xentbook.setup`;
the JavaScript the pages need lives in ``_assets/js/``.
"""

from pathlib import Path


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
