"""The context pages in both languages, and auto-links on the story page."""

import datetime

import pytest
from bs4 import BeautifulSoup

from people.models import AutoLinkOptOut
from tests.factories import ArticleFactory, PhotoFactory
from tests.factories.people import (
    PartyFactory,
    PersonFactory,
    PersonPhotoFactory,
    QuoteFactory,
    TimelineEventFactory,
    archive_cpp,
    archive_hun_sen,
)

pytestmark = pytest.mark.django_db
ZWSP = "\u200b"
# From the archive sample: khmer/_posts/2018-05-02-hun-sen.md, the timeline.
KHMER_SENTENCE = "ផ្លូវ​ សាលា​រៀន និង​ស្ពាន ត្រូវ​បាន​ដាក់ឈ្មោះ​របស់​លោក​ ហ៊ុន​ សែន ទោះ​បី​ជា"
KHMER_PARTY = "គណបក្ស​ប្រជាជន​កម្ពុជា​របស់​លោក​នាយករដ្ឋមន្ត្រី ហ៊ុន សែន បាន​បញ្ជាក់​​ថា"


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def cpp():
    return archive_cpp()


@pytest.fixture
def hun_sen(cpp):
    return archive_hun_sen(
        cpp,
        body_en="He was born in Kampong Cham. The CPP made him its president."
        "\n\nWhen the Khmer Rouge collapsed on [January 7, 1979](#jan_7_1979)…",
        body_km="គណបក្ស​ប្រជាជន​កម្ពុជា",
    )


def test_person_page_in_both_languages(client, hun_sen):
    TimelineEventFactory(date=datetime.date(1979, 1, 7), anchor="jan_7_1979")
    page = soup_of(client.get("/en/people/hun-sen/"))
    assert page.h1.get_text() == "Hun Sen"
    assert page.select_one(".entry__role").get_text() == "Prime Minister"
    assert page.select_one(".entry__party a")["href"] == "/en/parties/cpp/"
    assert "Researched and written by" in page.select_one(".entry__credit").get_text()
    body = page.select_one(".entry__body")
    # Other entries are linked; the page never links to itself.
    assert [a["href"] for a in body.select("a.context-mention__link")] == [
        "/en/parties/cpp/"
    ]
    assert body.find("a", string="January 7, 1979")["href"] == (
        "/en/timeline/#jan_7_1979"
    )
    assert page.find("time") is None  # no placeholder dates from the archive
    khmer = soup_of(client.get("/km/people/hun-sen/"))
    assert khmer.h1.get_text() == "ហ៊ុន សែន"
    assert khmer.select_one(".entry__kind").get_text() == "ជីវប្រវត្តិ"
    assert khmer.select_one(".entry__credit").get_text().startswith("ស្រាវជ្រាវ")
    assert khmer.select_one("a.context-mention__link").get_text() == (
        "គណបក្ស​ប្រជាជន​កម្ពុជា"
    )


def test_an_entry_without_a_name_in_a_language_has_no_page_there(client):
    PersonFactory(slug="lon-nol", name_en="Lon Nol", name_km="")
    assert client.get("/en/people/lon-nol/").status_code == 200
    assert client.get("/km/people/lon-nol/").status_code == 404
    assert client.get("/en/people/nobody/").status_code == 404


def test_party_page_lists_its_members(client, hun_sen, cpp):
    page = soup_of(client.get(cpp.get_absolute_url("km")))
    assert page.h1.get_text(" ", strip=True).startswith("គណបក្សប្រជាជនកម្ពុជា")
    assert [a["href"] for a in page.select(".entry__members a")] == [
        "/km/people/hun-sen/"
    ]
    assert cpp.get_absolute_url("en") == "/en/parties/cpp/"


