"""Auto-links: the first mention of a person or party in a story links to their page.

Applied at display time to the rendered body (articles/body_filters.py), never
to the stored text. The body is parsed with an HTML parser (BeautifulSoup on
the standard library's parser); names are matched in the text of each text
node only, never in markup:

- Khmer-safe: names and text are compared after articles.khmer's cleaning
  (zero-width spaces and joiners out, subscripts in one order), so
  "ហ៊ុន​សែន" with a zero-width space, "ហ៊ុនសែន" and "ហ៊ុន សែន" all match. A
  Khmer match may not start after a coeng or end before a vowel sign (it would
  cut a cluster); a Latin one must be a whole word, case as written.
- The longest name wins ("Samdech Hun Sen" before "Hun Sen"); each entry is
  linked once, at its first mention outside the places below.
- Archive date links (href="#july_29_2018") are pointed at the timeline page.
- Never inside headings, links, quotes (blockquote: pullquotes too), figure
  captions, code, or `<span class="no-autolink">…</span>` (the per-mention
  opt-out editors type in the Markdown).

The names come from an Index (people/context_index.py) built in a fixed number
of queries and cached, so the story page's query count does not move.
"""

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString

from articles.khmer import INVISIBLE, clean, order_subscripts

SKIPPED_TAGS = {
    "a", "blockquote", "button", "code", "figcaption", "h1", "h2", "h3", "h4",
    "h5", "h6", "pre", "q", "script", "style", "textarea",
}  # fmt: skip
SKIPPED_CLASSES = {"no-autolink", "context-mention", "pullquote"}
_KHMER = re.compile(r"[\u1780-\u17ff\u19e0-\u19ff]")
# A Khmer match may not cut a cluster: no coeng before it, no dependent vowel,
# sign or coeng after it.
_KHMER_BEFORE = r"(?<!\u17d2)"
_KHMER_AFTER = r"(?![\u17b6-\u17d3\u17dd])"
_SPACES = re.compile(r"\s+")


def name_key(text):
    """What a matched name and an entry's name are compared by: no spaces."""
    return _SPACES.sub("", clean(text))


def name_pattern(name):
    """The regular expression (over cleaned text) for one name."""
    words = clean(name).split()
    if not words:
        return None
    if _KHMER.search(name):
        # Khmer writers put a space, a zero-width space or nothing between names.
        return _KHMER_BEFORE + r"\s*".join(map(re.escape, words)) + _KHMER_AFTER
    return r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)"


@dataclass(frozen=True)
class Mention:
    """What a link to one entry shows: its page and its summary card."""

    key: str  # "person:hun-sen": unique on the page, the card's id
    url: str
    name: str
    role: str = ""
    summary: str = ""
    more_label: str = ""
    about_label: str = ""


@dataclass
class Matcher:
    """Names to entries, compiled into one alternation, longest name first."""

    entries: dict  # name_key -> Mention
    pattern: re.Pattern | None = field(default=None)

    @classmethod
    def build(cls, names):
        """`names`: (name, Mention) pairs; the first Mention for a name wins."""
        entries = {}
        patterns = {}
        for name, mention in names:
            key = name_key(name)
            pattern = name_pattern(name)
            if key and pattern and key not in entries:
                entries[key] = mention
                patterns[key] = pattern
        ordered = sorted(patterns, key=len, reverse=True)
        alternation = "|".join(patterns[key] for key in ordered)
        return cls(entries, re.compile(alternation) if alternation else None)


def comparable(text):
    """`text` cleaned for matching, and each cleaned character's index in `text`.

    Invisible characters are dropped and subscripts reordered (which keeps the
    length), so a match's ends map back onto the original text.
    """
    kept = [(i, ch) for i, ch in enumerate(text) if ch not in INVISIBLE]
    cleaned = order_subscripts("".join(ch for _i, ch in kept))
    return cleaned, [i for i, _ch in kept]


def is_skipped(node):
    for parent in node.parents:
        if parent.name in SKIPPED_TAGS:
            return True
        if SKIPPED_CLASSES.intersection(parent.get("class") or ()):
            return True
    return False


def mentions_in(text, matcher, linked):
    """[(start, end, Mention)] of first mentions in `text`, adding them to `linked`."""
    cleaned, positions = comparable(text)
    found = []
    for match in matcher.pattern.finditer(cleaned):
        mention = matcher.entries.get(name_key(match.group()))
        if mention is None or mention.key in linked:
            continue
        linked.add(mention.key)
        start, end = positions[match.start()], positions[match.end() - 1] + 1
        found.append((start, end, mention))
    return found


def mention_markup(soup, text, mention):
    """The link, its card toggle and the card (a popover: no script needed)."""
    card_id = "context-card-" + mention.key.replace(":", "-")
    wrapper = soup.new_tag("span", attrs={"class": "context-mention"})
    link = soup.new_tag("a", href=mention.url, attrs={"class": "context-mention__link"})
    link.string = text
    toggle = soup.new_tag(
        "button",
        type="button",
        popovertarget=card_id,
        # "show": a tap always opens it (after a hover already did, too); a tap
        # outside or Esc closes it (popover="auto").
        popovertargetaction="show",
        attrs={"class": "context-mention__toggle", "aria-label": mention.about_label},
    )
    toggle.string = "i"
    card = soup.new_tag(
        "span", id=card_id, popover="auto", attrs={"class": "context-card"}
    )
    for css, value in (
        ("name", mention.name),
        ("role", mention.role),
        ("summary", mention.summary),
    ):
        if value:
            part = soup.new_tag("span", attrs={"class": f"context-card__{css}"})
            part.string = value
            card.append(part)
    more = soup.new_tag("a", href=mention.url, attrs={"class": "context-card__more"})
    more.string = mention.more_label
    card.append(more)
    wrapper.extend([link, toggle, card])
    return wrapper


def point_at_timeline(soup, timeline):
    """Archive links such as href="#july_29_2018" open that event's timeline entry.

    `timeline`: (the timeline page's URL, the anchors it has). Returns whether
    a link changed.
    """
    url, anchors = timeline
    changed = False
    for link in soup.find_all("a", href=True):
        fragment = link["href"][1:] if link["href"].startswith("#") else None
        if fragment in anchors:
            link["href"] = f"{url}#{fragment}"
            changed = True
    return changed


def link_mentions(html, matcher, already=(), timeline=None):
    """`html` with the first mention of each entry linked; `html` itself if none.

    `already`: Mention keys not to link (an entry's own page); a set passed
    here also receives the keys linked, so several fragments of one page (the
    timeline's events) link each entry once. `timeline`: see point_at_timeline.
    """
    if not html or (matcher.pattern is None and not timeline):
        return html
    soup = BeautifulSoup(html, "html.parser")
    changed = bool(timeline) and point_at_timeline(soup, timeline)
    linked = already if isinstance(already, set) else set(already)
    for node in list(soup.find_all(string=True)) if matcher.pattern else ():
        if type(node) is not NavigableString or is_skipped(node):
            continue
        text = str(node)
        found = mentions_in(text, matcher, linked)
        if not found:
            continue
        pieces, cursor = [], 0
        for start, end, mention in found:
            pieces.append(NavigableString(text[cursor:start]))
            pieces.append(mention_markup(soup, text[start:end], mention))
            cursor = end
        pieces.append(NavigableString(text[cursor:]))
        node.replace_with(*(piece for piece in pieces if piece != ""))
        changed = True
    return str(soup) if changed else html
