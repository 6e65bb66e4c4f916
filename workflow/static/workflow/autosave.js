/* Autosave of the story form (workflow/admin/editing.py).

   Every 30 s, and when the page is hidden or left, the form's fields are sent
   to data-autosave-url as this user's draft; a copy stays in the browser's
   localStorage, marked unsynced when the server refused it (an expired
   session answers with the login page), so nothing typed is lost either way.
   A draft never touches the story. When the form opens and a draft differs
   from it, a banner offers Restore or Discard; restoring fills the form
   (edit_version included), and saving then goes through the usual version
   check, which shows any part saved meanwhile by someone else. */
(function () {
  "use strict";

  var INTERVAL_MS = 30000;
  var SKIPPED = /(^csrfmiddlewaretoken$|^_|^transition$|-(TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS$)/;
  var form, url, storageKey;
  var lastSent = null;
  var submitting = false;

  function csrfToken() {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function kept(input) {
    return input.name && !input.disabled && !SKIPPED.test(input.name) &&
      ["file", "submit", "button", "reset"].indexOf(input.type) === -1;
  }

  /* {field name: [values]}: what the form would post, unchecked boxes as []. */
  function snapshot() {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (input) {
      if (!kept(input)) return;
      var values = data[input.name] || (data[input.name] = []);
      if (input.type === "checkbox" || input.type === "radio") {
        if (input.checked) values.push(input.value);
      } else if (input.multiple) {
        Array.prototype.forEach.call(input.selectedOptions, function (option) {
          values.push(option.value);
        });
      } else {
        values.push(input.value);
      }
    });
    return data;
  }

  function differs(data, current) {
    return Object.keys(data).some(function (name) {
      return name in current && JSON.stringify(data[name]) !== JSON.stringify(current[name]);
    });
  }

  function fill(data) {
    Array.prototype.forEach.call(form.elements, function (input) {
      if (!kept(input) || !(input.name in data)) return;
      var values = data[input.name];
      if (input.type === "checkbox" || input.type === "radio") {
        input.checked = values.indexOf(input.value) !== -1;
      } else if (input.multiple) {
        Array.prototype.forEach.call(input.options, function (option) {
          option.selected = values.indexOf(option.value) !== -1;
        });
      } else {
        input.value = values[0] === undefined ? "" : values[0];
        if (input.markdownEditor) input.markdownEditor.value(input.value);
      }
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
  }

  function keepLocally(data, synced) {
    try {
      window.localStorage.setItem(storageKey, JSON.stringify({
        data: data, saved_at: new Date().toISOString(), synced: synced,
      }));
    } catch (error) { /* storage full or refused: the server copy remains */ }
  }

  function localDraft() {
    try {
      return JSON.parse(window.localStorage.getItem(storageKey) || "null");
    } catch (error) {
      return null;
    }
  }

  function forgetLocally() {
    try { window.localStorage.removeItem(storageKey); } catch (error) { /* ignore */ }
  }

  function payload(data) {
    var body = new FormData();
    body.append("csrfmiddlewaretoken", csrfToken());
    body.append("data", JSON.stringify(data));
    return body;
  }

  function save(leaving) {
    if (submitting) return;
    var data = snapshot();
    var text = JSON.stringify(data);
    if (text === lastSent) return;
    lastSent = text;
    keepLocally(data, false);
    if (leaving && navigator.sendBeacon) {
      navigator.sendBeacon(url, payload(data));
      return;
    }
    fetch(url, { method: "POST", body: payload(data), credentials: "same-origin" })
      .then(function (response) {
        var json = (response.headers.get("Content-Type") || "").indexOf("json") !== -1;
        if (response.ok && json) keepLocally(data, true);
      })
      .catch(function () { /* offline: the local copy stays unsynced */ });
  }

  function discard() {
    var body = new FormData();
    body.append("csrfmiddlewaretoken", csrfToken());
    body.append("discard", "1");
    forgetLocally();
    return fetch(url, { method: "POST", body: body, credentials: "same-origin" });
  }

  function banner(draft) {
    var box = document.createElement("div");
    box.className = "autosave-banner";
    box.setAttribute("role", "alert");
    var text = document.createElement("p");
    var when = new Date(draft.saved_at);
    text.textContent = "You have changes to this form that were never saved (kept " +
      "automatically at " + when.toLocaleString() + "). Restore them into the form? " +
      "Nothing is saved to the story until you save.";
    var restore = document.createElement("button");
    restore.type = "button";
    restore.className = "button default autosave-restore";
    restore.textContent = "Restore";
    var drop = document.createElement("button");
    drop.type = "button";
    drop.className = "button autosave-discard";
    drop.textContent = "Discard";
    restore.addEventListener("click", function () {
      fill(draft.data);
      box.remove();
    });
    drop.addEventListener("click", function () {
      discard();
      lastSent = JSON.stringify(snapshot());
      box.remove();
    });
    box.appendChild(text);
    box.appendChild(restore);
    box.appendChild(document.createTextNode(" "));
    box.appendChild(drop);
    form.insertBefore(box, form.firstChild);
  }

  function newest(server, local) {
    if (local && !local.synced && (!server || new Date(local.saved_at) > new Date(server.saved_at))) return local;
    return server;
  }

  function start() {
    lastSent = JSON.stringify(snapshot());
    fetch(url, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : { draft: null }; })
      .catch(function () { return { draft: null }; })
      .then(function (answer) {
        var draft = newest(answer.draft, localDraft());
        if (draft && differs(draft.data, snapshot())) banner(draft);
      });
    window.setInterval(function () { save(false); }, INTERVAL_MS);
  }

  /* Once the editors exist (editor.js), so that restoring reaches them too. */
  function setUp() {
    var anchor = document.querySelector("[data-autosave-url]");
    if (!anchor || !anchor.form) return;
    form = anchor.form;
    url = anchor.dataset.autosaveUrl;
    var who = document.querySelector("#user-tools strong");
    storageKey = "newsroom-autosave:" + (who ? who.textContent.trim() : "") + ":" + url;
    form.addEventListener("submit", function () {
      submitting = true;
      forgetLocally();
    });
    window.addEventListener("pagehide", function () { save(true); });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") save(true);
    });
    start();
  }

  if (window.newsroomEditorsReady) {
    setUp();
  } else {
    document.addEventListener("newsroom:editors-ready", setUp, { once: true });
  }
})();