def test_index_pages_list_entries_of_the_language(client, hun_sen):
    PersonFactory(slug="lon-nol", name_en="Lon Nol", name_km="")
    english = soup_of(client.get("/en/people/"))
    assert [a.get_text() for a in english.select(".context-index h2 a")] == [
        "Hun Sen",
        "Lon Nol",
    ]
    khmer = soup_of(client.get("/km/people/"))
    assert [a.get_text() for a in khmer.select(".context-index h2 a")] == ["ហ៊ុន សែន"]
    assert khmer.select_one(".context-index h1").get_text() == "បុគ្គល"
    parties = soup_of(client.get("/km/parties/"))
    assert parties.select_one(".context-index h2 a")["href"] == "/km/parties/cpp/"


def test_timeline_in_both_languages_with_archive_anchors(client):
    TimelineEventFactory(
        date=datetime.date(1953, 11, 9),
        anchor="nov_9_1953",
        headline_en="Cambodia gains independence from France",
        headline_km="",
    )
    TimelineEventFactory()
    TimelineEventFactory(headline_en="Polls open in Cambodia's sixth national election")
    TimelineEventFactory(
        date=datetime.date(2013, 9, 1),
        anchor="",
        date_label_en="Sept-Dec 2013",
        headline_en="Protests",
    )
    page = soup_of(client.get("/en/timeline/"))
    events = page.select(".timeline__event")
    ids = [event["id"] for event in events]
    assert ids[0] == "july_29_2018"  # newest first, as the archive had it
    assert ids[1].startswith("event-")  # the second July 29 event: ids stay unique
    assert ids[3] == "nov_9_1953"
    assert events[2].select_one(".timeline__date").get_text() == "Sept-Dec 2013"
    assert events[0].select_one(".timeline__date").get_text() == "July 29, 2018"
    khmer = soup_of(client.get("/km/timeline/"))
    dates = [p.get_text() for p in khmer.select(".timeline__date")]
    assert dates[0] == "២៩ កក្កដា ២០១៨"
    assert "nov_9_1953" not in [e["id"] for e in khmer.select(".timeline__event")]


def test_quote_cards_show_the_source_story_only_when_public(client, hun_sen):
    public = ArticleFactory(published=True, title_km="ជីវិតនៅខេត្តកំពត")
    QuoteFactory(slug="nou-sari", source_story=public)
    QuoteFactory(slug="draft-source", source_story=ArticleFactory())
    page = soup_of(client.get("/km/quotes/"))
    cards = page.select(".quote-card")
    assert [card["id"] for card in cards] == ["quote-draft-source", "quote-nou-sari"]
    assert cards[0].select_one(".quote-card__story") is None
    story = cards[1].select_one(".quote-card__story")
    assert story["href"] == public.get_absolute_url("km")
    assert cards[1].select_one(".quote-card__details").get_text() == (
        "៥៨, កសិករ, ខេត្តកំពត"
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    # +2 on each: the navigation's sections and series (frontpage.navigation);
    # +1 (issue 10): its links to people, parties, results… (one query)
    [("/en/people/", 5), ("/km/parties/", 5), ("/en/timeline/", 5), ("/km/quotes/", 6)],
)
def test_list_pages_have_a_fixed_query_count(
    client, django_assert_num_queries, warm_renditions, url, expected
):
    def add_content():
        party = PartyFactory(logo=PhotoFactory())
        PersonFactory(party=party, portrait=PhotoFactory())
        TimelineEventFactory(photo=PhotoFactory())
        QuoteFactory(portrait=PhotoFactory(), source_story=ArticleFactory())

    add_content()
    warm_renditions()
    client.get(url)  # fills the auto-link index
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200
    for _ in range(5):
        add_content()
    warm_renditions()
    client.get(url)
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


