// The partnership's colour on its header. Set through the CSSOM from a data attribute, because
// the Content-Security-Policy allows no inline style="" attribute.
(function () {
  "use strict";
  var header = document.querySelector(".portal-header[data-brand]");
  if (header && /^#[0-9a-fA-F]{6}$/.test(header.getAttribute("data-brand"))) {
    header.style.setProperty("--brand", header.getAttribute("data-brand"));
  }
})();
