// The live posting form: Ctrl+Enter (Cmd+Enter on a Mac) posts from any field,
// and the English field has the cursor when the form opens.
(function () {
  "use strict";
  var form = document.getElementById("live-post-form");
  if (!form) {
    return;
  }
  form.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (form.requestSubmit) {
        form.requestSubmit();
      } else {
        form.submit();
      }
    }
  });
  var first = form.querySelector("textarea");
  if (first && !form.querySelector(".errorlist")) {
    first.focus();
  }
})();
