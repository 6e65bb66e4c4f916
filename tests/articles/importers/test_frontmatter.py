"""Front matter read and cleaned: table-driven, on strings from the archive."""

from decimal import Decimal

import pytest

from articles.importers.jekyll import frontmatter
from articles.importers.jekyll.errors import PostError


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Samrang Pring | Reuters", ("Samrang Pring", "Reuters")),
        ("(Sun Narin | VOA Khmer)", ("Sun Narin", "VOA Khmer")),
        ("Sun Narin/VOA Khmer", ("Sun Narin", "VOA Khmer")),
        ("Heng Sinith | AP", ("Heng Sinith", "AP")),
        ("(Cambodia Daily)", ("Cambodia Daily", "")),
        (
            "(ខាន់ សុគុំមនោ, នូវ ពៅលក្ខិណា, សាយ មុន្នី| VOA Khmer)",
            ("ខាន់ សុគុំមនោ, នូវ ពៅលក្ខិណា, សាយ មុន្នី", "VOA Khmer"),
        ),
        ("", ("", "")),
    ],
)
def test_credit(value, expected):
    assert frontmatter.credit(value) == expected


@pytest.mark.parametrize(
    ("value", "cleaned", "warns"),
    [
        ('/img/mugshot__Nou-Sari--400.jpg"; ', "/img/mugshot__Nou-Sari--400.jpg", True),
        ("logo__cnrp.jpg", "logo__cnrp.jpg", False),
        ("https://gdb.voanews.com/x_s.jpg", "https://gdb.voanews.com/x_s.jpg", False),
    ],
)  # fmt: skip
def test_image_ref_cleans_stray_characters(value, cleaned, warns):
    result, warning = frontmatter.image_ref(value)
    assert result == cleaned
    assert bool(warning) is warns


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("11.556062, 104.936943", (Decimal("11.556062"), Decimal("104.936943"))),
        ("11.556374, 104.92821", (Decimal("11.556374"), Decimal("104.928210"))),
        ("", (None, None)),
    ],
)
def test_coordinates(value, expected):
    assert frontmatter.coordinates("x.md", value) == expected


@pytest.mark.parametrize("value", ["95.1, 104.9", "11.5, 190", "north, east"])
def test_bad_coordinates_fail_the_post(value):
    with pytest.raises(PostError, match="coordinates"):
        frontmatter.coordinates("x.md", value)


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("title", "applied"),
        ("hidePromos", "option"),
        ("creditX", "disabled"),
        ("cutlineX", "disabled"),
        ("youtubeOLD", "disabled"),
        ("imageOld", "disabled"),
        ("link-projectx", "disabled"),
        ("Youtube", "unknown"),
        ("whatever", "unknown"),
    ],
)
def test_classify_key(key, kind):
    assert frontmatter.classify_key(key) == kind


@pytest.mark.parametrize(("value", "age"), [("58", 58), ("៥៨", 58), ("old", None)])
def test_age_reads_khmer_digits(value, age):
    assert frontmatter.age(value)[0] == age


def test_front_matter_keeps_strings_as_typed():
    front = frontmatter.split_post(
        "x.md", "---\ntitle: A\nage: 058\nyoutube: 1234e5678\n---\nBody\n"
    )
    assert front.data == {"title": "A", "age": "058", "youtube": "1234e5678"}
    assert front.body == "Body\n"


@pytest.mark.parametrize(
    "text",
    ["no front matter\n", "---\ntitle: [unclosed\n---\n", "---\n- a list\n---\n"],
)
def test_unusable_front_matter_is_a_post_error(text):
    with pytest.raises(PostError):
        frontmatter.split_post("x.md", text)
