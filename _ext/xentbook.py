"""The book's Sphinx extension: a self-contained site with a clean console.

Three parts:

* :mod:`vendor_js`, at build time: the widget manager and MathJax come from
  the npm registry at pinned, checksummed versions into ``_assets/``, so no
  page needs a CDN (``nb_ipywidgets_js`` and ``mathjax_path`` in _config.yml
  point at them).
* :mod:`reader_notebooks`, at the end of the build: every chapter as a plain
  Jupyter notebook (no MyST markup, outputs and figures of the build, a cell
  that installs xentlib from the wheel published with the site).
* :mod:`page_fixes` and ``_assets/js/``: workarounds for upstream bugs, each
  listed here with where it is tracked and when it can go.

1. ``Identifier 'THEBE_JS_URL' has already been declared`` on every page.
   sphinx-thebe adds an inline script with ``app.add_js_file(None, body=...)``
   after the builder is initialised; Sphinx 7.4's builder re-adds it as
   ``add_js_file(filename or '', ...)``, ``None != ''``, so it is emitted twice
   (Jupyter Book 1 always loads sphinx-thebe). Fix:
   :func:`page_fixes.drop_duplicate_scripts`. Upstream: sphinx-doc/sphinx#13402
   (merged in Sphinx 8.2). Remove when the book builds with Sphinx >= 8.2
   (Jupyter Book 1 pins Sphinx < 8).
2. FontAwesome's SVG mode (pydata-sphinx-theme) replaces ``<i class="fa">``
   with ``<svg>``, also inside widgets drawn later, whose views then throw.
   Fix: ``_assets/js/fontawesome-keep-i.js`` (``autoReplaceSvg: false``).
   Upstream: pydata/pydata-sphinx-theme#2379, fixed by #2494 (open). Remove
   when the theme in use no longer converts icons to SVG.
3. ``/favicon.ico`` 404. The root ``index.html`` that sphinx-external-toc
   writes is a bare redirect without an icon link, so browsers ask for
   ``/favicon.ico``. Fix: :func:`page_fixes.write_root_favicon`. No upstream
   issue found. Remove if the redirect page gains an icon link.
4. ``MathJax.Hub`` is undefined. The standalone widget manager typesets
   labels with the MathJax 2 API ``MathJax.Hub.Queue``; the book loads
   MathJax 3. Fix: ``_assets/js/mathjax2-hub-shim.js``. Upstream:
   jupyter-widgets/ipywidgets#3829 (fixed for JupyterLab by #3847, not in
   html-manager's ``embed.js``). Remove when the vendored ``embed.js`` no
   longer calls ``MathJax.Hub``.
5. The bibliography's ``<div role="list">`` owns ``role="doc-biblioentry"``
   entries, not list items (axe-core: aria-required-children, critical).
   docutils writes that role; DPUB-ARIA 1.1 deprecated it for this reason
   (w3c/dpub-aria#22; axe-core's view: dequelabs/axe-core#2759). Fix:
   :func:`page_fixes.citation_list_items` (``role="listitem"``). Remove when
   docutils writes list items.
6. Accessible names (``_assets/js/a11y.js``): ipywidgets 8's slider handles have
   no name and an index for a value text, its images no alt (``Image`` has no
   alt trait, and a ``tooltip`` would be a hover title, not an alt); the theme's
   search button's ``aria-label`` does not contain its visible text
   (label-content-name-mismatch). No upstream issues found for these; remove each
   when the upstream output is accessible (the axe-core check in
   tests/test_site.py fails on any violation that comes back).
7. A line printed twice in the reader notebooks. MyST-NB 1.4's
   ``coalesce_streams`` (``nb_merge_streams``) appends the text of a cell's later
   stream outputs to its first output *in place*, in the executed notebook that
   the reader notebooks are made from, which then holds ``[A + B, B]``. Fix:
   :func:`page_fixes.merge_streams_on_copies`. No upstream issue found. Remove
   when MyST-NB merges on copies (tests/test_reader_notebooks.py compares what
   the reader notebook prints with a fresh run).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import page_fixes  # noqa: E402
import reader_notebooks  # noqa: E402
import vendor_js  # noqa: E402


def _vendor_widget_js(app):
    vendor_js.ensure()


def setup(app):
    # the branch the publishing workflow writes the reader notebooks to (Colab, Binder)
    app.add_config_value("xent_reader_branch", "reader-notebooks", "html")
    # the English pages link to the Chinese edition (zh/) once it is built with them
    app.add_config_value("xent_zh_edition", False, "html")
    # where a translated edition lives in the site and on the reader branch ("zh/"; set by
    # scripts/i18n.py for the Chinese build; "" for the English edition at the root)
    app.add_config_value("xent_edition_folder", "", "html")
    app.connect("builder-inited", _vendor_widget_js)
    app.connect("html-page-context", page_fixes.drop_duplicate_scripts, priority=900)
    app.connect("build-finished", page_fixes.write_root_favicon)
    # the reader notebooks (what the download button serves) and xentlib's wheel
    app.connect("build-finished", reader_notebooks.write_reader_notebooks)
    # Before FontAwesome loads; registered at setup, so Sphinx emits it once.
    app.add_js_file("js/fontawesome-keep-i.js", priority=100)
    # After Sphinx's inline ``window.MathJax = {config}`` (priority 500), which it
    # would otherwise overwrite; MathJax itself is deferred, so it runs later.
    app.add_js_file("js/mathjax2-hub-shim.js", priority=600)
    app.add_js_file("js/a11y.js", priority=600)
    app.connect("html-page-context", page_fixes.citation_list_items)
    page_fixes.merge_streams_on_copies()
    app.connect("html-page-context", page_fixes.language_switch)
    app.add_transform(page_fixes.TranslatableExerciseTitles)
    app.add_transform(page_fixes.TranslatedExerciseRegistry)
    app.add_search_language(page_fixes.chinese_search_language())  # the Chinese edition's
    return {"parallel_read_safe": True, "parallel_write_safe": True}
