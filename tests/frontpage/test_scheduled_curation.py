"""Scheduled curation: a new lead takes over at its time, cached pages too."""

from datetime import timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.page_cache import SCHEDULE_KEY, current_reader_version
from frontpage.admin import schedule_summary
from frontpage.models import FrontPageItem, Rail
from tests.factories import ArticleFactory
from tests.factories.frontpage import FrontPageItemFactory

pytestmark = pytest.mark.django_db

EIGHT_PM = timezone.make_aware(timezone.datetime(2018, 7, 29, 20, 0))


def lead(client, language="en"):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return page.select_one(".lead__title a").get_text()


def published_story(title_en, title_km, days_before):
    when = EIGHT_PM - timedelta(days=days_before)
    return ArticleFactory(
        published=True,
        title_en=title_en,
        title_km=title_km,
        published_at_en=when,
        published_at_km=when,
    )


@pytest.fixture
def evening(settings):
    """At 19:00: the day's lead until 20:00, the results story from 20:00."""
    with time_machine.travel(EIGHT_PM - timedelta(hours=1), tick=False) as clock:
        day = published_story("Polls open", "ការបោះឆ្នោតចាប់ផ្តើម", 1)
        night = published_story("First results", "លទ្ធផលដំបូង", 2)  # older
        schedule = [
            (day, 1, {"show_until": EIGHT_PM}),
            (night, 0, {"show_from": EIGHT_PM}),
        ]
        for language in ("en", "km"):
            for story, position, times in schedule:
                FrontPageItemFactory(
                    language=language,
                    rail=Rail.LEAD,
                    article=story,
                    position=position,
                    **times,
                )
        yield clock


def test_an_item_scheduled_for_later_shows_from_its_time(client, evening):
    assert lead(client) == "Polls open"
    assert lead(client, "km") == "ការបោះឆ្នោតចាប់ផ្តើម"
    evening.move_to(EIGHT_PM)
    assert lead(client) == "First results"
    assert lead(client, "km") == "លទ្ធផលដំបូង"


@pytest.mark.parametrize("cached", ["page cache", "page data only"])
def test_the_cache_never_serves_the_old_front_after_the_time(
    evening, settings, cached, django_assert_num_queries
):
    settings.PAGE_DATA_SECONDS = 300
    settings.PAGE_CACHE_SECONDS = 300 if cached == "page cache" else 0
    cache.clear()
    reader = Client()
    evening.move_to(EIGHT_PM - timedelta(minutes=1))  # kept well past 20:00
    assert lead(reader) == "Polls open"
    before = current_reader_version()
    evening.move_to(EIGHT_PM - timedelta(seconds=1))
    if cached == "page cache":
        with django_assert_num_queries(0):  # served from the cache until 20:00
            assert lead(reader) == "Polls open"
    assert current_reader_version() == before
    evening.move_to(EIGHT_PM)
    assert current_reader_version() != before
    assert lead(reader) == "First results"
    assert lead(reader, "km") == "លទ្ធផលដំបូង"
    cache.clear()


def test_an_item_leaves_at_its_show_until(client, evening):
    FrontPageItem.objects.filter(show_until=EIGHT_PM).delete()
    FrontPageItem.objects.update(show_from=None, show_until=EIGHT_PM)
    assert lead(client) == "First results"  # curated, though older
    evening.move_to(EIGHT_PM + timedelta(minutes=1))
    # No curated lead left: the newest story leads, as on an uncurated page.
    assert lead(client) == "Polls open"
    assert FrontPageItem.objects.showing().count() == 0


def admin_form(article, show_from="", show_until=""):
    """The add form's fields; times as "HH:MM" on 29 July 2018."""
    day = "2018-07-29"
    return {
        "language": "en",
        "rail": Rail.LEAD,
        "position": 0,
        "article": article.pk,
        "show_from_0": day if show_from else "",
        "show_from_1": show_from,
        "show_until_0": day if show_until else "",
        "show_until_1": show_until,
    }


def test_the_admin_schedules_an_item_and_refuses_an_end_before_its_start(
    editor_client,
):
    story = ArticleFactory(published=True)
    url = reverse("admin:frontpage_frontpageitem_add")
    form = editor_client.get(url).content.decode()
    assert 'name="show_from_0"' in form and 'name="show_until_0"' in form
    response = editor_client.post(
        url, admin_form(story, show_from="20:00", show_until="19:00")
    )
    assert response.status_code == 200
    assert "The story would never show" in response.content.decode()
    assert not FrontPageItem.objects.exists()
    response = editor_client.post(url, admin_form(story, show_from="20:00"))
    assert response.status_code == 302
    item = FrontPageItem.objects.get()
    assert timezone.localtime(item.show_from).hour == 20
    assert schedule_summary(item, item.show_from - timedelta(hours=1)) == (
        "from 29 Jul 2018 20:00"
    )
    assert schedule_summary(item, item.show_from) == "now"
    changelist = reverse("admin:frontpage_frontpageitem_changelist")
    with time_machine.travel(EIGHT_PM - timedelta(hours=1)):
        assert (
            "from 29 Jul 2018 20:00" in editor_client.get(changelist).content.decode()
        )
    assert ">now<" in editor_client.get(changelist).content.decode()


def test_a_forgotten_schedule_never_brings_back_a_page_of_before_its_time(
    evening, settings
):
    """The schedule's cache key evicted after 20:00: read again, it no longer
    knows 20:00, and the pages kept before it must stay unused."""
    settings.PAGE_CACHE_SECONDS = settings.PAGE_DATA_SECONDS = 300
    cache.clear()
    reader = Client()
    evening.move_to(EIGHT_PM - timedelta(minutes=1))
    assert lead(reader) == "Polls open"  # kept for five minutes
    evening.move_to(EIGHT_PM + timedelta(minutes=1))
    cache.delete(SCHEDULE_KEY)
    assert lead(reader) == "First results"
    cache.clear()
