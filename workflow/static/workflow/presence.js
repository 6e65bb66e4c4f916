// Soft lock heartbeat: tell the server this story is open, show who else has it.
(function () {
  "use strict";
  var box = document.getElementById("workflow-presence");
  if (!box) { return; }
  var token = document.querySelector("input[name=csrfmiddlewaretoken]");
  function beat() {
    fetch(box.dataset.url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": token ? token.value : "" }
    }).then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        var names = data.others.map(function (o) { return o.user; });
        box.textContent = names.length
          ? "Also open by: " + names.join(", ") +
            " (the second save is refused and shows what changed)."
          : "";
      })
      .catch(function () { /* offline: try again at the next beat */ });
  }
  setInterval(beat, 30000);
})();
