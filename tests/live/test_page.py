"""The live story's page: entries in order, anchors, languages, no-JS reading."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import ArticleFactory, PhotoFactory
from tests.factories.live import LiveEntryFactory
from tests.live.support import post

pytestmark = pytest.mark.django_db


def page(client, story, language="en"):
    response = client.get(story.get_absolute_url(language))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def entry_ids(soup):
    return [int(li["data-id"]) for li in soup.select("#live-entries li.live-entry")]


def test_page_lists_pinned_then_newest_with_an_address_each(client, story, make_user):
    old = post(story, body_en="Polls opened at 7 a.m.")
    pinned = post(story, body_en="**Key facts**: 125 seats.", pinned=True)
    new = post(story, body_en="Polls closed.")
    soup = page(client, story)
    assert entry_ids(soup) == [pinned.pk, new.pk, old.pk]
    first = soup.select_one(f"#entry-{pinned.pk}")
    assert first.select_one(".live-entry__pinned").get_text() == "Pinned"
    # The time links to the entry's own address (it used to be the bare
    # "#entry-N"): with pages of entries, the address finds the page holding it.
    permalink = first.select_one(".live-entry__time")["href"]
    assert permalink == f"/en/live/entry/{pinned.pk}/"
    landing = client.get(permalink)
    assert landing["Location"] == f"{story.get_absolute_url('en')}#entry-{pinned.pk}"
    assert first.select_one("strong").get_text() == "Key facts"


def test_entries_come_right_after_the_body_before_onward_links(client, story):
    LiveEntryFactory(story=story)
    ArticleFactory(published=True, section=story.section)  # a related story
    html = client.get(story.get_absolute_url("en")).content.decode()
    assert html.index('id="live-entries"') < html.index('class="onward')


def test_the_page_works_without_javascript(client, story):
    LiveEntryFactory(story=story)
    soup = page(client, story)
    newer = soup.select_one(".live__newer a")
    assert newer["href"] == story.get_absolute_url("en") + "#live-entries"
    assert newer.get_text() == "Newer entries: reload the page"
    section = soup.select_one("#live-entries")
    assert section["data-endpoint"] == f"/en/live/{story.pk}/entries.json"
    script = soup.select_one("script[src$='live/live.js']")
    assert script is not None and not script.string  # a file, never inline
    assert soup.select_one("link[href$='live/live.css']") is not None


def test_entry_bodies_are_sanitised_markdown(client, story):
    post(story, body_en="Count <script>alert(1)</script> [link](javascript:alert(1))")
    html = str(page(client, story).select_one(".live-entry__body"))
    assert "<script" not in html
    assert 'href="javascript:' not in html  # left as text, never a link


def test_quote_photo_video_and_link_show_with_the_entry(client, story):
    entry = post(
        story,
        body_en="The prime minister spoke.",
        quote_en="We will respect the result.",
        quote_source_en="A party spokesman",
        photo=PhotoFactory(cutline_en="Voters queue in Kandal."),
        youtube_id="u1uYkdS39JI",
        embed_url="https://www.facebook.com/voakhmer/posts/1",
    )
    item = page(client, story).select_one(f"#entry-{entry.pk}")
    assert "We will respect the result." in item.select_one("blockquote").get_text()
    assert "Voters queue in Kandal." in item.select_one("figcaption").get_text()
    # The video is a click-to-load facade (articles/video.js makes the iframe).
    assert "u1uYkdS39JI" in item.select_one("a.video__facade")["data-embed"]
    assert item.select_one(".live-entry__embed a")["href"].startswith(
        "https://www.facebook.com/"
    )


def test_a_corrected_entry_says_when(client, story):
    from live import services

    entry = post(story, body_en="Turnout was 28 percent.")
    entry.body_en = "Turnout was 82 percent."
    services.edit_entry(entry)
    edited = page(client, story).select_one(f"#entry-{entry.pk} .live-entry__edited")
    assert edited.get_text().startswith("Updated at ")


def test_khmer_page_shows_khmer_entries_with_khmer_labels(client, story, khmer_lines):
    both = post(story, body_en="Polls closed.", body_km=khmer_lines[0], pinned=True)
    post(story, body_en="English only, for now.")
    soup = page(client, story, "km")
    assert entry_ids(soup) == [both.pk]
    body = soup.select_one(f"#entry-{both.pk} .live-entry__body").get_text().strip()
    assert body == khmer_lines[0]
    assert soup.select_one(".live__badge").get_text() == "ព័ត៌មានផ្ទាល់"
    assert soup.select_one(".live-entry__pinned").get_text() == "ខ្ទាស់ទុក"
    time = soup.select_one(f"#entry-{both.pk} .live-entry__time").get_text()
    assert all(ch in "០១២៣៤៥៦៧៨៩:" for ch in time)
    assert "Polls closed" not in str(soup)


def test_other_stories_have_no_live_parts(client):
    story = ArticleFactory(published=True)
    soup = page(client, story)
    assert soup.select_one("#live-entries") is None
    assert soup.select_one("script[src$='live/live.js']") is None


def test_a_story_unpublished_in_khmer_shows_no_khmer_entries(client):
    story = ArticleFactory(layout="live", english_only=True)
    LiveEntryFactory(story=story)
    assert client.get(story.get_absolute_url("km")).status_code == 404
    assert client.get(f"/km/live/{story.pk}/entries.json").status_code == 404


@pytest.mark.parametrize("language", ["en", "km"])
def test_page_query_count_does_not_grow_with_entries(
    client, story, language, django_assert_num_queries, warm_renditions
):
    LiveEntryFactory(story=story, photo=PhotoFactory())
    warm_renditions()
    counts = []
    for more in (0, 10):
        for _ in range(more):
            LiveEntryFactory(story=story, photo=PhotoFactory())
        warm_renditions()
        # story, bylines, placements, pullquotes, tags, corrections (the page),
        # entries with authors and photos, their renditions (the live panel);
        # onward links, the navigation and provinces, as on every story page
        # +1 (issue 10): the navigation's links to people, parties, results… (one query)
        with django_assert_num_queries(14) as captured:
            client.get(story.get_absolute_url(language))
        counts.append(len(captured))
    assert counts[0] == counts[1]
