"""media_assets' PhotoAdmin works on its own: no story, no "Used in" from below."""

import pytest
from django.contrib.admin import AdminSite
from django.urls import NoReverseMatch, path, reverse

from media_assets.admin.photo import PhotoAdmin
from media_assets.models import Photo
from tests.factories import ArticleFactory, PhotoFactory, PhotoPlacementFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

plain_site = AdminSite(name="plain")
plain_site.register(Photo, PhotoAdmin)
urlpatterns = [path("admin/", plain_site.urls)]


@pytest.fixture
def used_photo():
    """A photo a published story places: the story layer would say so."""
    photo = PhotoFactory(cutline_en="Voters in Kandal")
    article = ArticleFactory(published=True, title_en="Ballots counted")
    PhotoPlacementFactory(article=article, photo=photo, kind="hero")
    return photo


@pytest.mark.parametrize("view", ["grid", "list"])
def test_the_library_alone_lists_photos_without_stories(
    editor_client, used_photo, view
):
    url = reverse("admin:media_assets_photo_changelist")
    editor_client.get(url, {"view": view})
    response = editor_client.get(url)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Voters in Kandal" in text
    assert "used in" not in text.lower()
    assert "1 story" not in text


def test_the_change_form_alone_has_no_used_in_field(editor_client, used_photo):
    response = editor_client.get(
        reverse("admin:media_assets_photo_change", args=[used_photo.pk])
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "Voters in Kandal" in text
    assert "Used in" not in text and "Ballots counted" not in text


def test_the_used_in_page_is_the_story_layers(used_photo):
    with pytest.raises(NoReverseMatch):
        reverse("admin:media_assets_photo_used_in", args=[used_photo.pk])


def test_deleting_alone_keeps_djangos_protection(editor_client, used_photo):
    url = reverse("admin:media_assets_photo_delete", args=[used_photo.pk])
    response = editor_client.get(url)
    assert response.status_code == 200
    assert "remove it from that story first" not in response.content.decode()
    editor_client.post(url, {"post": "yes"})
    assert Photo.objects.filter(pk=used_photo.pk).exists()
