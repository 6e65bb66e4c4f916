"""The pages that are no section (people, parties, timeline, quotes, results,
live coverage) are linked from every page's navigation or footer, from content."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse

from articles.models import Layout, Section
from frontpage.models import NavigationLink
from frontpage.navigation_pages import Place, registered
from tests.factories import ArticleFactory
from tests.factories.elections import ProvinceResultFactory
from tests.factories.people import (
    PartyFactory,
    PersonFactory,
    QuoteFactory,
    TimelineEventFactory,
)

pytestmark = pytest.mark.django_db

# The words each link shows, per language (people/labels.py, elections'
# labels, settings.NEWSROOM["LIVE_LABELS"]).
LABELS = {
    "en": {
        "live": "Live updates",
        "results": "Election results",
        "people": "People",
        "parties": "Parties",
        "timeline": "Timeline",
        "quotes": "Voices",
    },
    "km": {
        "live": "ព័ត៌មានផ្ទាល់",
        "results": "លទ្ធផលបោះឆ្នោត",
        "people": "បុគ្គល",
        "parties": "គណបក្សនយោបាយ",
        "timeline": "កាលប្បវត្តិ",
        "quotes": "សំឡេង",
    },
}


def links(client, path, selector):
    response = client.get(path)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return [(a.get_text(), a["href"]) for a in page.select(f"{selector} a")]


@pytest.fixture
def every_context_page():
    """Something public on each context page, in both languages."""
    live = ArticleFactory(published=True, layout=Layout.LIVE)
    PersonFactory(party=PartyFactory())
    TimelineEventFactory()
    QuoteFactory()
    ProvinceResultFactory()
    return live


def test_migrate_made_a_link_for_every_registered_page():
    assert set(NavigationLink.objects.values_list("page", flat=True)) == set(
        registered()
    )
    assert set(registered()) == set(LABELS["en"])


@pytest.mark.parametrize("language", ["en", "km"])
def test_each_context_page_is_linked_from_the_front_page(
    client, every_context_page, language
):
    footer = links(client, f"/{language}/", ".site-footer nav")
    header = links(client, f"/{language}/", ".site-nav")
    live_url = f"/{language}/live/{every_context_page.pk}/"
    expected = [
        (LABELS[language]["live"], live_url),
        (LABELS[language]["results"], f"/{language}/results/"),
        (LABELS[language]["people"], f"/{language}/people/"),
        (LABELS[language]["parties"], f"/{language}/parties/"),
        (LABELS[language]["timeline"], f"/{language}/timeline/"),
        (LABELS[language]["quotes"], f"/{language}/quotes/"),
    ]
    assert footer == expected
    # Live coverage and results are in the header too (their default place).
    assert header == expected[:2]
    # Every link leads to a page that answers in this language.
    for _label, url in footer:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert response.redirect_chain == [] or url == live_url
    assert client.get(live_url).url == every_context_page.get_absolute_url(language)


def test_a_link_shows_only_in_the_languages_its_page_has_content_in(client):
    PersonFactory(name_km="", party=None)  # a biography written in English only
    english = [label for label, _url in links(client, "/en/", ".site-footer nav")]
    khmer = [label for label, _url in links(client, "/km/", ".site-footer nav")]
    assert english == ["People"]
    assert khmer == []
    # A live story published in English only: no live link on Khmer pages.
    ArticleFactory(english_only=True, layout=Layout.LIVE)
    assert "Live updates" in [label for label, _ in links(client, "/en/", ".site-nav")]
    assert links(client, "/km/", ".site-nav") == []


def test_editors_choose_the_place_and_order_among_sections(client, every_context_page):
    Section.objects.filter(slug_en="video").update(in_navigation=True, position=5)
    NavigationLink.objects.filter(page="people").update(
        place=Place.NAVIGATION, position=1
    )
    NavigationLink.objects.filter(page="live").update(place=Place.HIDDEN)
    NavigationLink.objects.filter(page="results").update(place=Place.FOOTER)
    header = [label for label, _url in links(client, "/km/", ".site-nav")]
    footer = [label for label, _url in links(client, "/km/", ".site-footer nav")]
    assert header == ["បុគ្គល", "វីដេអូ"]
    assert footer == [
        "បុគ្គល",
        "វីដេអូ",
        "លទ្ធផលបោះឆ្នោត",
        "គណបក្សនយោបាយ",
        "កាលប្បវត្តិ",
        "សំឡេង",
    ]


def test_a_change_in_the_navigation_links_admin_shows_at_once(
    client, editor_client, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = settings.PAGE_DATA_SECONDS = 300
    PersonFactory()
    anonymous = client.__class__()
    assert links(anonymous, "/en/", ".site-nav") == []
    link = NavigationLink.objects.get(page="people")
    form = editor_client.get(
        reverse("admin:frontpage_navigationlink_change", args=[link.pk])
    )
    assert form.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("admin:frontpage_navigationlink_change", args=[link.pk]),
            {"place": Place.NAVIGATION, "position": 0},
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert links(anonymous, "/en/", ".site-nav") == [("People", "/en/people/")]
    listed = editor_client.get(reverse("admin:frontpage_navigationlink_changelist"))
    assert "Election results (/results/)" in listed.content.decode()
    # Editors place the links; they never add or remove one.
    add = editor_client.get(reverse("admin:frontpage_navigationlink_add"))
    assert add.status_code == 403


def test_the_navigation_costs_one_query_whatever_the_number_of_pages(
    client, django_assert_num_queries, every_context_page
):
    from frontpage.navigation import content_links

    with django_assert_num_queries(1):
        assert len(content_links("km")) == len(registered())


def test_a_new_database_gets_the_links_again_without_losing_choices():
    NavigationLink.objects.filter(page="quotes").update(place=Place.HIDDEN)
    NavigationLink.objects.filter(page="timeline").delete()
    call_command("migrate", verbosity=0)
    assert NavigationLink.objects.get(page="quotes").place == Place.HIDDEN
    assert NavigationLink.objects.get(page="timeline").place == Place.FOOTER
