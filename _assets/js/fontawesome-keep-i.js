/* Keep FontAwesome's <i> elements: pydata-sphinx-theme runs FontAwesome in its SVG
   mode, which replaces every <i class="fa ..."> with an <svg>, also inside ipywidgets
   drawn later, whose views then fail to find their <i> (the Play button throws).
   The web fonts already loaded draw the icons. Loaded before FontAwesome (priority 100).
   Upstream: pydata/pydata-sphinx-theme#2379, fixed by the open #2494 (standard icons from
   the web fonts, no i-to-svg conversion); remove when the theme in use has it. */
window.FontAwesomeConfig = Object.assign(window.FontAwesomeConfig || {}, {autoReplaceSvg: false});
