// A table wider than the window scrolls sideways inside its .table-responsive box (WCAG 1.4.10
// lets a data table do that). While it does, the box is a focusable region named after the
// table's caption, so that the keyboard can scroll it too (2.1.1); a box that fits the window
// stays out of the Tab order.
(function () {
  "use strict";

  function update() {
    var boxes = document.querySelectorAll(".table-responsive");
    for (var i = 0; i < boxes.length; i += 1) {
      var box = boxes[i];
      if (box.scrollWidth > box.clientWidth + 1) {
        var caption = box.querySelector("caption");
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", caption ? caption.textContent.replace(/\s+/g, " ").trim() : "Table");
      } else if (box.hasAttribute("tabindex")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    }
  }

  update();
  window.addEventListener("resize", update);
})();
