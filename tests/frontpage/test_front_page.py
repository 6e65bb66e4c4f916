"""The front page per language: curated rails, latest stories where none, cached."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from articles.models import Layout, Status
from frontpage.models import FrontPageItem, Rail
from tests.factories import KHMER_TITLE, ArticleFactory, PhotoFactory
from tests.factories.frontpage import FrontPageItemFactory, SeriesPartFactory
from tests.factories.people import QuoteFactory

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(page, selector):
    return [a.get_text() for a in page.select(f"{selector} .card__title a")]


def story(days_ago, **kwargs):
    when = timezone.now() - timedelta(days=days_ago)
    return ArticleFactory(
        published=True, published_at_en=when, published_at_km=when, **kwargs
    )


def test_without_curation_the_latest_published_stories_fill_the_page(client):
    old, _new = story(5, title_en="Old"), story(1, title_en="New")
    ArticleFactory(title_en="Draft")  # never public
    page = soup(client.get("/en/"))
    assert page.select_one(".lead__title a").get_text() == "New"
    assert titles(page, ".rail--top") == ["Old"]
    assert "Draft" not in page.get_text()
    assert old.get_absolute_url("en") in str(page)


def test_editors_choose_the_lead_and_the_order_of_top_stories(client):
    first, second, third = (story(n, title_en=f"Story {n}") for n in (1, 2, 3))
    FrontPageItemFactory(rail=Rail.LEAD, article=third)
    FrontPageItemFactory(rail=Rail.TOP, article=first, position=2)
    FrontPageItemFactory(rail=Rail.TOP, article=second, position=1)
    page = soup(client.get("/en/"))
    assert page.select_one(".lead__title a").get_text() == "Story 3"
    assert titles(page, ".rail--top") == ["Story 2", "Story 1"]


def test_only_stories_published_in_the_language_show(client):
    english_only = ArticleFactory(english_only=True, title_en="English only")
    FrontPageItemFactory(language="km", rail=Rail.LEAD, article=english_only)
    FrontPageItemFactory(language="en", rail=Rail.LEAD, article=english_only)
    both = story(3, title_km=KHMER_TITLE)
    km = soup(client.get("/km/"))
    assert km.select_one(".lead__title a").get_text() == KHMER_TITLE
    assert both.get_absolute_url("km") in str(km)
    assert "English only" not in km.get_text()
    en = soup(client.get("/en/"))
    assert en.select_one(".lead__title a").get_text() == "English only"


def test_rails_fall_back_to_the_stories_that_fit_them(client):
    story(0, title_en="Lead")
    story(1, title_en="A video", layout=Layout.POST_VIDEO, youtube_id="e3JxFw03tco")
    story(2, title_en="A quote", layout=Layout.QUOTE)
    page = soup(client.get("/en/"))
    assert titles(page, ".rail--videos") == ["A video"]
    assert titles(page, ".rail--quotes") == ["A quote"]


def test_the_spotlight_is_the_series_in_the_navigation(client):
    part = SeriesPartFactory(article=story(2, title_en="Nobody’s Puppet"))
    story(1, title_en="Lead")
    page = soup(client.get("/en/"))
    heading = page.select_one(".rail--spotlight h2 a")
    assert heading.get_text() == "The Hun Sen Interview"
    assert heading["href"] == part.series.get_absolute_url("en")
    assert titles(page, ".rail--spotlight") == ["Nobody’s Puppet"]


def test_khmer_front_page_labels_are_khmer(client):
    story(0)
    story(1, layout=Layout.POST_VIDEO)
    story(2, layout=Layout.QUOTE)
    page = soup(client.get("/km/"))
    headings = [h.get_text() for h in page.select(".rail > h2")]
    assert headings == ["អត្ថបទសំខាន់ៗ", "វីដេអូ", "សម្រង់សម្តី"]
    switch = page.select_one(".language-switch a")
    assert (switch.get_text(), switch["lang"], switch["href"]) == (
        "English",
        "en",
        "/en/",
    )


@pytest.mark.parametrize("count", [3, 15])
def test_the_front_page_costs_a_fixed_number_of_queries(
    client, django_assert_num_queries, count, warm_renditions
):
    stories = [story(n) for n in range(count)]
    for rail in Rail:
        FrontPageItemFactory(rail=rail, article=stories[0])
    SeriesPartFactory(article=stories[1])
    for source in stories:
        QuoteFactory(portrait=PhotoFactory(), source_story=source)
    warm_renditions()
    # curated items, newest, videos, profiles, quotes, series, its parts,
    # photo placements of the cards, navigation (sections, series); the quote
    # ribbon's cards, their portraits' renditions and their source stories
    # +1 (issue 10): the navigation's links to people, parties, results… (one query)
    with django_assert_num_queries(14):
        client.get("/en/")


def test_a_curation_change_in_the_admin_shows_at_once(
    client, editor_client, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    story(1, title_en="Latest")
    chosen = story(9, title_en="Chosen by the desk")
    anonymous = client.__class__()
    assert soup(anonymous.get("/en/")).select_one(".lead__title a").get_text() == (
        "Latest"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("admin:frontpage_frontpageitem_add"),
            {"language": "en", "rail": Rail.LEAD, "article": chosen.pk, "position": 0},
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert FrontPageItem.objects.count() == 1
    lead = soup(anonymous.get("/en/")).select_one(".lead__title a").get_text()
    assert lead == "Chosen by the desk"
    cache.clear()


def test_a_withdrawn_curated_story_leaves_the_front_page(client):
    lead = story(1, title_en="Withdrawn later")
    FrontPageItemFactory(rail=Rail.LEAD, article=lead)
    story(2, title_en="Still live")
    lead.status_en = Status.WITHDRAWN
    lead.save()
    page = soup(client.get("/en/"))
    assert page.select_one(".lead__title a").get_text() == "Still live"


def test_quote_cards_ride_the_front_page_ribbon_in_their_language(client):
    """The archive's quote ribbon: people.Quote cards, never dated stories."""
    # Nou Sari's words, from the archive sample's Khmer quote post.
    words_km = "ខ្ញុំបោះឆ្នោតឲ្យតែ ហ៊ុន សែន។"
    QuoteFactory(words_en="I voted for Hun Sen.", words_km=words_km)
    QuoteFactory(words_en="Only in English.", words_km="")
    english = BeautifulSoup(client.get("/en/").content, "html.parser")
    khmer = BeautifulSoup(client.get("/km/").content, "html.parser")
    ribbon_en = [q.get_text() for q in english.select(".quote-ribbon blockquote")]
    ribbon_km = [q.get_text() for q in khmer.select(".quote-ribbon blockquote")]
    assert sorted(ribbon_en) == ["I voted for Hun Sen.", "Only in English."]
    assert ribbon_km == [words_km]
    assert khmer.select_one("link[href$='people/context.css']") is not None
