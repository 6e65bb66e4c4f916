"""search.admin.SearchAdminMixin on ModelAdmins of stories, photos and authors."""

import pytest
from django.contrib import admin
from django.test import RequestFactory

from articles.models import Article, Author
from media_assets.models import Photo
from search.admin import SearchAdminMixin
from search.indexing import reindex_documents
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory

pytestmark = pytest.mark.django_db


class StoryAdmin(SearchAdminMixin, admin.ModelAdmin):
    search_fields = ("title_en", "title_km", "slug")  # titles only, as before


class PhotoAdmin(SearchAdminMixin, admin.ModelAdmin):
    search_fields = ("cutline_en", "cutline_km")


class AuthorAdmin(SearchAdminMixin, admin.ModelAdmin):
    search_fields = ("display_name_en", "sort_name")


def search(admin_class, model, term):
    model_admin = admin_class(model, admin.site)
    request = RequestFactory().get("/admin/", {"q": term})
    queryset, duplicates = model_admin.get_search_results(
        request, model.objects.all(), term
    )
    assert duplicates is False
    return sorted(queryset.values_list("pk", flat=True))


def test_stories_are_found_by_any_field_in_any_state_and_spelling():
    draft = ArticleFactory(body_km="ដើម្បី\u200bបង្ខំ\u200bមន្រ្តី\u200bរាជការ")
    published = ArticleFactory(
        published=True, title_km="ទន្លេសាប", summary_en="Elections were held."
    )
    reindex_documents("story", [draft.pk, published.pk])
    assert search(StoryAdmin, Article, "មន្ត្រីរាជការ") == [draft.pk]  # the body
    assert search(StoryAdmin, Article, "election") == [published.pk]  # stemmed
    # what the admin's own fields matched before still matches
    assert search(StoryAdmin, Article, published.slug) == [published.pk]
    assert search(StoryAdmin, Article, "Story num") == sorted([draft.pk, published.pk])


def test_photos_are_found_by_khmer_cutline_and_credit():
    photo = PhotoFactory(cutline_km="កម្មករ\u200bរោងចក្រ", credit="Samrang Pring")
    other = PhotoFactory()
    reindex_documents("photo", [photo.pk, other.pk])
    assert search(PhotoAdmin, Photo, "កម្មកររោងចក្រ") == [photo.pk]
    assert search(PhotoAdmin, Photo, "pring") == [photo.pk]


def test_authors_are_found_by_their_khmer_name_typed_either_way():
    author = AuthorFactory(display_name_km="ស៊ុន\u200bណារិន", sort_name="Narin, Sun")
    reindex_documents("author", [author.pk])
    assert search(AuthorAdmin, Author, "ស៊ុនណារិន") == [author.pk]
    assert search(AuthorAdmin, Author, "narin") == [author.pk]


def test_odd_terms_fall_back_to_the_admin_fields():
    article = ArticleFactory(title_en='A "quoted" title')
    assert search(StoryAdmin, Article, '"') == [article.pk]
    assert search(StoryAdmin, Article, "\u0301") == []


@pytest.mark.parametrize("model", [Article, Photo, Author])
def test_the_site_admins_search_through_the_engine(model):
    assert isinstance(admin.site.get_model_admin(model), SearchAdminMixin)


def test_the_story_changelist_finds_a_draft_by_its_khmer_body(editor_client):
    draft = ArticleFactory(title_en="Unrelated", body_km="បង្ខំ\u200bមន្រ្តី\u200bរាជការ")
    ArticleFactory(title_en="Other story", title_km="ទន្លេសាប")
    reindex_documents("story", Article.objects.values_list("pk", flat=True))
    response = editor_client.get("/admin/articles/article/", {"q": "មន្ត្រីរាជការ"})
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [draft]
