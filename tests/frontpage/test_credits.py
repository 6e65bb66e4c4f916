"""The archive's credits posts: the footer's credits page, never a dated story.

The sample has no credits post; the archive's two (english/_posts/
2014-01-01-credits.md, khmer/_posts/2017-01-01-credits.md) are written into a
copy of it with their own words.
"""

import shutil

import pytest
from bs4 import BeautifulSoup

from articles.importers.jekyll import handlers, import_site
from articles.models import Article, ImportedPost
from frontpage.models import CreditsBlock
from tests.syndication_support import get_feed, make_partner

pytestmark = [pytest.mark.django_db, pytest.mark.fixtures_voa]
CREDITS = {
    "english/_posts/2014-01-01-credits.md": (
        "title: Project credits\ncategories: credits\nlanguage: english",
        "Camera and video production: Chhengpor Aun, David Boyle\n\n"
        "Web production: Brian Williamson",
    ),
    "khmer/_posts/2017-01-01-credits.md": (
        "title:  ក្រុមការងារ\ncategories: credits\nlanguage: khmer",
        "អ្នករាយការណ៍៖ ខាន់ សុគុំមនោ, ឆេង ចន្នី, ទុំ ម្លិះ\n\nអ្នក\u200bគ្រប់គ្រងបណ្តាញសង្គម៖ ចាប ចិត្រា",
    ),
}


@pytest.fixture
def site(tmp_path, voa_fixtures):
    copy = tmp_path / "voa"
    shutil.copytree(voa_fixtures, copy)
    for path, (front, body) in CREDITS.items():
        (copy / path).write_text(f"---\n{front}\n---\n\n{body}\n", "utf-8")
    return copy


def footer_link(client, url):
    page = BeautifulSoup(client.get(url).content, "html.parser")
    return page.select_one("footer .site-footer__credits a")


def test_credits_posts_are_the_footers_credits_page(client, site):
    report = import_site(site)
    assert report.ok, report.failures
    assert report.handed_over["frontpage: credits"] == 1
    block = CreditsBlock.objects.get(slug="credits")
    assert block.title_km == "ក្រុមការងារ"
    assert "Brian Williamson" in block.body_en
    assert not Article.objects.filter(section__slug_en="credits").exists()
    for folder, language, label in (
        ("english", "en", "Project credits"),
        ("khmer", "km", "ក្រុមការងារ"),
    ):
        old = client.get(f"/{folder}/credits/credits.html")
        assert old.status_code == 301 and old["Location"] == f"/{language}/credits/"
        story = Article.objects.published(language).first()
        link = footer_link(client, story.get_absolute_url(language))
        assert (link.get_text(), link["href"]) == (label, f"/{language}/credits/")
    khmer = client.get("/km/credits/").content.decode()
    assert "អ្នករាយការណ៍៖ ខាន់ សុគុំមនោ" in khmer and "Brian" not in khmer
    assert "<h1>ក្រុមការងារ</h1>" in khmer
    feed = get_feed(client, key=make_partner()[1])
    assert len(feed["items"]) == Article.objects.count()
    assert "/credits/" not in client.get("/sitemap.xml").content.decode()


def test_reimport_converts_the_credits_story(client, site, monkeypatch):
    with monkeypatch.context() as earlier:
        earlier.setattr(handlers, "_post_handlers", {})
        assert import_site(site).ok
    story = Article.objects.get(section__slug_en="credits")
    old_url = story.get_absolute_url("km")
    assert client.get(old_url).status_code == 200
    assert import_site(site).ok
    response = client.get(old_url)
    assert response.status_code == 301 and response["Location"] == "/km/credits/"
    assert not Article.objects.published("en").filter(pk=story.pk).exists()
    assert ImportedPost.objects.get(legacy_path="/english/credits/credits.html")


def test_credits_page_query_count(client, django_assert_num_queries):
    from tests.factories.frontpage import CreditsBlockFactory

    CreditsBlockFactory.create_batch(3)
    for language in ("en", "km"):
        # the blocks, and the navigation (sections, series)
        # +1 (issue 10): the navigation's links to people, parties, results…
        with django_assert_num_queries(4):
            response = client.get(f"/{language}/credits/")
        assert response.status_code == 200
    assert client.get("/km/credits/").content.decode().count("ខាន់ សុគុំមនោ") == 3
