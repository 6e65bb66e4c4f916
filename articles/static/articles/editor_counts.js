/* Word and character counts of a story body, per language.

   The Markdown's shortcode lines and markup are left out, so the figures are
   about the words readers get. Khmer is written without spaces between words:
   its words are counted with the browser's Intl.Segmenter when it has one,
   otherwise only characters are given, and the label says which. */
(function () {
  "use strict";

  function readable(markdown) {
    return markdown
      .split("\n")
      .filter(function (line) { return !/^\[\[.*\]\]\s*$/.test(line); })
      .join("\n")
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/[#>*_`~|-]/g, " ")
      .replace(/\u200b/g, "");
  }

  function segmentedWords(text, language) {
    var segmenter = new Intl.Segmenter(language, { granularity: "word" });
    var words = 0;
    for (var part of segmenter.segment(text)) {
      if (part.isWordLike) words += 1;
    }
    return words;
  }

  function spacedWords(text) {
    var trimmed = text.trim();
    return trimmed ? trimmed.split(/\s+/).length : 0;
  }

  /* {words: n or null, characters: n, label: "…"} for `markdown` in `language`. */
  function count(markdown, language) {
    var text = readable(markdown);
    var characters = Array.from(text.replace(/\s+/g, "")).length;
    var segmenter = typeof Intl !== "undefined" && Intl.Segmenter;
    if (language === "km") {
      if (!segmenter) {
        return {
          words: null,
          characters: characters,
          label: characters + " characters without spaces (Khmer has no spaces between words; " +
            "this browser cannot count Khmer words)",
        };
      }
      var words = segmentedWords(text, language);
      return {
        words: words,
        characters: characters,
        label: "≈ " + words + " words (browser's Khmer word segmentation) · " +
          characters + " characters without spaces",
      };
    }
    var spaced = spacedWords(text);
    return {
      words: spaced,
      characters: characters,
      label: spaced + " words · " + characters + " characters without spaces",
    };
  }

  window.NewsroomCounts = { count: count };
})();
