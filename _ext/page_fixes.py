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
