"""Words and index terms of a text in either language (pure, no Django).

Every engine stores and matches the terms made here, never its own: the
same query finds the same stories on PostgreSQL and SQLite (and would on
OpenSearch), and highlights agree with matches.

- Khmer: clean, fold, segment into words (khmer.py); a compound with a
  noun-making prefix is also indexed by its stem.
- Other scripts: words are runs of letters and digits, lowercased
  (casefold) and stemmed with the Snowball English stemmer (Porter2, the
  algorithm of PostgreSQL's `english` configuration).
"""

import re
import threading

import snowballstemmer

from search import khmer

_WORD = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b", re.IGNORECASE)
# Longer "words" (a pasted URL or hash) are cut: PostgreSQL refuses lexemes
# over 2 KB, and nobody types more of a word than this.
MAX_TERM_CHARS = 64
_local = threading.local()  # Snowball stemmers keep state: one per thread


def stem(word):
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("english")
    return stemmer.stemWord(word)


def prepare(text):
    """The form every analysis starts from: clean, then folded spellings."""
    return khmer.fold(khmer.clean(text))


def words(text):
    """The words of prepared `text`, in order (Khmer ones segmented)."""
    found = []
    position = 0
    for run in khmer.KHMER_RUN.finditer(text):
        found += _latin_words(text[position : run.start()])
        found += khmer.segment(run.group())
        position = run.end()
    found += _latin_words(text[position:])
    return found


def _latin_words(text):
    return _WORD.findall(_POSSESSIVE.sub("", text))


def word_terms(word):
    """The index terms of one word: a Khmer word and its stem, or an English stem."""
    if khmer.is_khmer(word):
        stem_of_noun = khmer.noun_stem(word)
        found = [word, stem_of_noun] if stem_of_noun else [word]
    else:
        found = [stem(word.casefold())]
    return [term[:MAX_TERM_CHARS] for term in found]


def terms(text):
    """The index terms of `text`, in order."""
    return [term for word in words(prepare(text)) for term in word_terms(word)]


def index_text(text):
    """What a document column holds: the terms, separated by spaces."""
    return " ".join(terms(text))
