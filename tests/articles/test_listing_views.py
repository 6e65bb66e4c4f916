"""Section, tag and author pages: paginated, per language, fixed queries."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from articles.cards import PAGE_SIZE
from articles.models import Section
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    PhotoFactory,
    PhotoPlacementFactory,
    SectionFactory,
)
from tests.factories.articles import ImportedPostFactory

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def stories(count, **kwargs):
    now = timezone.now()
    return [
        ArticleFactory(
            published=True,
            published_at_en=now - timedelta(hours=n + 1),
            published_at_km=now - timedelta(hours=n + 1),
            title_en=f"Story {n}",
            **kwargs,
        )
        for n in range(count)
    ]


def card_titles(page):
    return [a.get_text() for a in page.select(".cards .card__title a")]


def test_section_page_has_its_title_and_description_in_each_language(client):
    Section.objects.filter(slug_en="feature").update(
        description_en="Long reads from the provinces.",
        description_km="អត្ថបទវែងៗពីខេត្ត។",
    )
    stories(2)
    en = soup(client.get("/en/feature/"))
    assert en.h1.get_text() == "Feature"
    assert en.find("meta", attrs={"name": "description"})["content"] == (
        "Long reads from the provinces."
    )
    assert card_titles(en) == ["Story 0", "Story 1"]
    km = soup(client.get("/km/feature/"))
    assert km.h1.get_text() == "អត្ថបទពិសេស"
    assert km.find("title").get_text().startswith("អត្ថបទពិសេស")
    assert km.select_one(".language-switch a")["href"] == "/en/feature/"


def test_section_pages_paginate_with_rel_next_and_prev(client):
    stories(PAGE_SIZE + 1)
    first = soup(client.get("/en/feature/"))
    assert len(card_titles(first)) == PAGE_SIZE
    assert first.find("link", rel="next")["href"] == "?page=2"
    assert first.find("link", rel="prev") is None
    second = soup(client.get("/en/feature/?page=2"))
    assert card_titles(second) == [f"Story {PAGE_SIZE}"]
    assert second.find("link", rel="prev")["href"] == "?page=1"
    assert second.select_one(".pager span").get_text() == "Page 2 of 2"
    khmer = soup(client.get("/km/feature/?page=2"))
    assert khmer.select_one(".pager span").get_text() == "ទំព័រ ២ នៃ ២"
    assert client.get("/en/feature/?page=3").status_code == 404
    assert client.get("/en/feature/?page=x").status_code == 404


def test_drafts_and_other_languages_stay_off_lists(client):
    ArticleFactory(title_en="Draft")
    ArticleFactory(english_only=True, title_en="English only")
    en = soup(client.get("/en/feature/"))
    assert card_titles(en) == ["English only"]
    km = soup(client.get("/km/feature/"))
    assert card_titles(km) == []


def test_tag_page_lists_the_tagged_stories(client):
    tagged, _other = stories(2)
    tagged.tags.add("development")
    page = soup(client.get("/km/tags/development/"))
    assert page.h1.get_text() == "អត្ថបទដែលមានស្លាក «development»"
    assert [a["href"] for a in page.select(".card__title a")] == [
        tagged.get_absolute_url("km")
    ]
    assert client.get("/en/tags/nothing/").status_code == 404


def test_author_page_shows_photo_role_and_bio(client):
    author = AuthorFactory(
        display_name_en="Sun Narin",
        display_name_km="ស៊ុន ណារិន",
        role_en="Reporter",
        role_km="អ្នកយកព័ត៌មាន",
        bio_km="ស៊ុន ណារិន ជាអ្នកយកព័ត៌មាន VOA ខ្មែរ។",
        photo=PhotoFactory(),
    )
    for article in stories(2):
        BylineFactory(article=article, author=author)
    page = soup(client.get(author.get_absolute_url("km")))
    assert page.h1.get_text() == "ស៊ុន ណារិន"
    assert page.select_one(".story-list__role").get_text() == "អ្នកយកព័ត៌មាន"
    assert "VOA ខ្មែរ" in page.select_one(".story-list__description").get_text()
    assert page.select_one(".story-list__portrait") is not None
    assert len(card_titles(page)) == 2


@pytest.mark.parametrize(
    "url", ["/en/feature/", "/km/tags/development/", "/en/authors/sun-narin/"]
)
def test_list_pages_cost_the_same_queries_whatever_their_length(
    client, django_assert_num_queries, url, warm_renditions
):
    author = AuthorFactory(slug="sun-narin")
    counts = []
    for count in (2, 12):
        for article in stories(count):
            article.tags.add("development")
            BylineFactory(article=article, author=author)
            PhotoPlacementFactory(article=article, kind="hero", position=1)
        warm_renditions()
        # the page's subject, count, slice, card photos and their renditions,
        # navigation (sections, series)
        # +1 (issue 10): the navigation's links to people, parties, results… (one query)
        with django_assert_num_queries(8) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/english/feature/", "/en/feature/"),
        ("/english/profile/voter/", "/en/voter/"),
        ("/khmer/profile/politician/", "/km/politician/"),
        ("/khmer/profile/nobody/", "/km/profile/"),
        ("/khmer/", "/km/"),
    ],
)
def test_old_archive_indexes_answer_301_to_the_new_pages(client, old, new):
    SectionFactory(slug_en="voter", name_en="Voter")  # the others are the defaults
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new


def test_an_old_index_of_no_section_is_a_plain_404(client):
    ImportedPostFactory()
    response = client.get("/english/nothing/", follow=True)
    assert response.status_code == 404
