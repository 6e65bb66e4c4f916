"""The public article page: structure, per-language visibility, query counts."""

from datetime import timedelta
from decimal import Decimal

import html5lib
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from articles.models import Byline, PhotoPlacement
from tests.factories import (
    KHMER_TITLE,
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    PhotoFactory,
    PhotoPlacementFactory,
    PullquoteFactory,
)

pytestmark = pytest.mark.django_db

SEED_BODY_EN = (
    "[[dateline]] On July 7, campaigning kicked off for Cambodia’s national "
    "elections.\n\n### ‘If we don’t go campaign the boss will notice’ ###\n\n"
    "One civil servant put to use by the CPP is Dara, 29.\n\n[[photo 2]]\n\n"
    "[[pullquote 1]]\n\nLast paragraph."
)


@pytest.fixture
def seed_story():
    article = ArticleFactory(
        published=True,
        title_en="Cambodian Government Leans on Civil Servants for Votes",
        title_km=KHMER_TITLE,
        body_en=SEED_BODY_EN,
        editors_note_en="This story was updated on July 21.",
        latitude=Decimal("11.556062"),
        longitude=Decimal("104.936943"),
        map_pin_en="Phnom Penh",
        published_at_en=timezone.make_aware(timezone.datetime(2018, 7, 20, 8)),
        published_at_km=timezone.make_aware(timezone.datetime(2018, 7, 24, 8)),
    )
    BylineFactory(
        article=article,
        position=1,
        author=AuthorFactory(
            display_name_en="Sun Narin",
            display_name_km="ស៊ុន ណារិន",
            sort_name="Narin, Sun",
        ),
    )
    BylineFactory(
        article=article,
        position=2,
        author=AuthorFactory(
            display_name_en="Malis Tum", display_name_km="ទុំ ម្លិះ", sort_name="Tum, Malis"
        ),
    )
    PhotoPlacementFactory(
        article=article,
        position=1,
        kind=PhotoPlacement.Kind.HERO,
        photo=PhotoFactory(
            cutline_en="Garment workers greet Hun Sen.",
            credit="Samrang Pring",
            source="Reuters",
        ),
    )
    PhotoPlacementFactory(
        article=article,
        position=2,
        kind=PhotoPlacement.Kind.LARGE,
        photo=PhotoFactory(cutline_en="The campaign launch.", credit="Sun Narin"),
    )
    PullquoteFactory(article=article, position=1, text_en="“When I started…”")
    article.tags.add("election", "civil servants")
    return article


