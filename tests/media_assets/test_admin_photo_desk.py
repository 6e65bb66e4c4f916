"""Rights, source and credit are the photo desk's; a live file is the editors';
every change of them is logged. Checked with forged POSTs, not only the UI."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import PhotoPlacement
from media_assets.models import Photo, PhotoChange
from tests.admin_forms import change_url, form_data
from tests.factories import (
    ArticleFactory,
    PhotoFactory,
    PhotoPlacementFactory,
    RemotePhotoFactory,
)
from tests.photo_files import jpeg
from tests.syndication_support import bearer, clear_cache, make_partner

pytestmark = pytest.mark.django_db

FORGED_RIGHTS = {
    "rights": "may_syndicate",
    "source": "VOA Khmer",
    "credit": "Sun Narin",
    "copyright": "VOA",
}


def new_file(color=(10, 200, 10)):
    return SimpleUploadedFile("new.jpg", jpeg(size=(90, 60), color=color))


def post_change(client, photo, **extra):
    """The change form as the user's browser has it, plus `extra` fields."""
    data = form_data(client.get(change_url(photo)), "photo_form")
    data.update(extra)
    response = client.post(change_url(photo), data)
    assert response.status_code == 302, response.content[:3000]
    return response


def input_names(client, photo):
    soup = BeautifulSoup(client.get(change_url(photo)).content, "html.parser")
    return {field.get("name") for field in soup.select("#photo_form [name]")}


def live_hero(photo, **story):
    article = ArticleFactory(**(story or {"published": True}))
    PhotoPlacementFactory(article=article, photo=photo, kind=PhotoPlacement.Kind.HERO)
    return article


@pytest.fixture
def partner_feed():
    """partner_feed(client): the English partner feed's text, freshly built."""
    _, key = make_partner()

    def fetch(client):
        clear_cache()
        response = client.get("/en/feed.json", **bearer(key))
        assert response.status_code == 200
        return json.dumps(json.loads(response.content))

    return fetch


@pytest.fixture
def reporter_client(client, make_user):
    client.force_login(make_user("Reporter"))
    return client


def test_roles_hold_the_photo_desks_permissions(make_user):
    reporter, desk, editor = (
        make_user(r) for r in ("Reporter", "Photo desk", "Editor")
    )
    assert not reporter.has_perm("media_assets.change_photo_rights")
    assert not reporter.has_perm("media_assets.replace_published_photo")
    assert desk.has_perm("media_assets.change_photo_rights")
    assert not desk.has_perm("media_assets.replace_published_photo")
    assert editor.has_perm("media_assets.change_photo_rights")
    assert editor.has_perm("media_assets.replace_published_photo")
    assert make_user("Admin").has_perm("media_assets.replace_published_photo")


def test_a_reporters_forged_rights_post_changes_nothing(
    reporter_client, client, partner_feed
):
    reuters = PhotoFactory(source="Reuters", credit="Samrang Pring")
    live_hero(reuters)
    before = Photo.objects.get(pk=reuters.pk)
    names = input_names(reporter_client, reuters)
    assert names.isdisjoint({"rights", "source", "credit", "copyright", "image"})
    assert "cutline_en" in names  # the reporter still edits the cutline
    post_change(
        reporter_client,
        reuters,
        cutline_en="Edited cutline",
        image=new_file(),
        **FORGED_RIGHTS,
    )
    after = Photo.objects.get(pk=reuters.pk)
    assert after.cutline_en == "Edited cutline"
    for field in ("rights", "source", "credit", "copyright", "content_hash"):
        assert getattr(after, field) == getattr(before, field), field
    assert after.image.name == before.image.name
    assert not after.may_syndicate
    assert after.image.url not in partner_feed(client)
    assert not PhotoChange.objects.filter(photo=reuters).exclude(user=None).exists()


