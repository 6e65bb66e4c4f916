"""Dates in both languages: Khmer month names and digits, Phnom Penh time."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from articles.dates import format_date, khmer_digits

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