def test_detail_pages_have_a_fixed_query_count(
    client, django_assert_num_queries, warm_renditions, hun_sen, cpp
):
    hun_sen.portrait = PhotoFactory()
    hun_sen.save()
    for _ in range(3):
        TimelineEventFactory(person=hun_sen, party=cpp, photo=PhotoFactory())
        PersonFactory(party=cpp)
        PersonPhotoFactory(person=hun_sen)
    warm_renditions()
    client.get("/en/people/hun-sen/")
    # person with party and portrait, renditions, events, their photos' renditions;
    # the navigation (sections, series); since the biography's own photos
    # (issue 11): + its photos and their renditions
    # +1 (issue 10): the navigation's links to people, parties, results… (one query)
    with django_assert_num_queries(9):
        client.get("/en/people/hun-sen/")
    # party, members, events, their photos' renditions (no logo: no query for it);
    # the navigation; + the party's photos (none: no renditions query)
    # +1 (issue 10): the navigation's links to people, parties, results… (one query)
    with django_assert_num_queries(8):
        client.get("/km/parties/cpp/")


def story_page(client, article, language):
    page = soup_of(client.get(article.get_absolute_url(language)))
    return page.select_one(".post__body")


def test_a_story_links_the_first_mention_in_both_languages(client, hun_sen):
    article = ArticleFactory(
        published=True,
        body_en="## Hun Sen\n\nPrime Minister Hun Sen’s ruling party, the CPP, "
        "says it won. Hun Sen spoke.\n\n> Hun Sen said so.",
        body_km=f"{KHMER_SENTENCE}\n\n{KHMER_PARTY}",
    )
    body = story_page(client, article, "en")
    assert [(a["href"], a.get_text()) for a in body.select(".context-mention a")] == [
        ("/en/people/hun-sen/", "Hun Sen"),
        ("/en/people/hun-sen/", "Biography"),
        ("/en/parties/cpp/", "CPP"),
        ("/en/parties/cpp/", "History"),
    ]
    assert body.h2.get_text() == "Hun Sen"
    assert body.blockquote.find("a") is None
    card = body.select_one("#context-card-person-hun-sen")
    assert card.select_one(".context-card__summary").get_text().startswith("One of")
    khmer = story_page(client, article, "km")
    links = khmer.select("a.context-mention__link")
    assert [(a["href"], a.get_text()) for a in links] == [
        ("/km/people/hun-sen/", f"ហ៊ុន{ZWSP} សែន"),
        ("/km/parties/cpp/", "គណបក្ស​ប្រជាជន​កម្ពុជា"),
    ]
    assert khmer.select_one(".context-card__more").get_text() == "ជីវប្រវត្តិ"
    article.refresh_from_db()
    assert "context-mention" not in article.body_html_en  # the stored body is kept


def test_editors_turn_auto_links_off_per_story_and_per_mention(client, hun_sen):
    off = ArticleFactory(published=True, body_en="Hun Sen spoke.")
    AutoLinkOptOut.objects.create(article=off)
    assert story_page(client, off, "en").find("a") is None
    per_mention = ArticleFactory(
        published=True,
        body_en='<span class="no-autolink">Hun Sen</span> met the CPP. Hun Sen left.',
    )
    links = story_page(client, per_mention, "en").select("a.context-mention__link")
    assert [a.get_text() for a in links] == ["CPP", "Hun Sen"]
    assert "Hun Sen met" in links[1].find_parent("p").get_text()


def test_an_edit_of_a_person_reaches_cached_pages(
    client, settings, hun_sen, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 60
    article = ArticleFactory(published=True, body_en="Hun Sen spoke.")
    assert "longest-serving" in client.get(article.get_absolute_url("en")).text
    with django_capture_on_commit_callbacks(execute=True):
        hun_sen.summary_en = "Prime Minister of Cambodia since 1985."
        hun_sen.save()
    assert "since 1985" in client.get(article.get_absolute_url("en")).text
    assert "since 1985" in client.get("/en/people/hun-sen/").text


def test_the_timeline_links_each_entry_once_with_unique_card_ids(client, hun_sen):
    for _ in range(3):
        TimelineEventFactory(text_en="Hun Sen and the CPP claimed all seats.")
    page = soup_of(client.get("/en/timeline/"))
    ids = [card["id"] for card in page.select(".context-card")]
    assert ids == ["context-card-person-hun-sen", "context-card-party-cpp"]
