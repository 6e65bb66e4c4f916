// Auto-link cards (people/autolinks.py): the button opens its card by itself
// (the popover attribute, no script needed); this adds hover for mouse users
// and places the card beside the name instead of the middle of the screen.
(function () {
  "use strict";
  function place(card, mention) {
    var box = mention.getBoundingClientRect();
    card.classList.add("context-card--placed");
    var width = card.offsetWidth;
    var left = Math.max(8, Math.min(box.left, window.innerWidth - width - 8));
    var below = box.bottom + 6;
    var top = below + card.offsetHeight > window.innerHeight ? box.top - card.offsetHeight - 6 : below;
    card.style.left = left + "px";
    card.style.top = Math.max(8, top) + "px";
  }
  document.querySelectorAll(".context-mention").forEach(function (mention) {
    var card = mention.querySelector(".context-card");
    if (!card || !card.showPopover) { return; }
    var timer = null;
    card.addEventListener("toggle", function (event) {
      if (event.newState === "open") { place(card, mention); }
    });
    function open(event) {
      if (event.pointerType !== "mouse") { return; }
      clearTimeout(timer);
      if (!card.matches(":popover-open")) { card.showPopover(); }
    }
    function close(event) {
      if (event.pointerType !== "mouse") { return; }
      timer = setTimeout(function () {
        if (card.matches(":popover-open") && !mention.matches(":hover") && !card.matches(":hover")) { card.hidePopover(); }
      }, 250);
    }
    mention.addEventListener("pointerenter", open);
    mention.addEventListener("pointerleave", close);
    card.addEventListener("pointerenter", function () { clearTimeout(timer); });
    card.addEventListener("pointerleave", close);
  });
})();
