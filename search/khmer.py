"""Khmer text made comparable: one spelling for what readers see as the same.

Pure Python, no Django: the index and the query go through the same
functions, so a word typed one way finds it written another way.

- clean(), visible(): changes nothing a reader can see (articles/khmer.py,
  shared with the people app's auto-links): NFC, invisible characters out,
  a coeng RO after the other subscripts (្រ្ត ≡ ្ត្រ).
- fold(): spellings a reader would call the same word (SPELLINGS, TYPING), and
  Khmer digits as ASCII ones so ២០១៨ finds 2018.
- segment(): words of a Khmer run, from khmercut's CRF model (trained on a
  dictionary-segmented corpus; bundled in the wheel, nothing is downloaded).
"""

import re
from typing import NamedTuple

# clean, visible, COENG and INVISIBLE are part of this module's interface too.
from articles.khmer import COENG, INVISIBLE, RO_LAST, clean, visible  # noqa: F401

KHMER_RUN = re.compile(r"[\u1780-\u17ff\u19e0-\u19ff]+")
# A Khmer token is a word when it holds a consonant, independent vowel or digit
# (not when it is only punctuation such as ។ or a lone vowel sign).
_KHMER_LETTER = re.compile(r"[\u1780-\u17b3\u17e0-\u17e9]")
_KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")


class Variant(NamedTuple):
    spelling: str
    standard: str
    why: str


# Spellings of one word that readers write both ways; "spellings tried" lists them.
SPELLINGS = (
    Variant(
        "អោយ",
        "ឲ្យ",
        "'to, for, give': common on the web; Chuon Nath's dictionary writes ឲ្យ",
    ),
    Variant("ឱ្យ", "ឲ្យ", "the same word with ឱ (U+17B1), drawn like ឲ (U+17B2)"),
    Variant(
        f"{COENG}\u178a",
        f"{COENG}\u178f",
        "subscript DA and TA are drawn alike: សេចក្ដី/សេចក្តី, ផ្ដើម/ផ្តើម",
    ),
)
# Typing slips that look like the standard letters: folded, never suggested.
TYPING = (
    Variant("ឣ", "អ", "U+17A3 is deprecated: Unicode says to write អ"),
    Variant("ឤ", "អា", "U+17A4 is deprecated: Unicode says to write អា"),
    Variant("េា", "ោ", "the vowel ោ typed as its two visible parts"),
    Variant("េី", "ើ", "the vowel ើ typed as its two visible parts"),
    Variant("ំុ", "ុំ", "nikahit typed before the vowel ុ; both orders look the same"),
    Variant("ំា", "ាំ", "nikahit typed before the vowel ា; both orders look the same"),
)

# Productive prefixes that make nouns of verbs (ការបោះឆ្នោត "the election"
# from បោះឆ្នោត "to vote"): the segmenter keeps the compound whole, so the
# stem is indexed beside it and a search for បោះឆ្នោត finds it.
NOUN_PREFIXES = ("ការ", "សេចក្តី", "ភាព", "អ្នក")


def fold(text):
    """One spelling per word (SPELLINGS, TYPING), ASCII digits; `text` is clean()ed."""
    for variant in (*TYPING, *SPELLINGS):
        text = text.replace(variant.spelling, variant.standard)
    return text.translate(_KHMER_DIGITS)


def spellings(word):
    """The spellings that match `word`: the standard one, the coeng RO typed
    first, and the other spellings in SPELLINGS."""
    standard = fold(clean(word))
    found = {standard, RO_LAST.sub(r"\2\1", standard)}
    for variant in SPELLINGS:
        if variant.standard in standard:
            found.add(standard.replace(variant.standard, variant.spelling))
    return sorted(found)


def is_khmer(text):
    return bool(KHMER_RUN.search(text))


def segment(run):
    """The words of a run of Khmer letters (punctuation and spaces left out)."""
    from khmercut import tokenize  # loads a 17 MB model: only when needed

    return [token for token in tokenize(run) if _KHMER_LETTER.search(token)]


def noun_stem(word):
    """The word left after a noun-making prefix, indexed beside `word`; or None."""
    for prefix in NOUN_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            return word[len(prefix) :]
    return None
