"""Snippets with the query's words marked, the same on every engine (pure).

Works on the readable text (clean()ed: what the reader sees, minus
invisible characters), not on the engines' terms: a Khmer snippet keeps its
own spacing. A Khmer word is marked wherever it occurs, in any of the
spellings fold() treats as one; an English word where a word starts with it
or with its stem ("election" marks "elections" and "elected").
"""

import re
import unicodedata

from search import analysis, khmer

SNIPPET_CHARS = 220
LEAD_CHARS = 60  # context kept before the first match


def pattern_for(query):
    """One regular expression for every word of `query`; None when it has none."""
    khmer_forms, latin_forms = set(), set()
    for word in query.words:
        if khmer.is_khmer(word):
            khmer_forms.update([word, *khmer.spellings(word)])
        else:
            folded = word.casefold()
            latin_forms.update([folded, analysis.stem(folded)])
    alternatives = [re.escape(f) for f in sorted(khmer_forms, key=len, reverse=True)]
    if latin_forms:
        latin = "|".join(
            re.escape(f) for f in sorted(latin_forms, key=len, reverse=True)
        )
        alternatives.append(rf"(?<!\w)(?:{latin})\w*")
    if not alternatives:
        return None
    return re.compile("|".join(alternatives), re.IGNORECASE)


def marked(text, pattern):
    """`text` as (piece, is_match) pairs."""
    pieces = []
    position = 0
    for match in pattern.finditer(text) if pattern else ():
        if match.start() == match.end():
            continue
        pieces.append((text[position : match.start()], False))
        pieces.append((match.group(), True))
        position = match.end()
    pieces.append((text[position:], False))
    return [piece for piece in pieces if piece[0]]


def _cut(text, index, back):
    """Where to cut near `index`: after a space at most `back` characters
    before it, else at the next cluster start (never before a vowel sign or
    after a coeng, which would draw a dotted circle)."""
    space = text.rfind(" ", max(0, index - back), index)
    if space != -1:
        return space + 1
    while 0 < index < len(text) and (
        unicodedata.category(text[index]).startswith("M")
        or text[index - 1] == khmer.COENG
    ):
        index += 1
    return index


def snippet(text, pattern, length=SNIPPET_CHARS):
    """About `length` characters of `text` around its first match, marked.

    Starts at the beginning when nothing matches (the match may be in the
    headline, or found through another segmentation). An ellipsis shows
    where text was left out.
    """
    text = khmer.clean(text)
    first = pattern.search(text) if pattern else None
    start = 0
    if first and first.start() > LEAD_CHARS:
        start = _cut(text, first.start() - LEAD_CHARS, LEAD_CHARS // 2)
    end = len(text)
    if start + length < end:
        end = _cut(text, start + length, length // 5)
    pieces = marked(text[start:end].strip(), pattern)
    if start > 0:
        pieces.insert(0, ("… ", False))
    if end < len(text):
        pieces.append((" …", False))
    return pieces
