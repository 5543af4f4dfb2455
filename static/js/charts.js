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
    var layout = figure.layout || {};
    var title = layout.title && layout.title.text;
    var top = layout.margin && layout.margin.t;
    if (title) {
      fitTitle(element, layout, title, top);
      window.addEventListener("resize", debounce(function () {
        var lines = fitTitle(element, layout, title, top);
        window.Plotly.relayout(element, { "title.text": lines, "margin.t": layout.margin.t });
      }, 200));
    }
    element.textContent = "";
    window.Plotly.newPlot(element, figure.data || [], layout, config).then(function () {
      hideDrawing(element);
      element.on("plotly_afterplot", function () {
        hideDrawing(element);
      });
      element.classList.add("chart-ready");
    });
  }

  // Plotly draws a title on one line and clips it at the edge of a narrow chart (320 px), so
  // the title is broken into lines that fit the container's width, and the top margin grows
  // by one line each. Widths are estimated from the title's font size (about 0.55 em a letter).
  function fitTitle(element, layout, title, top) {
    var size = (layout.title.font && layout.title.font.size) || 16;
    var width = element.clientWidth || element.parentNode.clientWidth || 600;
    var perLine = Math.max(12, Math.floor((width - 30) / (size * 0.55)));
    var words = String(title).split(" "), lines = [], line = "";
    words.forEach(function (word) {
      if (line && (line + " " + word).length > perLine) {
        lines.push(line);
        line = word;
      } else {
        line = line ? line + " " + word : word;
      }
    });
    if (line) lines.push(line);
    layout.title.text = lines.join("<br>");
    if (typeof top === "number") {
      layout.margin.t = top + (lines.length - 1) * Math.round(size * 1.3);
    }
    return layout.title.text;
  }

  function debounce(run, wait) {
    var timer = null;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(run, wait);
    };
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
