/*
 * Draws every chart on the page with the vendored plotly.js.
 *
 * Markup: <div data-figure-id="some-id" role="group" aria-label="Chart: …" aria-describedby="…"></div>
 * plus {{ figure|json_script:"some-id" }}, where `figure` is a dict from metrics/charts.py
 * ({data, layout[, config]}). Not role="img": the chart holds Plotly's mode bar buttons, and an
 * image cannot contain controls. The container gets "chart-ready" once the chart is drawn.
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
    window.Plotly.newPlot(element, figure.data || [], figure.layout || {}, config).then(function () {
      hideDrawing(element);
      element.on("plotly_afterplot", function () {
        hideDrawing(element);
      });
      element.classList.add("chart-ready");
    });
  }

  // The container (role="group") is the chart's text alternative: its name, and the description
  // it points to, say what the chart shows, and a table on the page has every figure. Plotly's
  // SVG layers would otherwise be read out as loose tick labels and legend words, so they are
  // hidden from assistive technology; the mode bar's buttons (download, zoom) stay reachable.
  function hideDrawing(element) {
    var layers = element.querySelectorAll("svg.main-svg");
    for (var i = 0; i < layers.length; i += 1) {
      layers[i].setAttribute("aria-hidden", "true");
    }
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
