"""Pure text rules: bylines and dates in both languages."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from articles.bylines import byline_text, join_names
from articles.dates import format_date, khmer_digits


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


PHNOM_PENH = ZoneInfo("Asia/Phnom_Penh")


@pytest.mark.parametrize(
    ("moment", "language", "expected"),
    [
        (datetime(2018, 7, 20, 9, tzinfo=PHNOM_PENH), "en", "July 20, 2018"),
        (datetime(2018, 7, 24, 9, tzinfo=PHNOM_PENH), "km", "២៤ កក្កដា ២០១៨"),
        (datetime(2018, 1, 5, 9, tzinfo=PHNOM_PENH), "km", "៥ មករា ២០១៨"),
        (datetime(2018, 12, 31, 9, tzinfo=PHNOM_PENH), "km", "៣១ ធ្នូ ២០១៨"),
        # 20:00 UTC on the 23rd is already the 24th in Phnom Penh.
        (datetime(2018, 7, 23, 20, tzinfo=ZoneInfo("UTC")), "km", "២៤ កក្កដា ២០១៨"),
    ],
)
def test_format_date(moment, language, expected):
    assert format_date(moment, language) == expected


def test_khmer_digits():
    assert khmer_digits("2018-07-29") == "២០១៨-០៧-២៩"
