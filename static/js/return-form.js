// Live change on last year beside each figure, and the explanation box for large changes.
// The server repeats every check; this only helps while typing.
(function () {
  "use strict";
  var form = document.getElementById("return-form");
  if (!form) return;
  var LARGE = 50;
  var fields = document.getElementById("cell-fields");

  // An empty box's explanation and note fields are not in the page (an 800-figure return stays
  // small); they are made from the <template> when needed. Saved notes travel as hidden inputs
  // until their fields are opened, so nothing is lost on a save.
  function made(cell, selector) {
    var suffix = cell.querySelector("input").id.slice(2);
    var part = fields.content.querySelector(selector).cloneNode(true);
    part.querySelectorAll("[id], [for], [name]").forEach(function (element) {
      ["id", "for", "name"].forEach(function (name) {
        var value = element.getAttribute(name);
        if (value) element.setAttribute(name, value.replace("__cell__", suffix));
      });
    });
    return part;
  }

  function explanationOf(cell) {
    var explanation = cell.querySelector(".explanation");
    if (!explanation && fields && !cell.classList.contains("is-locked")) {
      explanation = made(cell, ".explanation");
      cell.querySelector(".form-text").after(explanation);
    }
    return explanation;
  }

  function openNote(details) {
    if (!fields || details.querySelector(".note-fields")) return;
    var cell = details.closest("td");
    var parts = [made(cell, ".note-fields")];
    if (details.dataset.rank) parts.push(made(cell, ".rank-fields"));
    parts.forEach(function (part) {
      part.querySelectorAll("input").forEach(function (input) {
        var saved = details.querySelector('input[type="hidden"][name="' + input.name + '"]');
        if (saved) {
          input.value = saved.value;
          saved.remove();
        }
      });
      details.append(part);
    });
  }

  form.querySelectorAll("details.note").forEach(function (details) {
    details.addEventListener("toggle", function () { if (details.open) openNote(details); });
  });

  function parse(text) {
    var cleaned = (text || "").replace(/[,£%\s]/g, "");
    if (cleaned === "" || !/^-?\d*\.?\d+$/.test(cleaned)) return null;
    return parseFloat(cleaned);
  }

  // Last year's figure, from the hint beside the box ("Last year: 1510"; "none" or "N/K" give null).
  function lastYear(cell) {
    var match = /Last year: (\S+)/.exec(cell.querySelector(".form-text").textContent);
    return match ? parse(match[1]) : null;
  }

  // The live region is added before anything is typed (when the box is focused), so the
  // first change is announced too.
  function liveOf(cell) {
    var out = cell.querySelector(".live-change");
    if (!out) {
      out = document.createElement("span");
      out.className = "live-change";
      out.setAttribute("aria-live", "polite");
      cell.querySelector(".form-text").append(out);
    }
    return out;
  }

  function update(input) {
    var cell = input.closest("td");
    var last = lastYear(cell);
    var now = parse(input.value);
    var out = cell.querySelector(".live-change");
    // Say how a figure typed with commas, £ or % is read, so "1,5" or "12%" surprise no one.
    var typed = (input.value || "").replace(/\s/g, "");
    var readAs = now !== null && typed !== String(now) ? " · read as " + now : "";
    if (!out) {
      if ((last === null || now === null) && !readAs) return;
      out = liveOf(cell);
    }
    if (last === null || now === null) {
      out.textContent = readAs;
      return;
    }
    var diff = now - last;
    var text = readAs + " · change " + (diff > 0 ? "+" : diff < 0 ? "−" : "±") + Math.abs(Math.round(diff * 100) / 100);
    var large = false;
    if (last !== 0) {
      var pct = (diff / Math.abs(last)) * 100;
      text += " (" + (pct > 0 ? "+" : pct < 0 ? "−" : "±") + Math.abs(pct).toFixed(1) + "%)";
      large = Math.abs(pct) > LARGE;
    }
    out.textContent = text;
    out.classList.toggle("text-warning-emphasis", large);
    var explanation = large ? explanationOf(cell) : cell.querySelector(".explanation");
    if (explanation) {
      var textarea = explanation.querySelector("textarea");
      var keep = large || cell.classList.contains("has-warning") || (textarea && textarea.value.trim());
      explanation.classList.toggle("d-none", !keep);
    }
  }

  form.querySelectorAll("td.cell > input:first-of-type").forEach(function (input) {
    input.inputMode = "decimal";  // a number keypad on phones
    update(input);
    input.addEventListener("focus", function () { liveOf(input.closest("td")); });
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
