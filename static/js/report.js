/*
 * The web report: the partnership's colour (from data attributes, so the page needs no style
 * attribute under the Content Security Policy). Charts are drawn by charts.js; each chart's
 * table sits in a <details> right after it, one Enter or Space away.
 */
(function () {
  "use strict";
  var body = document.body;
  var brand = body.getAttribute("data-brand");
  var onBrand = body.getAttribute("data-on-brand");
  if (brand && /^#[0-9a-fA-F]{3,6}$/.test(brand)) {
    body.style.setProperty("--brand", brand);
  }
  if (onBrand && /^#[0-9a-fA-F]{3,6}$/.test(onBrand)) {
    body.style.setProperty("--on-brand", onBrand);
  }
})();
