// The publication page refreshes every two seconds while a publication is being rendered.
(function () {
  if (document.querySelector("[data-publication-in-progress]")) {
    window.setTimeout(function () { window.location.reload(); }, 2000);
  }
})();
