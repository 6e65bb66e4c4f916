/* The story body's writing surface (articles/admin_editor.py).

   Every <textarea data-markdown-editor="LANG"> becomes an EasyMDE editor
   (static/vendor/easymde, no CDN: Font Awesome and the spell checker's
   dictionaries are switched off) with text buttons, a live preview rendered
   by the server's real pipeline (POST data-preview-url), word counts and
   pickers that insert the story's photos, pullquotes, video, map and
   annotations as shortcodes (GET data-parts-url). The textarea stays the
   field that is posted, so Markdown is what is stored. */
(function () {
  "use strict";

  var PREVIEW_DELAY_MS = 500;
  /* CodeMirror's default, less U+200B: Khmer separates words with zero-width
     spaces, which must stay in the text but not show as red dots. */
  var SPECIAL_CHARS =
    /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200e\u200f\u2028\u2029\u202d\u202e\u2066\u2067\u2069\ufeff\ufff9-\ufffc]/;
  var editors = [];

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  /* Shortcodes must stand alone on an unindented line: a blank line around. */
  function insertBlock(cm, text) {
    var cursor = cm.getCursor();
    var line = cm.getLine(cursor.line);
    var before = line.trim() ? "\n\n" : "";
    cm.setCursor({ line: cursor.line, ch: line.length });
    cm.replaceSelection(before + text + "\n\n");
    cm.focus();
  }

  function closePickers() {
    document.querySelectorAll(".editor-picker").forEach(function (node) {
      node.remove();
    });
  }

  function choiceButton(label, shortcode, cm) {
    var button = el("button", "editor-picker__choice");
    button.type = "button";
    button.dataset.shortcode = shortcode;
    if (label instanceof Node) button.appendChild(label);
    else button.textContent = label;
    button.addEventListener("click", function () {
      insertBlock(cm, shortcode);
      closePickers();
    });
    return button;
  }

  function photoLabel(photo, language) {
    var label = el("span", "editor-picker__photo");
    if (photo.thumbnail) {
      var img = el("img", "editor-picker__thumb");
      img.src = photo.thumbnail;
      img.alt = "";
      label.appendChild(img);
    }
    var caption = photo.captions[language] || "(no caption in this language)";
    label.appendChild(el("span", "", photo.shortcode + " · " + photo.kind));
    label.appendChild(el("span", "editor-picker__caption", caption));
    return label;
  }

  /* The choices of one picker, from the parts JSON. */
  function choices(kind, parts, language, cm) {
    if (kind === "photo") {
      return parts.photos.map(function (photo) {
        return choiceButton(photoLabel(photo, language), photo.shortcode, cm);
      });
    }
    if (kind === "pullquote") {
      return parts.pullquotes.map(function (quote) {
        var text = quote.texts[language] || "(no text in this language)";
        return choiceButton(quote.shortcode + " · " + text, quote.shortcode, cm);
      });
    }
    if (kind === "video") {
      return parts.videos.map(function (video) {
        return choiceButton("YouTube " + video.id, video.shortcode, cm);
      });
    }
    if (kind === "map") {
      return parts.map ? [choiceButton("Locator map", parts.map.shortcode, cm)] : [];
    }
    return [
      choiceButton(
        "Side note (right)",
        "[[annotation id=note1 side=right]]\n\nText of the note.\n\n[[/annotation]]",
        cm
      ),
    ];
  }

  var EMPTY = {
    photo: "No photos placed yet: add them under Photo placements and save.",
    pullquote: "No pullquotes yet: add them under Pullquotes and save.",
    video: "No video: set the story's YouTube id and save, or type [[video youtube=ID]].",
    map: "No map: the story needs coordinates or a location name (then save).",
  };

  function openPicker(editor, kind, anchor) {
    closePickers();
    var picker = el("div", "editor-picker");
    picker.setAttribute("role", "dialog");
    picker.setAttribute("aria-label", "Insert " + kind);
    var list = choices(kind, editor.parts, editor.language, editor.mde.codemirror);
    if (!list.length) picker.appendChild(el("p", "", EMPTY[kind]));
    list.forEach(function (node) { picker.appendChild(node); });
    var close = el("button", "editor-picker__close", "Close");
    close.type = "button";
    close.addEventListener("click", closePickers);
    picker.appendChild(close);
    anchor.parentNode.insertBefore(picker, anchor.nextSibling);
  }

  function pickerButton(kind, label, editor) {
    return {
      name: "insert-" + kind,
      text: label,
      title: "Insert " + kind,
      action: function (mde) {
        openPicker(editor, kind, mde.gui.toolbar);
      },
    };
  }

  function toolbar(editor) {
    var E = window.EasyMDE;
    function button(name, text, title, action) {
      return { name: name, text: text, title: title, action: action };
    }
    return [
      button("heading-2", "H2", "Heading", E.toggleHeading2),
      button("heading-3", "H3", "Subheading", E.toggleHeading3),
      button("bold", "B", "Bold", E.toggleBold),
      button("italic", "I", "Italic", E.toggleItalic),
      button("link", "Link", "Link", E.drawLink),
      button("unordered-list", "• List", "Bulleted list", E.toggleUnorderedList),
      button("ordered-list", "1. List", "Numbered list", E.toggleOrderedList),
      button("quote", "❝ Quote", "Quote", E.toggleBlockquote),
      "|",
      pickerButton("photo", "Photo…", editor),
      pickerButton("pullquote", "Pullquote…", editor),
      pickerButton("video", "Video…", editor),
      pickerButton("map", "Map…", editor),
      pickerButton("annotation", "Annotation…", editor),
    ];
  }

  function refreshPreview(editor) {
    var data = new FormData();
    data.append("language", editor.language);
    data.append("body", editor.mde.value());
    fetch(editor.previewUrl, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken() },
    })
      .then(function (response) {
        if (!response.ok) throw new Error("preview answered " + response.status);
        return response.json();
      })
      .then(function (answer) {
        editor.preview.innerHTML = answer.html;
        editor.preview.classList.remove("editor-preview--stale");
      })
      .catch(function () {
        editor.preview.classList.add("editor-preview--stale");
      });
  }

  function refreshCounts(editor) {
    var figures = window.NewsroomCounts.count(editor.mde.value(), editor.language);
    editor.counts.textContent = editor.languageName + ": " + figures.label;
  }

  function onChange(editor) {
    refreshCounts(editor);
    window.clearTimeout(editor.timer);
    editor.timer = window.setTimeout(function () {
      refreshPreview(editor);
    }, PREVIEW_DELAY_MS);
  }

  function build(textarea, parts) {
    var layout = el("div", "markdown-editor");
    var writing = el("div", "markdown-editor__writing");
    var side = el("div", "markdown-editor__side");
    var preview = el("div", "markdown-editor__preview article-body");
    side.appendChild(preview);
    preview.setAttribute("lang", textarea.dataset.markdownEditor);
    preview.setAttribute("aria-live", "polite");
    preview.dataset.previewFor = textarea.id;
    var counts = el("p", "markdown-editor__counts");
    counts.setAttribute("aria-live", "polite");
    textarea.parentNode.insertBefore(layout, textarea);
    writing.appendChild(textarea);
    layout.appendChild(writing);
    layout.appendChild(side);
    layout.parentNode.insertBefore(counts, layout.nextSibling);
    var editor = {
      textarea: textarea,
      language: textarea.dataset.markdownEditor,
      languageName: textarea.dataset.languageName,
      previewUrl: textarea.dataset.previewUrl,
      parts: parts,
      preview: preview,
      counts: counts,
      timer: null,
    };
    editor.mde = new window.EasyMDE({
      element: textarea,
      autoDownloadFontAwesome: false,
      spellChecker: false,
      nativeSpellcheck: true,
      status: false,
      forceSync: true,
      autosave: { enabled: false },
      minHeight: "18rem",
      maxHeight: "32rem",
      toolbar: toolbar(editor),
      toolbarTips: true,
      inputStyle: "contenteditable",
    });
    editor.mde.codemirror.setOption("specialChars", SPECIAL_CHARS);
    editor.mde.codemirror.getWrapperElement().setAttribute(
      "lang", editor.language
    );
    editor.mde.codemirror.on("change", function () { onChange(editor); });
    textarea.markdownEditor = editor.mde;
    refreshCounts(editor);
    refreshPreview(editor);
    editors.push(editor);
    return editor;
  }

  var NO_PARTS = { photos: [], pullquotes: [], videos: [], map: null, sources: {} };

  function loadParts(url) {
    if (!url) return Promise.resolve(NO_PARTS);
    return fetch(url, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : NO_PARTS; })
      .catch(function () { return NO_PARTS; });
  }

  function start() {
    var areas = document.querySelectorAll("textarea[data-markdown-editor]");
    if (!areas.length || !window.EasyMDE) return;
    loadParts(areas[0].dataset.partsUrl).then(function (parts) {
      areas.forEach(function (textarea) { build(textarea, parts); });
      window.newsroomEditorsReady = true;
      document.dispatchEvent(
        new CustomEvent("newsroom:editors-ready", { detail: { parts: parts } })
      );
    });
  }

  /* CodeMirror measures itself: a hidden tab's editor is refreshed when shown. */
  document.addEventListener("click", function (event) {
    if (!event.target.closest(".ui-tabs-nav")) return;
    window.setTimeout(function () {
      editors.forEach(function (editor) { editor.mde.codemirror.refresh(); });
    }, 0);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closePickers();
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
