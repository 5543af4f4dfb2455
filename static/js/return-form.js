// Live change on last year beside each figure, and the explanation box for large changes.
// The server repeats every check; this only helps while typing.
(function () {
  "use strict";
  var form = document.getElementById("return-form");
  if (!form) return;
  var LARGE = 50;

  function parse(text) {
    var cleaned = (text || "").replace(/[,£%\s]/g, "");
    if (cleaned === "" || !/^-?\d*\.?\d+$/.test(cleaned)) return null;
    return parseFloat(cleaned);
  }

  function update(input) {
    var cell = input.closest("td");
    var out = cell.querySelector(".live-change");
    var explanation = cell.querySelector(".explanation");
    var last = parse(input.dataset.lastYear);
    var now = parse(input.value);
    if (!out) return;
    if (last === null || now === null) {
      out.textContent = "";
      return;
    }
    var diff = now - last;
    var text = " · change " + (diff > 0 ? "+" : diff < 0 ? "−" : "±") + Math.abs(Math.round(diff * 100) / 100);
    var large = false;
    if (last !== 0) {
      var pct = (diff / Math.abs(last)) * 100;
      text += " (" + (pct > 0 ? "+" : pct < 0 ? "−" : "±") + Math.abs(pct).toFixed(1) + "%)";
      large = Math.abs(pct) > LARGE;
    }
    out.textContent = text;
    out.classList.toggle("text-warning-emphasis", large);
    if (explanation) {
      var textarea = explanation.querySelector("textarea");
      var keep = large || cell.classList.contains("has-warning") || (textarea && textarea.value.trim());
      explanation.classList.toggle("d-none", !keep);
    }
  }

  form.querySelectorAll(".value-input").forEach(function (input) {
    update(input);
    input.addEventListener("input", function () { update(input); });
  });

  // Warn before leaving with unsaved changes: typing marks the form changed, saving or
  // submitting it clears the mark. A page that came back with errors still holds unsaved
  // entries (nothing was saved), so it starts marked.
  var changed = form.dataset.unsaved === "true";
  form.addEventListener("input", function (event) {
    if (!event.target.readOnly) changed = true;
  });
  form.addEventListener("submit", function () { changed = false; });
  window.addEventListener("beforeunload", function (event) {
    if (!changed) return;
    event.preventDefault();
    event.returnValue = "";  // older browsers show their own "leave site?" question only with this set
  });

  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
})();
