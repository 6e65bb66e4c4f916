"""A reader's query, parsed into terms every engine can match (pure, no Django).

The query language is small on purpose: words (all must match) and
"quoted phrases". Everything else a reader types (operators, brackets,
stray or unbalanced quotes, control characters) is punctuation and never
reaches an engine's own syntax: backends quote every term themselves.

A Khmer run is matched two ways, either of which may find a story: its
words as typed (each also as the start of a longer compound word), or the
run with its spaces taken out and segmented again, so "ការ បោះឆ្នោត" and
"ការបោះឆ្នោត" find each other whatever the segmenter made of each.
"""

import re
from dataclasses import dataclass, field

from search import analysis, khmer

MAX_QUERY_CHARS = 200  # a headline and then some; longer queries are cut
MAX_TERMS = 16  # keeps every engine query small
_KHMER_SPAN = re.compile(r"[\u1780-\u17ff]+(?:\s+[\u1780-\u17ff]+)*")
# A shorter Khmer word is matched exactly: as a prefix it would match too much.
PREFIX_MIN_CHARS = 3


@dataclass(frozen=True)
class Term:
    text: str
    prefix: bool = False


@dataclass(frozen=True)
class Option:
    """Terms that must all match ("all"), or match in this order ("phrase")."""

    kind: str
    terms: tuple


@dataclass
class Query:
    text: str = ""  # clean()ed, as shown back to the reader
    typed: str = ""  # as typed, less invisible characters
    clauses: list = field(default_factory=list)  # all must match; each: options
    words: list = field(default_factory=list)  # as typed, for highlighting
    shortened: bool = False

    @property
    def empty(self):
        return not self.clauses

    def term_count(self):
        return sum(len(o.terms) for clause in self.clauses for o in clause)

    def spellings(self):
        """Spellings of the query's Khmer words, other than typed, searched too."""
        forms = {s for w in self.words if khmer.is_khmer(w) for s in khmer.spellings(w)}
        return sorted(form for form in forms if form not in self.typed)


def _khmer_terms(text):
    return tuple(
        Term(term, prefix=len(term) >= PREFIX_MIN_CHARS)
        for word in analysis.words(analysis.prepare(text))
        for term in analysis.word_terms(word)
    )


def _plain_clauses(text):
    """Clauses for unquoted text: each English word, each Khmer run."""
    clauses = []
    position = 0
    for span in _KHMER_SPAN.finditer(text):
        clauses += _word_clauses(text[position : span.start()])
        as_typed = tuple(
            t for chunk in span.group().split() for t in _khmer_terms(chunk)
        )
        joined = _khmer_terms("".join(span.group().split()))
        options = [Option("all", as_typed)] if as_typed else []
        if joined and set(joined) != set(as_typed):
            options.append(Option("all", joined))
        if options:
            clauses.append(tuple(options))
        position = span.end()
    return clauses + _word_clauses(text[position:])


def _word_clauses(text):
    return [(Option("all", (Term(term),)),) for term in analysis.terms(text)]


def _phrase_clause(text):
    terms = tuple(Term(term) for term in analysis.terms(text))
    if not terms:
        return []
    return [(Option("phrase" if len(terms) > 1 else "all", terms),)]


def _surface_words(text):
    prepared = khmer.clean(text)
    return [w for w in analysis.words(prepared) if w]


def parse(raw):
    """The Query for what a reader typed; `empty` when nothing is searchable."""
    raw = raw or ""
    shortened = len(raw) > MAX_QUERY_CHARS
    text = " ".join(khmer.clean(raw[:MAX_QUERY_CHARS]).split())
    pieces = text.split('"')
    balanced = len(pieces) % 2 == 1
    clauses = []
    for index, piece in enumerate(pieces):
        quoted = index % 2 == 1 and (balanced or index < len(pieces) - 1)
        for clause in _phrase_clause(piece) if quoted else _plain_clauses(piece):
            if clause not in clauses:
                clauses.append(clause)
    typed = khmer.visible(raw[:MAX_QUERY_CHARS])
    query = Query(text=text, typed=typed, shortened=shortened)
    for clause in clauses:
        query.clauses.append(clause)
        if query.term_count() > MAX_TERMS:
            query.clauses.pop()
            query.shortened = True
            break
    query.words = _surface_words(text.replace('"', " "))
    return query
