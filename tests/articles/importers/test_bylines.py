"""The archive's bylines split into names and tied to sort names, on real strings."""

import pytest

from articles.importers.jekyll import bylines


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Sun Narin and Malis Tum", ["Sun Narin", "Malis Tum"]),
        (
            "Aun Chhengpor, Sun Narin and Ten Soksreinith",
            ["Aun Chhengpor", "Sun Narin", "Ten Soksreinith"],
        ),
        ("Chenda Hong & Ten Soksreinith", ["Chenda Hong", "Ten Soksreinith"]),
        ("ស៊ុន ណារិន និង ទុំ ម្លិះ", ["ស៊ុន ណារិន", "ទុំ ម្លិះ"]),
        # A zero-width space after និង, as typed in the archive.
        ("ស៊ុន ណារិន និង \u200bទែន សុខស្រីនិត", ["ស៊ុន ណារិន", "ទែន សុខស្រីនិត"]),
        (
            "ស្រាវជ្រាវ\u200bនិង\u200bចងក្រង\u200bដោយ ទែន សុខស្រីនិត និង\u200b ហុង ចិន្តា"
            " | VOA News",
            ["ទែន សុខស្រីនិត", "ហុង ចិន្តា"],
        ),
        ("By Sok Khemara", ["Sok Khemara"]),
        ("", []),
    ],
)
def test_split_names(byline, names):
    assert bylines.split_names(byline) == names


@pytest.mark.parametrize(
    "byline",
    [
        "អូន ឆេងប៉រ ទែន សុខស្រីនិត ស៊ុន ណារិន",
        # Spaces between the first names, និង before the last one.
        "អូន ឆេងប៉រ ទែន សុខស្រីនិត និង ស៊ុន ណារិន",
    ],
)
def test_regroup_khmer_byline_without_separators(byline):
    names = bylines.split_names(byline)
    assert bylines.regroup(names, 3) == ["អូន ឆេងប៉រ", "ទែន សុខស្រីនិត", "ស៊ុន ណារិន"]


def test_regroup_leaves_names_alone_when_the_words_do_not_fit():
    assert bylines.regroup(["ស៊ុន ណារិន"], 2) == ["ស៊ុន ណារិន"]
    assert bylines.regroup(["ហ៊ុន ម៉ាណែត ឈឹម", "ស៊ុន ណារិន"], 3) == [
        "ហ៊ុន ម៉ាណែត ឈឹម",
        "ស៊ុន ណារិន",
    ]


def test_latin_names_match_sort_names_in_byline_order():
    pairs, rest = bylines.match_latin(
        ["Aun Chhengpor", "Sun Narin"], ["Narin, Sun", "Chhengpor, Aun", "Tum, Malis"]
    )
    assert pairs == [("Aun Chhengpor", "Chhengpor, Aun"), ("Sun Narin", "Narin, Sun")]
    assert rest == ["Tum, Malis"]


def test_khmer_name_book_learns_by_elimination():
    book = bylines.KhmerNameBook.learn(
        [
            (["អូន ឆេងប៉រ", "ទែន សុខស្រីនិត", "ស៊ុន ណារិន"],
             ["Soksreinith, Ten", "Narin, Sun", "Chhengpor, Aun"]),
            (["ស៊ុន ណារិន"], ["Narin, Sun"]),
            (["ទែន សុខស្រីនិត"], ["Soksreinith, Ten"]),
        ]
    )  # fmt: skip
    assert book.names["Chhengpor, Aun"] == "អូន ឆេងប៉រ"
    pairs, guessed = book.match(
        ["អូន ឆេងប៉រ", "ស៊ុន ណារិន"], ["Narin, Sun", "Chhengpor, Aun"]
    )
    assert pairs == [("អូន ឆេងប៉រ", "Chhengpor, Aun"), ("ស៊ុន ណារិន", "Narin, Sun")]
    assert not guessed
