/* Side by side for translators: the source language's text next to each field
   being translated, the fields changed since the translation was made marked.

   The data comes with the pickers' parts (articles/admin_editor.py); the
   workflow fills `sources` from its translation bases (workflow/outdated.py):
   {"km": {"source_language": "en", "source_name": "English", "open": true,
           "fields": {"title": {"label": "Title", "text": "…", "changed": true}}}} */
(function () {
  "use strict";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function sourcePanel(source, field, language) {
    var panel = el("details", "translation-source");
    panel.dataset.sourceFor = field.name + "_" + language;
    if (source.open || field.changed) panel.open = true;
    var summary = el("summary", "", source.source_name + " " + field.label.toLowerCase());
    if (field.changed) {
      panel.classList.add("translation-source--changed");
      summary.appendChild(
        el("strong", "translation-source__flag", " · changed since this translation")
      );
    }
    panel.appendChild(summary);
    var text = el("div", "translation-source__text", field.text || "(empty)");
    text.setAttribute("lang", source.source_language);
    panel.appendChild(text);
    return panel;
  }

  function show(sources) {
    Object.keys(sources || {}).forEach(function (language) {
      var source = sources[language];
      Object.keys(source.fields).forEach(function (name) {
        var field = source.fields[name];
        field.name = name;
        var input = document.getElementById("id_" + name + "_" + language);
        var row = input && input.closest(".form-row, .fieldBox");
        if (!row || row.querySelector(".translation-source")) return;
        var panel = sourcePanel(source, field, language);
        var side = row.querySelector(".markdown-editor__side");
        if (side) {
          side.insertBefore(panel, side.firstChild); // the body: above its preview
        } else {
          row.classList.add("has-translation-source");
          row.appendChild(panel);
        }
      });
    });
  }

  document.addEventListener("newsroom:editors-ready", function (event) {
    show(event.detail.parts.sources);
  });
})();
