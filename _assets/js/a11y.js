/* xent-book: accessible names the page's widgets and theme do not give themselves.
 *
 * The explorers are drawn in the browser by the widget manager (embed.js) from the
 * widget state embedded in the page, after this script runs, and their sliders
 * rewrite their ARIA attributes on every move; so the fixes are re-applied by a
 * MutationObserver whenever the page changes. Each fix is idempotent.
 *
 * 1. Slider handles (noUiSlider, role="slider") get no accessible name, and their
 *    aria-valuetext is the option's *index*: name them after the slider's visible
 *    label and give them the readout the reader sees ("0.30", not "6").
 * 2. Explorer frames (<img class="widget-image">) have no alt: the alt text is the
 *    frame's readout (the values the figure shows), after the figure's caption.
 * 3. Two buttons whose aria-label does not contain their visible text (axe:
 *    label-content-name-mismatch): the theme's search button (aria-label "Search",
 *    visible "Search Ctrl+K") and MyST-NB's hidden-code toggle (aria-label "Toggle
 *    hidden content", visible "Show code cell source"). Their names come from their
 *    visible content instead (the search button keeps "Search" as its title).
 * 4. A code block wider than its box scrolls sideways, and a keyboard user can only
 *    scroll what can take the focus (axe: scrollable-region-focusable): such a
 *    block joins the tab order, checked again when the window is resized.
 * See _ext/xentbook.py for the list of workarounds and when they can go.
 */
(() => {
  "use strict";

  const text = (el) => (el ? el.textContent.replace(/\s+/g, " ").trim() : "");

  function setAttr(el, name, value) {
    if (value && el.getAttribute(name) !== value) el.setAttribute(name, value);
  }

  function nameSliders(root) {
    for (const slider of root.querySelectorAll(".widget-slider")) {
      const handle = slider.querySelector(".noUi-handle");
      if (!handle) continue;
      setAttr(handle, "aria-label", text(slider.querySelector(".widget-label")));
      setAttr(handle, "aria-valuetext", text(slider.querySelector(".widget-readout")));
    }
  }

  function describeFrames(root) {
    for (const frames of root.querySelectorAll(".xent-frames")) {
      const caption = text(frames.parentElement.querySelector(".xent-figcaption"));
      for (const img of frames.querySelectorAll("img.widget-image")) {
        const frame = img.parentElement;
        const readout = text(frame.querySelector(".xent-readout"));
        setAttr(img, "alt", [caption, readout].filter(Boolean).join(" Shown: "));
      }
    }
  }

  function nameFromContent(root) {
    const mismatched = 'button.search-button-field[aria-label], summary[aria-label="Toggle hidden content"]';
    for (const button of root.querySelectorAll(mismatched)) {
      button.removeAttribute("aria-label");
    }
  }

  function focusableScrollers(root) {
    for (const pre of root.querySelectorAll(".bd-content pre")) {
      if (pre.scrollWidth > pre.clientWidth && !pre.hasAttribute("tabindex")) pre.setAttribute("tabindex", "0");
    }
  }

  function fixAll() {
    nameSliders(document);
    describeFrames(document);
    nameFromContent(document);
  }

  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      fixAll();
    });
  });

  function start() {
    fixAll();
    focusableScrollers(document); // (not on every change: it reads the layout)
    window.addEventListener("resize", () => focusableScrollers(document));
    window.addEventListener("load", () => focusableScrollers(document));
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ["aria-valuetext", "aria-label", "alt"],
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
