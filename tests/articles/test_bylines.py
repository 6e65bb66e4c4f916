"""Byline text in both languages: names joined as each language writes them."""

import pytest

from articles.bylines import byline_text, join_names


@pytest.mark.parametrize(
    ("names", "language", "expected"),
    [
        (["Sun Narin"], "en", "By Sun Narin"),
        (["Sun Narin", "Malis Tum"], "en", "By Sun Narin and Malis Tum"),
        (
            ["Sun Narin", "Malis Tum", "Ty Aulissa"],
            "en",
            "By Sun Narin, Malis Tum and Ty Aulissa",
        ),
        (["ស៊ុន ណារិន"], "km", "ស៊ុន ណារិន"),
        (["ស៊ុន ណារិន", "ទុំ ម្លិះ"], "km", "ស៊ុន ណារិន និង ទុំ ម្លិះ"),
        (
            ["ស៊ុន ណារិន", "ទុំ ម្លិះ", "ទី អូលីសា"],
            "km",
            "ស៊ុន ណារិន, ទុំ ម្លិះ និង ទី អូលីសា",
        ),
        ([], "en", ""),
    ],
)
def test_byline_text(names, language, expected):
    assert byline_text(names, language) == expected


def test_join_names_ignores_blank_names():
    assert join_names(["Sun Narin", "", "Malis Tum"], "en") == "Sun Narin and Malis Tum"