def soup_of(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_english_page_structure(client, seed_story):
    response = client.get(seed_story.get_absolute_url("en"))
    assert response.status_code == 200
    page = soup_of(response)
    assert page.html["lang"] == "en"
    article = page.find("article")
    header = article.find("header")
    assert header.find("h1").get_text() == seed_story.title_en
    assert header.select_one(".post__section").get_text() == "Feature"
    byline = header.select_one(".post__byline")
    assert byline.select_one(".byline").get_text() == "By Sun Narin and Malis Tum"
    assert byline.select_one(".outlet").get_text() == "VOA Khmer"
    assert byline.find("time").get_text() == "July 20, 2018"
    assert byline.find("time")["datetime"].startswith("2018-07-20T08:00:00")
    hero = article.select_one("figure.post__hero")
    assert hero.find("figcaption").get_text(" ", strip=True) == (
        "Garment workers greet Hun Sen. (Samrang Pring | Reuters)"
    )
    first_paragraph = article.select_one(".post__body p")
    assert first_paragraph.find("span", class_="dateline").get_text() == "Phnom Penh"
    assert first_paragraph.get_text().startswith("Phnom Penh On July 7")
    assert article.select_one(".post__body h2").get_text().startswith("‘If we don’t")
    large = article.select_one("figure.photo--large")
    assert "The campaign launch." in large.find("figcaption").get_text()
    assert article.select_one("blockquote.pullquote").get_text(strip=True) == (
        "“When I started…”"
    )
    assert "updated on July 21" in article.select_one(".editors-note").get_text()
    assert article.select_one("svg.locator__map circle.locator__pin") is not None
    assert {li.get_text() for li in article.select(".post__tags li")} == {
        "election",
        "civil servants",
    }
    link = header.select_one(".post__translation a")
    assert link["href"] == seed_story.get_absolute_url("km")
    assert link.get_text() == "Read this story in Khmer"


def test_khmer_page_uses_khmer_byline_date_and_link(client, seed_story):
    response = client.get(seed_story.get_absolute_url("km"))
    assert response.status_code == 200
    page = soup_of(response)
    assert page.html["lang"] == "km"
    assert page.find("h1").get_text() == KHMER_TITLE
    byline = page.select_one(".post__byline")
    assert byline.select_one(".byline").get_text() == "ស៊ុន ណារិន និង ទុំ ម្លិះ"
    assert byline.find("time").get_text() == "២៤ កក្កដា ២០១៨"
    assert page.select_one(".post__translation a").get_text() == (
        "អានអត្ថបទនេះជាភាសាអង់គ្លេស"
    )


def test_page_is_valid_html5(client, seed_story):
    parser = html5lib.HTMLParser(strict=True)
    parser.parse(client.get(seed_story.get_absolute_url("en")).content)


def test_draft_story_is_404_in_both_languages(client):
    article = ArticleFactory()
    assert client.get(article.get_absolute_url("en")).status_code == 404
    assert client.get(article.get_absolute_url("km")).status_code == 404


def test_unpublished_khmer_is_404_and_not_linked_from_english(client):
    article = ArticleFactory(english_only=True)
    assert client.get(article.get_absolute_url("km")).status_code == 404
    english = soup_of(client.get(article.get_absolute_url("en")))
    assert english.select(".post__translation") == []
    assert english.select('link[hreflang="km"]') == []


def test_scheduled_language_is_404_until_its_time(client):
    article = ArticleFactory(
        english_only=True,
        status_km="published",
        published_at_km=timezone.now() + timedelta(hours=2),
    )
    assert client.get(article.get_absolute_url("km")).status_code == 404
    english = soup_of(client.get(article.get_absolute_url("en")))
    assert english.select(".post__translation") == []


def test_unknown_story_is_404(client):
    assert client.get("/en/feature/no-such-story/").status_code == 404


def test_index_lists_only_published_stories_of_the_language(client):
    published = ArticleFactory(english_only=True, title_en="Visible")
    ArticleFactory(title_en="Hidden draft")
    page = client.get("/en/").content.decode()
    assert published.title_en in page
    assert "Hidden draft" not in page
    assert published.title_en not in client.get("/km/").content.decode()


def test_embedded_text_is_escaped(client):
    article = ArticleFactory(
        published=True, body_en="Text.\n\n[[pullquote 1]]\n\n[[photo 1]]"
    )
    PullquoteFactory(article=article, position=1, text_en="<script>alert(1)</script>")
    PhotoPlacementFactory(
        article=article, position=1, caption_en='"><img src=x onerror=alert(1)>'
    )
    content = client.get(article.get_absolute_url("en")).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "onerror=alert(1)>" not in content
    assert "&lt;script&gt;" in content


def _story_with(count):
    body = "\n\n".join(
        ["Intro."]
        + [f"[[photo {n}]]" for n in range(1, count + 1)]
        + [f"[[pullquote {n}]]" for n in range(1, count + 1)]
    )
    article = ArticleFactory(published=True, body_en=body, body_km=body)
    for n in range(1, count + 1):
        PhotoPlacementFactory(article=article, position=n)
        PullquoteFactory(article=article, position=n)
        BylineFactory(article=article, position=n, role=Byline.Role.REPORTER)
        article.tags.add(f"tag {n}")
    return article


@pytest.mark.parametrize("language", ["en", "km"])
def test_page_query_count_does_not_grow_with_content(
    client, django_assert_num_queries, language, warm_renditions
):
    small, large = _story_with(1), _story_with(10)
    warm_renditions()
    counts = []
    for article in (small, large):
        # story, bylines, placements, renditions, pullquotes, tags, corrections;
        # onward links (related, series parts, their photos), the navigation
        # (sections, series) and provinces (elections' "by the numbers" panel)
        # +1 (issue 10): the navigation's links to people, parties, results… (one query)
        with django_assert_num_queries(14) as captured:
            response = client.get(article.get_absolute_url(language))
        assert response.status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
    assert response.content.decode().count('class="pullquote"') == 10


def test_photo_without_a_caption_in_this_language_shows_only_its_credit(client):
    article = ArticleFactory(published=True, body_km="[[photo 1]]")
    PhotoPlacementFactory(
        article=article,
        position=1,
        photo=PhotoFactory(cutline_km=None, credit="Samrang Pring", source="Reuters"),
    )
    page = soup_of(client.get(article.get_absolute_url("km")))
    caption = page.select_one("figure.photo figcaption").get_text(" ", strip=True)
    assert caption == "(Samrang Pring | Reuters)"


def test_author_page_lists_only_published_stories_of_the_language(client):
    author = AuthorFactory(display_name_en="Sun Narin", display_name_km="ស៊ុន ណារិន")
    live = ArticleFactory(english_only=True, title_en="Live story")
    draft = ArticleFactory(title_en="Draft story")
    for article in (live, draft):
        BylineFactory(article=article, author=author)
    page = soup_of(client.get(author.get_absolute_url("en")))
    assert page.find("h1").get_text() == "Sun Narin"
    assert [a.get_text() for a in page.select(".author-page li a")] == ["Live story"]
    # Nothing of theirs is public in Khmer yet: no page to show.
    assert client.get(author.get_absolute_url("km")).status_code == 404
    assert client.get("/en/authors/nobody/").status_code == 404


@pytest.mark.parametrize("language", ["en", "km"])
def test_locator_pin_coordinates_are_plain_numbers_in_every_language(
    client, seed_story, language
):
    from articles.locator import project

    page = soup_of(client.get(seed_story.get_absolute_url(language)))
    pin = page.select_one("svg.locator__map circle.locator__pin")
    expected = project(seed_story.longitude_en, seed_story.latitude_en)
    assert (float(pin["cx"]), float(pin["cy"])) == expected


def test_profile_card_in_each_language_with_khmer_digits(client):
    from tests.factories.articles import PersonProfileFactory

    article = ArticleFactory(published=True)
    PersonProfileFactory(
        article=article,
        name_en="Sok Eysan",
        name_km="សុខ ឥសាន",
        persona_km="សមាជិកព្រឹទ្ធសភានៃគណបក្សប្រជាជនកម្ពុជា",
        age=72,
    )
    english = soup_of(client.get(article.get_absolute_url("en")))
    facts = [li.get_text() for li in english.select(".profile-card__facts li")]
    assert facts == ["Sok Eysan", "72"]
    khmer = soup_of(client.get(article.get_absolute_url("km")))
    facts = [li.get_text() for li in khmer.select(".profile-card__facts li")]
    assert facts == ["សុខ ឥសាន", "សមាជិកព្រឹទ្ធសភានៃគណបក្សប្រជាជនកម្ពុជា", "៧២"]


def test_khmer_page_credits_roles_and_coordinates_in_khmer(client, seed_story):
    BylineFactory(
        article=seed_story,
        position=3,
        role=Byline.Role.TRANSLATOR,
        author=AuthorFactory(
            display_name_en="Chun Chanboth", display_name_km="ជុន ចាន់បុត្រ"
        ),
    )
    khmer = soup_of(client.get(seed_story.get_absolute_url("km")))
    assert khmer.select_one(".post__contributors").get_text() == "អ្នកបកប្រែ: ជុន ចាន់បុត្រ"
    assert khmer.select_one(".locator__coordinates").get_text() == (
        "១១.៥៥៦១° N, ១០៤.៩៣៦៩° E"
    )
    english = soup_of(client.get(seed_story.get_absolute_url("en")))
    assert english.select_one(".post__contributors").get_text() == (
        "Translator: Chun Chanboth"
    )
    assert english.select_one(".locator__coordinates").get_text() == (
        "11.5561° N, 104.9369° E"
    )


def test_not_found_page_speaks_the_language_of_the_address(client, settings):
    settings.DEBUG = False
    response = client.get("/km/feature/no-such-story/")
    assert response.status_code == 404
    assert "ទំព័រនេះមិនមាន" in response.content.decode()
    english = client.get("/en/feature/no-such-story/").content.decode()
    assert "This page does not exist" in english


@pytest.mark.django_db
def test_unpublished_khmer_address_appears_nowhere_on_the_english_page(client):
    """Not in the translation link, hreflang, JSON-LD or anywhere else."""
    article = ArticleFactory(english_only=True)
    english = client.get(article.get_absolute_url("en")).content.decode()
    assert article.get_absolute_url("km") not in english
    assert article.title_km not in english
