/* The standalone widget manager (@jupyter-widgets/html-manager 1.0.x, embed.js)
   typesets widget labels with MathJax.Hub.Queue(...) whenever window.MathJax exists:
   the MathJax 2 API. The book loads MathJax 3, which has no Hub, so every widget threw
   a TypeError. This maps Hub.Queue to MathJax 3's typesetPromise, before and after
   MathJax has started. Loaded after Sphinx's inline MathJax config (priority 600).
   Upstream: jupyter-widgets/ipywidgets#3829 (fixed for JupyterLab by #3847, not in the
   standalone embed.js); remove when the vendored embed.js no longer calls MathJax.Hub. */
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
