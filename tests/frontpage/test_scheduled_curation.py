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


@pytest.fixture
def evening(settings):
    """At 19:00: the day's lead, and the results story scheduled for 20:00."""
    with time_machine.travel(EIGHT_PM - timedelta(hours=1), tick=False) as clock:
        published = EIGHT_PM - timedelta(days=1)
        day = ArticleFactory(
            published=True,
            title_en="Polls open",
            title_km="ការបោះឆ្នោតចាប់ផ្តើម",
            published_at_en=published,
            published_at_km=published,
        )
        night = ArticleFactory(
            published=True,
            title_en="First results",
            title_km="លទ្ធផលដំបូង",
            published_at_en=published - timedelta(days=1),
            published_at_km=published - timedelta(days=1),
        )
        for language in ("en", "km"):
            FrontPageItemFactory(
                language=language,
                rail=Rail.LEAD,
                article=day,
                position=1,
                show_until=EIGHT_PM,
            )
            FrontPageItemFactory(
                language=language,
                rail=Rail.LEAD,
                article=night,
                position=0,
                show_from=EIGHT_PM,
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


def admin_form(**schedule):
    return {
        "language": "en",
        "rail": Rail.LEAD,
        "position": 0,
        "show_from_0": "",
        "show_from_1": "",
        "show_until_0": "",
        "show_until_1": "",
        **schedule,
    }


def test_the_admin_schedules_an_item_and_refuses_an_end_before_its_start(
    editor_client,
):
    story = ArticleFactory(published=True)
    url = reverse("admin:frontpage_frontpageitem_add")
    form = editor_client.get(url).content.decode()
    assert 'name="show_from_0"' in form and 'name="show_until_0"' in form
    response = editor_client.post(
        url,
        admin_form(
            article=story.pk,
            show_from_0="2018-07-29",
            show_from_1="20:00:00",
            show_until_0="2018-07-29",
            show_until_1="19:00:00",
        ),
    )
    assert response.status_code == 200
    assert "The story would never show" in response.content.decode()
    assert not FrontPageItem.objects.exists()
    response = editor_client.post(
        url,
        admin_form(
            article=story.pk,
            show_from_0="2018-07-29",
            show_from_1="20:00:00",
        ),
    )
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
