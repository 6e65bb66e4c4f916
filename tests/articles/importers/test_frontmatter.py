"""Table-driven tests of the importer's pure parsers, on strings from the archive."""

from decimal import Decimal

import pytest

from articles.embeds import safe_link
from articles.importers.jekyll import bylines, frontmatter
from articles.importers.jekyll.body import Attributed, Include, parse_body
from articles.importers.jekyll.errors import PostError
from articles.importers.jekyll.shortcodes import BodyBuilder, shortcode
from articles.rendering import parse_args
from articles.shortcode_rule import SHORTCODE_LINE


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


def test_includes_span_lines_any_order_spaces_around_equals():
    body = (
        "Text\n{% include photo-large.html \n \nadd_padding = true\n"
        'caption="A \'quoted\' caption"\n\n file="/img/x.jpg"\n %}More'
    )
    segments = parse_body(body)
    assert segments[0] == "Text\n"
    assert segments[1] == Include(
        "photo-large.html",
        (
            ("add_padding", "true"),
            ("caption", "A 'quoted' caption"),
            ("file", "/img/x.jpg"),
        ),
    )
    assert segments[2] == "More"


@pytest.mark.parametrize(
    ("line", "classes", "anchor"),
    [
        ("{:.pullquote}", ("pullquote",), ""),
        ("{:.pullquote.voa__hide-mobile}", ("pullquote", "voa__hide-mobile"), ""),
        ("{:.annotation.right#footnote1}", ("annotation", "right"), "footnote1"),
        ("{:.voa__tagline}", ("voa__tagline",), ""),
    ],
)
def test_attribute_lines_claim_the_next_block(line, classes, anchor):
    segments = parse_body(f"Before\n\n{line}\nFirst line\nsecond line\n\nAfter\n")
    assert segments == [
        "Before\n\n",
        Attributed(classes, anchor, "First line\nsecond line"),
        "\n\nAfter\n",
    ]


@pytest.mark.parametrize(
    "caption",
    ['He said "no" and left', "Cambodia's \\ back\\slash", "ក្រុង​ភ្នំពេញ  two  spaces"],
)
def test_shortcodes_read_back_by_the_renderer(caption):
    code = shortcode("video", args=[("youtube", "niLf-DXIBt0"), ("caption", caption)])
    match = SHORTCODE_LINE.match(code)
    args = parse_args(match.group(3))
    assert args["youtube"] == "niLf-DXIBt0"
    assert args["caption"] == " ".join(caption.split())


def test_body_builder_puts_shortcodes_on_their_own_line_once():
    builder = BodyBuilder()
    builder.text("Intro\n\n")
    builder.line("[[photo 1]]")
    builder.text("Glued text")
    assert builder.build() == "Intro\n\n[[photo 1]]\nGlued text"


@pytest.mark.parametrize(
    ("link", "kept"),
    [
        ("/english/hun-sen/", "/english/hun-sen/"),
        (
            "https://www.voacambodia.com/a/x.html",
            "https://www.voacambodia.com/a/x.html",
        ),
        ("javascript:alert(1)", ""),
        ("//evil.example/x", ""),
        ("", ""),
    ],
)
def test_editors_note_links_are_web_or_site_relative(link, kept):
    assert safe_link(link) == kept


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("u1uYkdS39JI", "u1uYkdS39JI"),
        (" u1uYkdS39JI ", "u1uYkdS39JI"),
        ("https://www.youtube.com/watch?v=u1uYkdS39JI&t=30s", "u1uYkdS39JI"),
        ("https://youtu.be/u1uYkdS39JI", "u1uYkdS39JI"),
        ("https://www.youtube.com/embed/u1uYkdS39JI/", "u1uYkdS39JI"),
        ("https://evil.example/watch?v=u1uYkdS39JI", ""),
        ("not a video", ""),
        ("", ""),
    ],
)
def test_youtube_id_from_ids_and_addresses(value, expected):
    from articles.youtube import video_id as youtube_id

    assert youtube_id(value) == expected
