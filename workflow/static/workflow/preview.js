// Preview frame: switch the shown language and the frame's width (phone, desktop).
(function () {
  "use strict";
  var toolbar = document.getElementById("preview-toolbar");
  if (!toolbar) { return; }
  var frames = document.querySelectorAll(".preview-frame");
  function press(attribute, value) {
    toolbar.querySelectorAll("[" + attribute + "]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute(attribute) === value));
    });
  }
  toolbar.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) { return; }
    var language = button.getAttribute("data-preview-language");
    var width = button.getAttribute("data-preview-width");
    if (language) {
      frames.forEach(function (frame) { frame.hidden = frame.dataset.language !== language; });
      press("data-preview-language", language);
    }
    if (width) {
      frames.forEach(function (frame) {
        frame.classList.toggle("preview-frame--phone", width === "phone");
        frame.classList.toggle("preview-frame--desktop", width === "desktop");
      });
      press("data-preview-width", width);
    }
  });
})();
