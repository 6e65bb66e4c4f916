"""search/khmer.py and search/analysis.py: one spelling at index and query time.

Strings are from the archive sample (../shared/fixtures/voa, Khmer posts).
"""

import unicodedata

import pytest

from search import analysis, khmer

ZWSP = "\u200b"
# The archive spells "official" both ways (53 and 51 times in the sample).
OFFICIAL = "មន្ត្រី"  # coeng TA, then coeng RO: the recommended order
OFFICIAL_RO_FIRST = "មន្រ្តី"
# The seed story's Khmer headline, with its zero-width spaces (one doubled).
HEADLINE = (
    "រដ្ឋាភិបាល\u200bកម្ពុជា\u200bពឹង\u200bផ្អែក\u200bលើ\u200bមន្រ្តី\u200bរាជការ"
    "\u200bដើម្បី\u200b\u200bសំឡេង\u200bឆ្នោត"
)


def test_the_two_spellings_of_official_are_different_strings_that_clean_makes_one():
    assert OFFICIAL != OFFICIAL_RO_FIRST
    assert khmer.clean(OFFICIAL_RO_FIRST) == OFFICIAL
    assert khmer.clean(OFFICIAL) == OFFICIAL


@pytest.mark.parametrize(
    ("typed", "standard"),
    [
        ("សង្រ្គោះ", "សង្គ្រោះ"),  # "rescue", as in the CNRP's name in the sample
        ("ក្រ្ក", "ក្ក្រ"),
        ("ស្រ្តី", "ស្ត្រី"),  # "woman"
    ],
)
def test_coeng_ro_goes_after_the_other_subscripts(typed, standard):
    assert khmer.clean(typed) == standard


def test_clean_removes_what_cannot_be_seen_and_nothing_else():
    assert khmer.clean(HEADLINE) == HEADLINE.replace(ZWSP, "").replace(
        OFFICIAL_RO_FIRST, OFFICIAL
    )
    for invisible in khmer.INVISIBLE:
        assert khmer.clean(f"ក{invisible}ខ") == "កខ"
    assert khmer.clean("a\x00b\x07c") == "a b c"
    assert khmer.clean("cafe\u0301") == "café" == unicodedata.normalize("NFC", "café")


@pytest.mark.parametrize("variant", [*khmer.SPELLINGS, *khmer.TYPING])
def test_every_variant_in_the_tables_folds_to_its_standard(variant):
    assert variant.why
    assert khmer.fold(variant.spelling) == variant.standard
    assert khmer.fold(variant.standard) == variant.standard


def test_give_is_one_word_in_its_three_spellings():
    spellings = ["ឲ្យ", "អោយ", "ឱ្យ"]
    assert {khmer.fold(s) for s in spellings} == {"ឲ្យ"}
    assert {analysis.index_text(f"គាត់{s}លុយខ្ញុំ") for s in spellings} == {"គាត់ ឲ្យ លុយ ខ្ញុំ"}


def test_spellings_lists_the_other_forms_readers_may_have_used():
    assert khmer.spellings(OFFICIAL) == khmer.spellings(OFFICIAL_RO_FIRST)
    assert {OFFICIAL, OFFICIAL_RO_FIRST} < set(khmer.spellings(OFFICIAL))
    assert set(khmer.spellings("អោយ")) == {"ឲ្យ", "អោយ", "ឱ្យ"}


def test_khmer_digits_are_indexed_as_ascii_ones():
    assert analysis.terms("ឆ្នាំ២០១៨") == analysis.terms("ឆ្នាំ 2018") == ["ឆ្នាំ", "2018"]


def test_segmentation_is_the_same_with_or_without_zero_width_spaces():
    without = HEADLINE.replace(ZWSP, "")
    assert analysis.terms(HEADLINE) == analysis.terms(without)
    terms = analysis.terms(without)
    assert OFFICIAL in " ".join(terms)  # the standard spelling, whatever was typed
    assert "រដ្ឋាភិបាល" in terms and "ឆ្នោត" in " ".join(terms)
    assert "".join(khmer.segment(khmer.clean(without))) == khmer.clean(without)


def test_segment_keeps_words_and_drops_punctuation():
    assert khmer.segment("«វិធានការ»។") == ["វិធានការ"]
    assert khmer.segment("ា") == []  # a lone vowel sign is not a word


def test_a_noun_made_with_kar_is_also_indexed_by_its_verb():
    assert analysis.terms("ការបោះឆ្នោត") == ["ការបោះឆ្នោត", "បោះឆ្នោត"]
    assert khmer.noun_stem("ការ") is None


def test_english_is_lowercased_and_stemmed_like_postgresql_english():
    assert analysis.terms("The Elections, Civil SERVANTS' party's") == [
        "the",
        "elect",
        "civil",
        "servant",
        "parti",
    ]
    assert analysis.index_text("Hun Sen-led CPP") == "hun sen led cpp"


def test_mixed_scripts_are_split_where_the_script_changes():
    assert analysis.terms("VOAខ្មែរ") == ["voa", "ខ្មែរ"]


def test_overlong_words_are_cut():
    assert analysis.terms("x" * 5000) == ["x" * analysis.MAX_TERM_CHARS]
