"""The book's Sphinx extension: a self-contained site with a clean console.

1. Vendored widget JavaScript. At build start, :mod:`vendor_js` makes
   sure ``_assets/ipywidgets/embed.js`` (and its fonts) are there; the
   config points MyST-NB's ``nb_ipywidgets_js`` at it, so no page needs a CDN.

2. ``Identifier 'THEBE_JS_URL' has already been declared``. sphinx-thebe
   adds the inline script ``const THEBE_JS_URL = ...`` with
   ``app.add_js_file(None, body=...)`` after the builder is initialised.
   Sphinx 7.4's ``StandaloneHTMLBuilder`` re-adds every asset registered
   after its ``init`` as ``add_js_file(filename or '', ...)``; ``None`` and
   ``''`` compare unequal, so the inline script is emitted twice, and a
   ``const`` declared twice is a SyntaxError on every page. (Jupyter Book 1
   always loads sphinx-thebe, even with launch buttons off.) Fix: drop exact
   duplicate scripts from each page's script list, late in
   ``html-page-context``.

3. FontAwesome vs ipywidgets. pydata-sphinx-theme runs FontAwesome in its
   SVG mode, which replaces every ``<i class="fa ...">`` with an ``<svg>``,
   also inside widgets drawn later; widget views that then look for their
   ``<i>`` (the Play button) throw. ``autoReplaceSvg: false`` keeps the
   ``<i>`` elements; the icons are drawn by the web fonts already loaded.

4. ``/favicon.ico``. Jupyter Book's root ``index.html`` is a bare redirect
   page without an icon link, so browsers ask for ``/favicon.ico`` and log a
   404; the build writes the book's icon there.

5. MathJax 2 calls from the widget manager. ``embed.js`` typesets widget
   labels with ``MathJax.Hub.Queue(...)`` whenever ``window.MathJax`` exists,
   the MathJax 2 API; the book loads MathJax 3, which has no ``Hub``, so each
   widget threw a TypeError. A small shim maps ``Hub.Queue`` to MathJax 3's
   ``typesetPromise``, before and after MathJax has started.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import vendor_js  # noqa: E402

FA_CONFIG = (
    "window.FontAwesomeConfig = Object.assign(window.FontAwesomeConfig || {}, "
    "{autoReplaceSvg: false});"
)

MATHJAX2_SHIM = """
(function () {
  var hub = {Queue: function (job) {
    var el = job && job[2];
    if (window.MathJax && window.MathJax.typesetPromise) {
      window.MathJax.typesetPromise(el ? [el] : undefined).catch(function () {});
    }
  }};
  var cfg = window.MathJax = window.MathJax || {};
  cfg.Hub = hub;                       /* before MathJax 3 has loaded */
  cfg.startup = cfg.startup || {};
  var ready = cfg.startup.ready;
  cfg.startup.ready = function () {    /* MathJax 3 replaces window.MathJax */
    (ready || window.MathJax.startup.defaultReady)();
    window.MathJax.Hub = hub;
  };
})();
"""


def _script_key(js):
    attributes = tuple(sorted((k, str(v)) for k, v in getattr(js, "attributes", {}).items()))
    return (getattr(js, "filename", js) or "", attributes)


def _drop_duplicate_scripts(app, pagename, templatename, context, doctree):
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


def _vendor_widget_js(app):
    vendor_js.ensure()


def _write_root_favicon(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    from PIL import Image

    icon = Path(app.srcdir) / "_assets" / "favicon.png"
    Image.open(icon).save(Path(app.outdir) / "favicon.ico", format="ICO")


def setup(app):
    app.connect("builder-inited", _vendor_widget_js)
    app.connect("html-page-context", _drop_duplicate_scripts, priority=900)
    app.connect("build-finished", _write_root_favicon)
    # Added at setup, before the builder exists, so Sphinx emits it once.
    app.add_js_file(None, body=FA_CONFIG, priority=100)
    # After Sphinx's inline ``window.MathJax = {config}`` (priority 500), which
    # it would otherwise overwrite; MathJax itself is deferred, so runs later.
    app.add_js_file(None, body=MATHJAX2_SHIM, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
