/*
 * Draws every chart on the page with the vendored plotly.js.
 *
 * Markup: <div data-figure-id="some-id"></div> plus {{ figure|json_script:"some-id" }},
 * where `figure` is a dict from metrics/charts.py ({data, layout[, config]}).
 * No inline script: the figure travels as JSON data, this file does the drawing.
 */
(function () {
  "use strict";

  var CONFIG = {
    responsive: true,
    displaylogo: false,
    modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d"],
    toImageButtonOptions: { format: "png", scale: 2 }
  };

  function readFigure(id) {
    var source = document.getElementById(id);
    if (!source) {
      return null;
    }
    try {
      return JSON.parse(source.textContent);
    } catch (error) {
      return null;
    }
  }

  function render(element) {
    var figure = readFigure(element.getAttribute("data-figure-id"));
    if (!figure || typeof window.Plotly === "undefined") {
      return; // the fallback text and the table stay in place
    }
    var config = Object.assign({}, CONFIG, figure.config || {});
    element.textContent = "";
    element.classList.add("chart-ready");
    window.Plotly.newPlot(element, figure.data || [], figure.layout || {}, config);
  }

  function renderAll() {
    var elements = document.querySelectorAll("[data-figure-id]");
    for (var i = 0; i < elements.length; i += 1) {
      render(elements[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", renderAll);
  } else {
    renderAll();
  }
})();
