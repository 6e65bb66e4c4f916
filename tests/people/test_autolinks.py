"""Auto-links on rendered bodies: real archive sentences, both scripts.

Pure: the matcher is built from names in memory, no database.
"""

import pytest
from bs4 import BeautifulSoup

from articles.rendering import render_markdown
from people.autolinks import Matcher, Mention, link_mentions

ZWSP = "\u200b"
HUN_SEN = Mention("person:hun-sen", "/km/people/hun-sen/", "ហ៊ុន សែន", "នាយករដ្ឋមន្ត្រី")
CPP = Mention("party:cpp", "/km/parties/cpp/", "គណបក្សប្រជាជនកម្ពុជា")
HUN_SEN_EN = Mention(
    "person:hun-sen", "/en/people/hun-sen/", "Hun Sen", "Prime Minister"
)
CNRP = Mention("party:cnrp", "/en/parties/cnrp/", "Cambodia National Rescue Party")
MATCHER = Matcher.build(
    [
        ("Hun Sen", HUN_SEN_EN),
        ("Samdech Hun Sen", HUN_SEN_EN),
        ("Cambodia National Rescue Party", CNRP),
        ("CNRP", CNRP),
    ]
)
KHMER_MATCHER = Matcher.build([("ហ៊ុន សែន", HUN_SEN), ("គណបក្សប្រជាជនកម្ពុជា", CPP)])


def links(html):
    soup = BeautifulSoup(html, "html.parser")
    return [(a["href"], a.get_text()) for a in soup.select("a.context-mention__link")]


def page(markdown, matcher=MATCHER):
    return link_mentions(render_markdown(markdown), matcher)


def test_first_mention_only_links_to_the_page_with_a_card():
    html = page(
        "The Cambodia National Rescue Party (CNRP) was founded on July 17, 2012.\n\n"
        "The CNRP entered its first elections in 2013, after Hun Sen threatened."
    )
    assert links(html) == [
        ("/en/parties/cnrp/", "Cambodia National Rescue Party"),
        ("/en/people/hun-sen/", "Hun Sen"),
    ]
    soup = BeautifulSoup(html, "html.parser")
    card = soup.select_one("#context-card-person-hun-sen")
    assert card.has_attr("popover")
    assert card.select_one(".context-card__role").get_text() == "Prime Minister"
    toggle = soup.select_one('button[popovertarget="context-card-person-hun-sen"]')
    assert toggle is not None and toggle["type"] == "button"


def test_the_longest_name_wins():
    html = page("Samdech Hun Sen spoke. Hun Sen later left.")
    assert links(html) == [("/en/people/hun-sen/", "Samdech Hun Sen")]


@pytest.mark.parametrize(
    "markdown",
    [
        "## Hun Sen at 66",
        "[Hun Sen's hometown](https://example.org/)",
        "> Hun Sen said the vote was free.",
        "`Hun Sen`",
        'Before <span class="no-autolink">Hun Sen</span> took office.',
    ],
)
def test_never_inside_headings_links_quotes_code_or_a_no_autolink_span(markdown):
    assert links(page(markdown)) == []


def test_a_mention_skipped_in_a_heading_is_linked_at_the_next_mention():
    html = page("## Hun Sen\n\nPrime Minister Hun Sen’s ruling party says it won.")
    assert links(html) == [("/en/people/hun-sen/", "Hun Sen")]
    assert "<h2>Hun Sen</h2>" in html


def test_pullquote_blocks_are_skipped():
    html = '<blockquote class="pullquote"><p>Hun Sen</p></blockquote><p>Hun Sen</p>'
    linked = link_mentions(html, MATCHER)
    assert '<blockquote class="pullquote"><p>Hun Sen</p></blockquote>' in linked
    assert links(linked) == [("/en/people/hun-sen/", "Hun Sen")]


def test_latin_names_match_whole_words_only():
    assert links(page("The CNRPs and HunSen are not names; Hun Senate is not.")) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # From the archive sample (khmer/_posts/2018-05-02-hun-sen.md and others).
        "ត្រូវ​បាន​ដាក់ឈ្មោះ​របស់​លោក​ ហ៊ុន​ សែន ទោះ​បី​ជា",
        "លោក ហ៊ុន សែន បាន​បញ្ជាក់",
        f"លោក ហ៊ុន{ZWSP}សែន បាន​បញ្ជាក់",
        "លោកហ៊ុនសែនបាន​បញ្ជាក់",
    ],
)
def test_khmer_names_match_with_or_without_spaces_and_zero_width_spaces(sentence):
    html = page(sentence, KHMER_MATCHER)
    [(href, text)] = links(html)
    assert href == "/km/people/hun-sen/"
    # The reader's text is kept as written, zero-width spaces and all.
    assert text.replace(ZWSP, "").replace(" ", "") == "ហ៊ុនសែន"
    assert (
        BeautifulSoup(html, "html.parser")
        .get_text()
        .startswith(sentence.split("ហ៊ុន")[0])
    )


def test_the_party_name_with_zero_width_spaces_from_the_archive_is_linked():
    text = "គណបក្ស​ប្រជាជន​កម្ពុជា​របស់​លោក​នាយករដ្ឋមន្ត្រី ហ៊ុន សែន បាន​បញ្ជាក់​​ថា"
    assert links(page(text, KHMER_MATCHER)) == [
        ("/km/parties/cpp/", "គណបក្ស​ប្រជាជន​កម្ពុជា"),
        ("/km/people/hun-sen/", "ហ៊ុន សែន"),
    ]


def test_a_khmer_name_inside_a_longer_cluster_is_not_matched():
    # ហ៊ុន សែន followed by a vowel sign would cut the last cluster.
    assert links(page("ហ៊ុន សែនា", KHMER_MATCHER)) == []


def test_html_without_mentions_comes_back_unchanged():
    html = render_markdown("Farmers in **Kampot** voted early.\n\n<br>")
    assert link_mentions(html, MATCHER) is html


def test_archive_date_links_open_the_timeline_event():
    html = render_markdown("Fell on [January 7, 1979](#jan_7_1979), see [x](#other).")
    timeline = ("/en/timeline/", {"jan_7_1979"})
    linked = link_mentions(html, Matcher({}), timeline=timeline)
    soup = BeautifulSoup(linked, "html.parser")
    hrefs = [a["href"] for a in soup.find_all("a")]
    assert hrefs == ["/en/timeline/#jan_7_1979", "#other"]


def test_an_entry_page_does_not_link_to_itself():
    html = render_markdown("Hun Sen was born in 1952. The CNRP opposed him.")
    linked = link_mentions(html, MATCHER, already={"person:hun-sen"})
    assert links(linked) == [("/en/parties/cnrp/", "CNRP")]
