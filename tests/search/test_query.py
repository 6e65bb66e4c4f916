"""search/query.py and search/highlight.py: a reader's query, made safe and marked."""

import unicodedata

import pytest

from search import highlight
from search.query import MAX_QUERY_CHARS, MAX_TERMS, parse


def options(query):
    return [[(o.kind, [t.text for t in o.terms]) for o in c] for c in query.clauses]


def test_words_all_must_match_and_quotes_make_a_phrase():
    assert options(parse('"civil servants" elections')) == [
        [("phrase", ["civil", "servant"])],
        [("all", ["elect"])],
    ]


@pytest.mark.parametrize(
    "typed",
    [
        'AND OR NOT NEAR( * ^ : - + "',
        '"unbalanced quote',
        "'single' \\back\\slash",
        "title:x OR -y",
        "\x00\x00",
        "\u0301",  # a lone combining mark
        "ា",  # a lone Khmer vowel sign
        "()[]{}<>",
    ],
)
def test_operators_and_stray_characters_are_never_syntax(typed):
    query = parse(typed)
    for clause in query.clauses:
        for option in clause:
            for term in option.terms:
                assert not set(term.text) & set("\"'\\*:()^+-")


def test_an_unbalanced_quote_is_read_as_plain_words():
    assert options(parse('hun "sen')) == [[("all", ["hun"])], [("all", ["sen"])]]


def test_nothing_searchable_is_an_empty_query():
    assert parse("").empty and parse("   ").empty
    assert parse("\u0301").empty and parse("ា").empty and parse("?!").empty


def test_long_queries_are_cut_and_say_so():
    query = parse("election " * 2000)
    assert query.shortened and len(query.text) <= MAX_QUERY_CHARS
    many = parse(" ".join(f"word{n}" for n in range(40)))
    assert many.shortened and many.term_count() <= MAX_TERMS
    assert not parse("election").shortened


def test_a_khmer_run_matches_as_typed_or_with_its_spaces_taken_out():
    query = parse("ការ បោះឆ្នោត")
    assert options(query) == [
        [
            ("all", ["ការ", "បោះឆ្នោត"]),
            ("all", ["ការបោះឆ្នោត", "បោះឆ្នោត"]),
        ]
    ]
    assert all(t.prefix for o in query.clauses[0] for t in o.terms)


def test_khmer_query_spellings_and_zero_width_spaces_do_not_matter():
    assert options(parse("មន្រ្តី")) == options(parse("មន្ត្រី"))
    assert options(parse("មន្ត្រី\u200bរាជការ")) == options(parse("មន្ត្រីរាជការ"))
    assert "មន្រ្តី" in parse("មន្ត្រី").spellings()
    assert "មន្ត្រី" in parse("មន្រ្តី").spellings()
    assert "មន្រ្តី" not in parse("មន្រ្តី").spellings()  # what was typed


def test_mixed_scripts_need_both():
    assert len(parse("Hun Sen ហ៊ុន សែន").clauses) == 3


def test_snippet_marks_khmer_in_any_spelling_and_english_by_stem():
    pattern = highlight.pattern_for(parse("មន្ត្រី elections"))
    pieces = highlight.snippet("ដើម្បីបង្ខំមន្រ្តី\u200bរាជការ; an election official", pattern)
    assert [p for p, match in pieces if match] == ["មន្ត្រី", "election"]
    assert "".join(p for p, _ in pieces) == "ដើម្បីបង្ខំមន្ត្រីរាជការ; an election official"


def test_snippet_is_a_window_around_the_first_match():
    text = "word " * 100 + "target " + "word " * 100
    pieces = highlight.snippet(text, highlight.pattern_for(parse("target")))
    joined = "".join(p for p, _ in pieces)
    assert joined.startswith("… ") and joined.endswith(" …")
    assert ("target", True) in pieces
    assert len(joined) <= highlight.SNIPPET_CHARS + 10


def test_khmer_snippets_are_never_cut_inside_a_cluster():
    text = "ក" * 10 + "ស្រ្តី" * 100 + " ប៉ុន្តែ" + "គណបក្ស" * 60
    pieces = highlight.snippet(text, highlight.pattern_for(parse("ប៉ុន្តែ")))
    body = "".join(p for p, _ in pieces).strip("… ")
    assert not unicodedata.category(body[0]).startswith("M")  # no vowel sign first
    assert body[-1] != "\u17d2"  # nor a coeng last
