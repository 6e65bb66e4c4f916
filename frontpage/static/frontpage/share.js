// "Copy link": copies the story's address instead of following it. Without
// JavaScript (or clipboard access) the link is simply the story's address.
document.addEventListener("click", function (event) {
  var link = event.target.closest("[data-copy-link]");
  if (!link || !navigator.clipboard) {
    return;
  }
  event.preventDefault();
  navigator.clipboard.writeText(link.href).then(function () {
    link.textContent = link.dataset.copied;
  });
});
