"""Bylines: split the archive's byline text and tie each name to a sort name.

`metrics-byline` ("Narin, Sun; Tum, Malis") is the archive's own key for a
person in every language, so Author records are found by sort name. English
names are matched to sort names by their words; Khmer names cannot be, so a
first pass over the whole site learns which Khmer name belongs to which sort
name from posts where only one answer is possible (a single author, or the one
name left over once the others are known).
"""

import re
from dataclasses import dataclass, field

# (pattern, replacement, why) applied in order before splitting.
CLEANUP_RULES = (
    (re.compile(r"[\u200b\u200c\u200d\ufeff]"), " ", "zero-width spaces inside names"),
    (re.compile(r"\s*\|.*$"), "", "a trailing '| VOA News' is the outlet, not a name"),
    (re.compile(r"^.*?ដោយ\s+"), "", "'…ដោយ' (researched … by) introduces the names"),
    (re.compile(r"^\s*by\s+", re.I), "", "a leading 'By'"),
    (re.compile(r"\s+"), " ", "runs of spaces"),
)
SEPARATORS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+និង\s+")


def split_names(byline):
    """'A, B and C' / 'A & B' / 'A និង B' -> ['A', 'B', 'C'] in order."""
    value = byline or ""
    for pattern, replacement, _why in CLEANUP_RULES:
        value = pattern.sub(replacement, value)
    return [name.strip() for name in SEPARATORS.split(value.strip()) if name.strip()]


def split_sort_names(metrics):
    """'Narin, Sun; Tum, Malis' -> ['Narin, Sun', 'Tum, Malis']."""
    return [
        " ".join(part.split()) for part in (metrics or "").split(";") if part.strip()
    ]


def display_from_sort_name(sort_name):
    """'Narin, Sun' -> 'Sun Narin' (the archive writes given name first)."""
    family, _sep, given = sort_name.partition(",")
    return f"{given.strip()} {family.strip()}".strip()


def _words(name):
    return sorted(re.sub(r"[^\w\s]", " ", name.casefold()).split())


def match_latin(names, sort_names):
    """Pair Latin-script names with sort names by their words; order of `names`."""
    remaining = list(sort_names)
    pairs = []
    for name in names:
        found = next((s for s in remaining if _words(s) == _words(name)), None)
        if found:
            remaining.remove(found)
        pairs.append((name, found))
    return pairs, remaining


def regroup(names, count):
    """Khmer bylines often leave out separators, all of them ("A B C") or some
    ("A B និង C"): with two words a name and 2 x `count` words, cut into pairs."""
    chunks = [name.split() for name in names]
    if (
        len(names) < count
        and sum(len(words) for words in chunks) == 2 * count
        and all(len(words) % 2 == 0 for words in chunks)
    ):
        return [" ".join(w[i : i + 2]) for w in chunks for i in range(0, len(w), 2)]
    return names


@dataclass
class KhmerNameBook:
    """Khmer display name per sort name, learned from unambiguous posts."""

    names: dict = field(default_factory=dict)  # sort name -> Khmer name

    @classmethod
    def learn(cls, entries, known=None):
        """`entries`: (khmer names, sort names) per Khmer post; `known`: from the DB."""
        book = cls(dict(known or {}))
        pending = [(list(k), list(s)) for k, s in entries if k and s]
        progress = True
        while progress:
            progress = False
            for names, sort_names in pending:
                by_name = {v: k for k, v in book.names.items()}
                left_names = [n for n in names if n not in by_name]
                left_sorts = [s for s in sort_names if s not in book.names]
                if len(left_names) == 1 and len(left_sorts) == 1:
                    book.names[left_sorts[0]] = left_names[0]
                    progress = True
        return book

    def match(self, names, sort_names):
        """Pair Khmer names with sort names; returns (pairs, guessed?)."""
        by_name = {v: k for k, v in self.names.items()}
        remaining = [s for s in sort_names if s not in {by_name.get(n) for n in names}]
        pairs, guessed = [], False
        for name in names:
            sort_name = by_name.get(name)
            if sort_name not in sort_names:
                sort_name = remaining.pop(0) if remaining else None
                guessed = guessed or sort_name is not None
            pairs.append((name, sort_name))
        return pairs, guessed
