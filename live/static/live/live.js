// Live coverage: poll the story's entries.json and put new or corrected
// entries in place without a reload. Without JavaScript the page still works:
// it is served with every entry and a "newer entries" link that reloads it.
(function () {
  "use strict";
  var POLL_MS = 3000; // a posted entry shows within POLL_MS plus a request
  var section = document.getElementById("live-entries");
  if (!section || !window.fetch) {
    return;
  }
  var list = section.querySelector(".live__entries");
  var status = section.querySelector(".live__status");
  var newer = section.querySelector(".live__newer");
  var endpoint = section.dataset.endpoint;
  var cursor = section.dataset.cursor;
  var etag = section.dataset.etag;
  var fresh = 0;

  if (newer) {
    newer.textContent = newer.querySelector("a").dataset.autoLabel;
  }

  function digits(number) {
    var own = section.dataset.digits || "0123456789";
    return String(number).replace(/[0-9]/g, function (digit) {
      return own.charAt(Number(digit));
    });
  }

  function url() {
    return cursor ? endpoint + "?since=" + encodeURIComponent(cursor) : endpoint;
  }

  function element(html) {
    var holder = document.createElement("template");
    holder.innerHTML = html.trim();
    return holder.content.firstElementChild;
  }

  function apply(data) {
    var known = {};
    Array.prototype.forEach.call(list.children, function (item) {
      known[item.dataset.id] = item;
    });
    var wanted = {};
    data.order.forEach(function (id) {
      wanted[id] = true; // the first page: older entries live on their pages
    });
    data.entries.forEach(function (entry) {
      if (!wanted[entry.id]) {
        return;
      }
      var item = element(entry.html);
      var old = known[entry.id];
      if (old) {
        if (old.dataset.change === item.dataset.change) {
          return; // the same version, sent again
        }
        old.replaceWith(item);
      } else {
        item.classList.add("live-entry--fresh");
        fresh += 1;
      }
      known[entry.id] = item;
    });
    data.order.forEach(function (id) {
      if (known[id]) {
        list.appendChild(known[id]); // appending in order sorts the list
      }
    });
    Object.keys(known).forEach(function (id) {
      if (!wanted[id] && known[id].parentNode === list) {
        list.removeChild(known[id]); // removed, or no longer in this language
      }
    });
    var empty = section.querySelector(".live__empty");
    if (empty && data.order.length) {
      empty.remove();
    }
    if (fresh && status) {
      status.textContent = section.dataset.freshLabel.replace("{count}", digits(fresh));
    }
    // An older entry moved up to the first page (one above it was removed):
    // it was never sent, so ask for the whole first page once.
    var missing = data.order.some(function (id) {
      return !known[id];
    });
    cursor = missing ? "" : data.cursor || cursor;
    etag = missing ? "" : etag;
  }

  function poll() {
    var headers = etag ? { "If-None-Match": etag } : {};
    fetch(url(), { headers: headers, cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        if (response.status === 200) {
          etag = response.headers.get("ETag") || etag;
          return response.json().then(apply);
        }
        if (response.status !== 304) {
          throw new Error("entries.json answered " + response.status);
        }
      })
      .then(schedule, function () {
        window.setTimeout(poll, POLL_MS * 5); // back off, then try again
      });
  }

  function schedule() {
    window.setTimeout(poll, POLL_MS);
  }

  // A shared "#entry-123" of an entry now on an older page: its own address
  // finds the page that holds it.
  function findEntry() {
    var target = /^#entry-([0-9]+)$/.exec(window.location.hash);
    if (target && !document.getElementById("entry-" + target[1])) {
      window.location.replace(section.dataset.entryBase + target[1] + "/");
    }
  }
  findEntry();
  window.addEventListener("hashchange", findEntry);

  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) {
      fresh = 0;
    }
  });
  schedule();
})();
