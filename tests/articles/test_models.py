"""Validation and slug rules of the content model."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from articles.models import Article, Status
from articles.services import save_new_article
from articles.slugs import slugify_unicode
from articles.states import change_state
from tests.factories import KHMER_TITLE, ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("latitude", Decimal("200"), "Latitude must be between -90 and 90 degrees."),
        ("latitude", Decimal("-90.5"), "Latitude must be between -90 and 90 degrees."),
        (
            "longitude",
            Decimal("180.1"),
            "Longitude must be between -180 and 180 degrees.",
        ),
    ],
)
def test_coordinates_out_of_range_are_refused(field, value, message):
    article = ArticleFactory.build(
        section=SectionFactory(), latitude=Decimal("11.5"), longitude=Decimal("104.9")
    )
    setattr(article, field, value)
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert message in error.value.message_dict[field]


def test_latitude_without_longitude_is_refused():
    article = ArticleFactory.build(section=SectionFactory(), latitude=Decimal("11.5"))
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "Give both latitude and longitude" in str(error.value.message_dict)


def test_duplicate_slug_in_a_section_is_refused_in_plain_words():
    first = ArticleFactory(slug="same")
    clash = ArticleFactory.build(section=first.section, slug="same")
    with pytest.raises(ValidationError) as error:
        clash.full_clean()
    assert "Another story in this section already uses this slug" in str(error.value)


def test_same_slug_in_another_section_is_fine():
    first = ArticleFactory(slug="same")
    other = SectionFactory(slug_en="profile", name_en="Profile")
    second = ArticleFactory.build(section=other, slug="same")
    second.full_clean()
    second.save()  # the database's unique constraint agrees with the form rule
    stored = Article.objects.filter(slug="same").values_list("section__slug_en")
    assert sorted(stored) == [(first.section.slug_en,), ("profile",)]


@pytest.mark.parametrize("language", ["en", "km"])
@pytest.mark.parametrize("empty", ["title", "body"])
def test_a_language_with_empty_title_or_body_cannot_be_published(language, empty):
    article = ArticleFactory(**{f"{empty}_{language}": ""})
    with pytest.raises(ValidationError) as error:
        change_state(article, language, Status.PUBLISHED)
    assert "cannot be published" in " ".join(error.value.messages)
    article.refresh_from_db()
    assert getattr(article, f"status_{language}") == Status.DRAFT


def test_publishing_one_language_leaves_the_other_alone():
    article = ArticleFactory()
    change_state(article, "en", Status.PUBLISHED)
    article.refresh_from_db()
    assert article.status_en == Status.PUBLISHED
    assert article.published_at_en is not None
    assert article.status_km == Status.DRAFT
    assert article.published_at_km is None
    assert list(Article.objects.published("km")) == []
    assert list(Article.objects.published("en")) == [article]


def test_unpublish_hides_the_language_at_once():
    article = ArticleFactory(published=True)
    change_state(article, "km", Status.DRAFT)
    assert list(Article.objects.published("km")) == []
    assert list(Article.objects.published("en")) == [article]


def test_khmer_slug_keeps_marks_and_turns_zero_width_spaces_into_hyphens():
    slug = slugify_unicode(KHMER_TITLE)
    assert "\u200b" not in slug
    # Coeng (U+17D2) and vowel signs survive: Django's slugify would drop them.
    assert slug.startswith("រដ្ឋាភិបាល-កម្ពុជា-ពឹង-ផ្អែក")
    assert "\u17d2" in slug


def test_new_khmer_only_story_gets_a_unicode_slug_and_a_suffix_on_collision():
    section = SectionFactory()
    first = save_new_article(
        ArticleFactory.build(
            section=section, slug="", title_en="", title_km=KHMER_TITLE
        )
    )
    second = save_new_article(
        ArticleFactory.build(
            section=section, slug="", title_en="", title_km=KHMER_TITLE
        )
    )
    assert first.slug == slugify_unicode(KHMER_TITLE)
    assert second.slug == f"{first.slug}-2"


def test_slug_stays_when_the_title_is_edited():
    article = save_new_article(
        ArticleFactory.build(section=SectionFactory(), slug="", title_en="First title")
    )
    article.title_en = "A corrected title"
    article.save()
    article.refresh_from_db()
    assert article.slug == "first-title"


def test_khmer_text_round_trips_unchanged():
    article = ArticleFactory(title_km=KHMER_TITLE, body_km=KHMER_TITLE)
    article.refresh_from_db()
    assert article.title_km.encode() == KHMER_TITLE.encode()
    assert article.body_km.count("\u200b") == KHMER_TITLE.count("\u200b")


def test_khmer_titles_sort_by_code_point_order():
    titles = ["ក្រចេះ", "កំពត", "ភ្នំពេញ", "កណ្តាល"]
    for title in titles:
        ArticleFactory(title_km=title)
    stored = list(
        Article.objects.order_by("title_km").values_list("title_km", flat=True)
    )
    assert stored == sorted(titles)


def test_khmer_search_finds_a_word_inside_a_title():
    article = ArticleFactory(title_km=KHMER_TITLE)
    ArticleFactory(title_km="ផ្សេង")
    assert list(Article.objects.filter(title_km__contains="មន្រ្តី")) == [article]


def test_partial_saves_keep_the_rendered_body_in_step(monkeypatch):
    import articles.models.article as article_module

    article = ArticleFactory()
    article.body_km = "**ថ្មី**"
    article.save(update_fields=["body_km"])
    article.refresh_from_db()
    assert article.body_html_km == "<p><strong>ថ្មី</strong></p>\n"
    calls = []
    monkeypatch.setattr(
        article_module, "render_markdown", lambda text: calls.append(text) or ""
    )
    article.status_en = Status.PUBLISHED
    article.save(update_fields=["status_en"])  # a transition: no body work
    assert calls == []


@pytest.mark.django_db
def test_standard_sections_exist_in_both_languages():
    from articles.models import Section

    feature = Section.objects.get(slug_en="feature")
    assert feature.name_km == "អត្ថបទពិសេស"
    assert (
        Section.objects.filter(slug_en__in=["mainbar", "profile", "data"]).count() == 3
    )
