"""Khmer text in one encoding, whatever the writer typed: pure Python, no Django.

The apps above articles compare Khmer text: search (search/khmer.py adds
spelling folds and word segmentation on top) and the people app's auto-links.
Both must see "ហ៊ុន​សែន" with a zero-width space and "ហ៊ុនសែន" as the same
name, so the normalisation lives here, below both.

- visible(): NFC; zero-width and other invisible characters removed (the
  archive puts zero-width spaces between words, unevenly), controls as spaces.
- clean(): visible(), and a coeng RO moved after the other subscripts of its
  cluster, the order Unicode's Khmer chapter and the national keyboard
  recommend (្រ្ត and ្ត្រ render alike, so writers type both: the archive
  spells មន្ត្រី "official" both ways).
"""

import re
import unicodedata

COENG = "\u17d2"
RO = "\u179a"
# Characters that render as nothing: zero-width space, non-joiner, joiner,
# word joiner, byte order mark, soft hyphen, and Khmer's two inherent vowels
# (U+17B4, U+17B5), which Unicode says not to use.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u17b4\u17b5"
_INVISIBLE = str.maketrans("", "", INVISIBLE)
# Control characters (NUL included) become spaces; tab and newline are spaces.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# A coeng RO followed by one or more other coeng + consonant: move it last.
RO_FIRST = re.compile(f"({COENG}{RO})((?:{COENG}[\u1780-\u17a2])+)")
RO_LAST = re.compile(f"((?:{COENG}[\u1780-\u17a2])+)({COENG}{RO})")


def visible(text):
    """`text` in NFC with its invisible and control characters taken out."""
    text = unicodedata.normalize("NFC", text or "")
    return _CONTROL.sub(" ", text.translate(_INVISIBLE))


def order_subscripts(text):
    """A coeng RO after the other subscripts of its cluster (same length)."""
    return RO_FIRST.sub(r"\2\1", text)


def clean(text):
    """`text` as it looks, in one encoding: visible(), subscripts in order."""
    return order_subscripts(visible(text))
