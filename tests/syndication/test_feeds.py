"""RSS and Atom: valid feeds, stable ids, the published versions of one language."""

import feedparser
import pytest

from tests.factories import KHMER_TITLE, ArticleFactory
from tests.syndication_support import (
    REUTERS_CREDIT,
    REUTERS_URL,
    seed_story,
    voa_hero_story,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/en/rss.xml", "/en/atom.xml"])
def test_feeds_parse_and_carry_stable_ids(client, path):
    seeded = seed_story()
    voa = voa_hero_story()
    ArticleFactory(title_en="A draft nobody may see")
    response = client.get(path)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    if "rss" in path:
        assert parsed.feed.language == "en"
    entries = {entry.id: entry for entry in parsed.entries}
    assert set(entries) == {
        f"urn:newsroom:article:{seeded.pk}:en",
        f"urn:newsroom:article:{voa.pk}:en",
    }
    seed_entry = entries[f"urn:newsroom:article:{seeded.pk}:en"]
    assert seed_entry.title == seeded.title_en
    assert seed_entry.link == "http://testserver" + seeded.get_absolute_url("en")
    assert seed_entry.author == "Sun Narin, Malis Tum, Chun Chanboth"
    # The seed story's hero is Reuters: no enclosure, no trace of it.
    assert not seed_entry.get("enclosures")
    assert REUTERS_URL.encode() not in response.content
    assert REUTERS_CREDIT.encode() not in response.content
    (enclosure,) = entries[f"urn:newsroom:article:{voa.pk}:en"].enclosures
    hero = voa.placements.get().photo
    assert enclosure.href == "http://testserver" + hero.image.url
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) == hero.image.size
    assert b"A draft nobody may see" not in response.content


def test_khmer_rss_lists_only_khmer_versions(client):
    both = ArticleFactory(published=True)
    ArticleFactory(english_only=True)
    parsed = feedparser.parse(client.get("/km/rss.xml").content)
    assert [e.id for e in parsed.entries] == [f"urn:newsroom:article:{both.pk}:km"]
    assert parsed.entries[0].title == KHMER_TITLE
    assert parsed.feed.language == "km"