def test_a_remote_original_on_a_live_page_is_frozen_too(reporter_client):
    remote = RemotePhotoFactory()
    live_hero(remote, english_only=True)  # public in one language is enough
    original = remote.source_url
    assert "source_url" not in input_names(reporter_client, remote)
    post_change(reporter_client, remote, source_url="https://example.org/other.jpg")
    assert Photo.objects.get(pk=remote.pk).source_url == original


def test_an_editor_replaces_a_live_file_and_the_log_says_who(client, make_user):
    editor = make_user("Editor")
    photo = PhotoFactory()
    live_hero(photo)
    old_name = photo.image.name
    client.force_login(editor)
    assert "image" in input_names(client, photo)
    post_change(client, photo, image=new_file())
    photo.refresh_from_db()
    assert photo.image.name != old_name
    change = PhotoChange.objects.get(photo=photo, field="image", user=editor)
    assert change.user_name == editor.username
    assert (change.old, change.new) == (old_name, photo.image.name)


def test_a_reporter_replaces_a_draft_photos_file_and_the_desk_must_look(
    reporter_client,
):
    photo = PhotoFactory(source="VOA Khmer")
    live_hero(photo, published=False)  # a draft: no reader sees it yet
    assert photo.may_syndicate
    post_change(reporter_client, photo, image=new_file(), **FORGED_RIGHTS)
    photo.refresh_from_db()
    assert photo.rights == "no_syndication"
    assert not Photo.objects.syndicatable().filter(pk=photo.pk).exists()
    by_people = PhotoChange.objects.filter(photo=photo, user__isnull=False)
    logged = set(by_people.values_list("field", "user_name"))
    assert logged == {("image", "reporter"), ("rights", "reporter")}


def test_the_photo_desk_changes_rights_and_each_change_is_logged(
    client, make_user, partner_feed
):
    desk = make_user("Photo desk")
    bought = RemotePhotoFactory(source="Reuters", credit="Samrang Pring")
    live_hero(bought)
    assert bought.source_url not in partner_feed(client)
    client.force_login(desk)
    post_change(client, bought, rights="may_syndicate", credit="Samrang Pring/POOL")
    changes = PhotoChange.objects.filter(photo=bought, user=desk).order_by("field")
    assert [(c.field, c.old, c.new, c.user_name) for c in changes] == [
        ("credit", "Samrang Pring", "Samrang Pring/POOL", "photo desk"),
        ("rights", "", "may_syndicate", "photo desk"),
    ]
    assert all(c.at is not None for c in changes)
    text = BeautifulSoup(client.get(change_url(bought)).content, "html.parser")
    history = text.select_one(".field-history").get_text(" ")
    assert "photo desk" in history and "Samrang Pring/POOL" in history
    client.logout()
    assert bought.source_url in partner_feed(client)


def test_the_log_is_read_only_in_the_admin(editor_client):
    photo = PhotoFactory()
    photo.source = "AP"
    photo.save()
    listing = editor_client.get(reverse("admin:media_assets_photochange_changelist"))
    assert listing.status_code == 200
    assert "AP" in listing.content.decode()
    change = PhotoChange.objects.get(photo=photo, field="source", new="AP")
    url = reverse("admin:media_assets_photochange_change", args=[change.pk])
    editor_client.post(url, {"new": "VOA"})
    assert PhotoChange.objects.get(pk=change.pk).new == "AP"
    delete = reverse("admin:media_assets_photochange_delete", args=[change.pk])
    assert editor_client.post(delete, {"post": "yes"}).status_code == 403


def test_bulk_upload_source_is_the_photo_desks(reporter_client):
    url = reverse("admin:media_assets_photo_bulk_upload")
    page = BeautifulSoup(reporter_client.get(url).content, "html.parser")
    assert page.find(attrs={"name": "source"}) is None
    reporter_client.post(url, {"files": [new_file()], "source": "VOA Khmer"})
    photo = Photo.objects.get()
    assert photo.source == ""
    assert not photo.may_syndicate
    (upload,) = PhotoChange.objects.filter(photo=photo, field="image")
    assert upload.user_name == "reporter" and upload.new == photo.image.name
