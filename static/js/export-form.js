// The export form: "Select all in this section" for each group of boxes, and a filter that
// narrows the metrics shown by name. Without this script every box is still there and ticked.
(function () {
  "use strict";
  var form = document.getElementById("export-form");
  if (!form) return;

  function shown(box) {
    return !box.closest(".form-check").hidden;
  }

  function sectionBoxes(section) {
    return Array.prototype.slice.call(section.querySelectorAll(".export-boxes input[type=checkbox]"));
  }

  function refresh(section) {
    var all = section.querySelector(".select-all");
    var boxes = sectionBoxes(section).filter(shown);
    var ticked = boxes.filter(function (box) { return box.checked; }).length;
    all.checked = boxes.length > 0 && ticked === boxes.length;
    all.indeterminate = ticked > 0 && ticked < boxes.length;
  }

  var sections = Array.prototype.slice.call(form.querySelectorAll(".export-section"));
  sections.forEach(function (section) {
    var wrap = section.querySelector(".select-all-wrap");
    var all = section.querySelector(".select-all");
    wrap.hidden = false;
    all.addEventListener("change", function () {
      sectionBoxes(section).filter(shown).forEach(function (box) { box.checked = all.checked; });
      refresh(section);
    });
    section.addEventListener("change", function (event) {
      if (event.target !== all) refresh(section);
    });
    refresh(section);
  });

  var filter = document.getElementById("metric-filter");
  var count = document.getElementById("metric-filter-count");
  var metricSections = sections.filter(function (s) { return s.closest("#metric-sections"); });
  if (!filter) return;
  filter.closest(".metric-filter").hidden = false;
  filter.addEventListener("input", function () {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var visible = 0, total = 0;
    metricSections.forEach(function (section) {
      var any = false;
      sectionBoxes(section).forEach(function (box) {
        var item = box.closest(".form-check");
        var text = item.textContent.toLowerCase();
        var match = words.every(function (word) { return text.indexOf(word) !== -1; });
        item.hidden = !match;
        total += 1;
        if (match) { visible += 1; any = true; }
      });
      section.hidden = !any;
      refresh(section);
    });
    count.textContent = words.length ? visible + " of " + total + " metrics shown; hidden ones keep their ticks." : "";
  });
})();
