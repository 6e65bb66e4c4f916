"""What Lighthouse audits on the reader pages (bench/lighthouse.py measures them).

Videos load nothing from YouTube before a click (best practices: third-party
cookies; performance), every page has a meta description and an icon (SEO;
no 404 in the console), and Khmer pages preload the bundled face (no layout
shift when it swaps in).
"""

import pytest
from bs4 import BeautifulSoup

from articles.models import Layout
from tests.factories import KHMER_TITLE, ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def loaded_addresses(page):
    """Every address the page makes the browser fetch by itself."""
    return [tag.get("src") or tag.get("href") for tag in page.select("[src], link")]


@pytest.mark.parametrize(
    ("language", "play"), [("en", "Play the video"), ("km", "ចាក់វីដេអូ")]
)
def test_videos_are_links_until_the_reader_asks_for_the_player(client, language, play):
    story = ArticleFactory(
        published=True,
        layout=Layout.POST_VIDEO,
        youtube_id="e3JxFw03tco",
        title_km=KHMER_TITLE,
        body_en='[[video youtube=u1uYkdS39JI caption="Rally"]]',
        body_km='[[video youtube=u1uYkdS39JI caption="Rally"]]',
    )
    page = soup(client, story.get_absolute_url(language))
    assert page.select("iframe") == []
    assert not [url for url in loaded_addresses(page) if "youtube" in url]
    facades = page.select("a.video__facade")
    assert [a["href"] for a in facades] == [
        "https://www.youtube.com/watch?v=e3JxFw03tco",
        "https://www.youtube.com/watch?v=u1uYkdS39JI",
    ]
    assert facades[1]["data-embed"] == (
        "https://www.youtube-nocookie.com/embed/u1uYkdS39JI?autoplay=1"
    )
    assert facades[1]["data-title"] == "Rally"
    assert {a.get_text(strip=True) for a in facades} == {play}
    scripts = [script["src"] for script in page.select("script[src]")]
    assert any(src.endswith("articles/video.js") for src in scripts), scripts


@pytest.mark.parametrize("language", ["en", "km"])
def test_a_section_without_description_still_describes_itself(client, language):
    section = SectionFactory(
        slug_en="voices", name_en="Voices", name_km="សំឡេង", description_en=""
    )
    ArticleFactory(published=True, section=section, title_km=KHMER_TITLE)
    page = soup(client, section.get_absolute_url(language))
    description = page.find("meta", attrs={"name": "description"})["content"]
    name, latest = {"en": ("Voices", "Latest"), "km": ("សំឡេង", "អត្ថបទថ្មីៗ")}[language]
    assert description.startswith(name) and latest in description


def test_a_story_without_summary_is_described_by_its_headline(client):
    story = ArticleFactory(published=True, summary_en="", title_en="Rice prices rise")
    page = soup(client, story.get_absolute_url("en"))
    meta = page.find("meta", attrs={"name": "description"})
    assert meta["content"] == "Rice prices rise"


def test_khmer_pages_preload_the_khmer_face_and_every_page_has_an_icon(client):
    story = ArticleFactory(published=True, title_km=KHMER_TITLE)
    for language, preloads in (("en", 0), ("km", 2)):
        page = soup(client, story.get_absolute_url(language))
        fonts = page.select('link[rel="preload"][as="font"]')
        assert len(fonts) == preloads
        assert all("noto-sans-khmer" in link["href"] for link in fonts)
        assert all(link.has_attr("crossorigin") for link in fonts)
        assert page.select_one('link[rel="icon"]')["href"].endswith(".png")
