// Video facades (templates/articles/embeds/video.html): a click swaps the link
// for YouTube's privacy-enhanced player, so a page loads nothing from YouTube
// (and YouTube sets no cookie) until the reader asks for the video. Without
// JavaScript the link opens the video on YouTube.
document.addEventListener("click", function (event) {
  var link = event.target.closest("a.video__facade[data-embed]");
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey) {
    return;
  }
  event.preventDefault();
  var player = document.createElement("iframe");
  player.src = link.dataset.embed;
  player.title = link.dataset.title;
  player.allow = "autoplay; encrypted-media; picture-in-picture";
  player.allowFullscreen = true;
  link.replaceWith(player);
  player.focus();
});
