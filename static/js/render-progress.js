/*
 * "Generate PDF": polls the rendering's status and shows each stage (gathering data, charts
 * n of m, layout, done), then the link to the PDF, or the reason it failed with the last good PDF.
 */
(function () {
  "use strict";
  var box = document.querySelector(".render-progress");
  if (!box || box.getAttribute("data-finished") === "true") {
    return;
  }
  var url = box.getAttribute("data-status-url");
  var list = box.querySelector(".render-stages");
  var result = box.querySelector(".render-result");
  var state = box.querySelector(".render-state");

  function link(href, text, className) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    if (className) {
      a.className = className;
    }
    return a;
  }

  function show(status) {
    list.textContent = "";
    status.stages.forEach(function (text) {
      var item = document.createElement("li");
      item.textContent = text;
      list.appendChild(item);
    });
    if (!status.finished) {
      return false;
    }
    result.textContent = "";
    var paragraph = document.createElement("p");
    if (status.state === "done") {
      state.textContent = "Done";
      paragraph.appendChild(link(status.url, "Open the PDF", "btn btn-outline-primary"));
      result.appendChild(paragraph);
    } else {
      state.textContent = "Failed";
      var alert = document.createElement("div");
      alert.className = "alert alert-danger";
      alert.setAttribute("role", "alert");
      paragraph.textContent = status.error;
      alert.appendChild(paragraph);
      if (status.last_good) {
        var again = document.createElement("p");
        again.textContent = "The last good PDF is still available: ";
        again.appendChild(link(status.last_good, "download it"));
        alert.appendChild(again);
      }
      result.appendChild(alert);
    }
    var button = document.querySelector("form button[disabled]");
    if (button) {
      button.disabled = false;
    }
    return true;
  }

  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        if (!show(status)) {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  poll();
})();
