"""The photo library admin as an editor uses it."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from media_assets.models import Photo
from media_assets.services import ingest
from tests.admin_forms import form_data
from tests.factories import ArticleFactory, PhotoFactory, PhotoPlacementFactory
from tests.media_assets.conftest import stored_files
from tests.photo_files import jpeg

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:media_assets_photo_changelist"


def upload(data, name="photo.jpg"):
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_library_shows_a_grid_and_toggles_to_a_list(editor_client):
    PhotoFactory(cutline_en="Voters in Kandal")
    url = reverse(CHANGELIST)
    soup = soup_of(editor_client.get(url))
    assert soup.select("[data-library-grid] img")
    response = editor_client.get(url + "?view=list")
    assert response.status_code == 302
    soup = soup_of(editor_client.get(url))
    assert not soup.select("[data-library-grid]")
    assert soup.select("#result_list")


def test_search_finds_khmer_cutlines_and_credits(editor_client):
    PhotoFactory(cutline_km="ការបោះឆ្នោត​នៅ​ភ្នំពេញ", cutline_en="")
    PhotoFactory(cutline_en="Other", cutline_km="", credit="Tum Malis")
    url = reverse(CHANGELIST)
    soup = soup_of(editor_client.get(url, {"q": "ភ្នំពេញ"}))
    assert len(soup.select(".photo-grid__item")) == 1
    soup = soup_of(editor_client.get(url, {"q": "Malis"}))
    assert len(soup.select(".photo-grid__item")) == 1


def test_partner_rights_filter_follows_the_source(editor_client):
    PhotoFactory(source="VOA Khmer", cutline_en="ours")
    PhotoFactory(source="Reuters", cutline_en="theirs")
    PhotoFactory(source="Reuters", rights="may_syndicate", cutline_en="bought")
    url = reverse(CHANGELIST)
    soup = soup_of(editor_client.get(url, {"partners": "yes"}))
    texts = " ".join(item.get_text() for item in soup.select(".photo-grid__item"))
    assert "ours" in texts and "bought" in texts and "theirs" not in texts


def test_popup_lists_the_grid_with_pickable_thumbnails(editor_client):
    photo = PhotoFactory()
    soup = soup_of(editor_client.get(reverse(CHANGELIST), {"_popup": "1"}))
    link = soup.select_one(f'a[data-popup-opener="{photo.pk}"]')
    assert link.find("img")


def test_article_form_picks_photos_from_the_library(editor_client):
    article = ArticleFactory()
    soup = soup_of(
        editor_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    )
    lookup = soup.select_one("a.related-lookup")
    assert lookup and reverse(CHANGELIST) in lookup["href"]


def test_admin_upload_reads_the_file_but_typed_values_win(editor_client):
    data = jpeg(iptc={(2, 120): "From the file", (2, 80): "File Credit"})
    response = editor_client.post(
        reverse("admin:media_assets_photo_add"),
        {
            "image": upload(data),
            "cutline_en": "Typed by the editor",
            "focal_x": "0.3",
            "focal_y": "0.6",
            "rights": "",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    photo = Photo.objects.get()
    assert photo.cutline_en == "Typed by the editor"
    assert photo.credit == "File Credit"
    assert photo.focal == (0.3, 0.6)
    soup = soup_of(
        editor_client.get(reverse("admin:media_assets_photo_change", args=[photo.pk]))
    )
    assert "From the file" in soup.get_text()  # shown under "Read from the file"
    assert soup.select_one("[data-focal-preview]")
    assert "media_assets/focal_point.js" in str(soup)


def test_editing_a_stored_photo_saves_focal_point_and_overrides(
    editor_client, run_on_commit
):
    data = jpeg(size=(1000, 500), iptc={(2, 80): "File Credit"})
    photo = run_on_commit(ingest, upload(data), "stored.jpg").photo
    crops_before = set(photo.renditions.filter(spec__startswith="16x9-"))
    url = reverse("admin:media_assets_photo_change", args=[photo.pk])
    fields = form_data(editor_client.get(url), "photo_form")
    fields.update(focal_x="0.1", focal_y="0.9", credit="Typed Credit")
    response = run_on_commit(editor_client.post, url, fields)
    assert response.status_code == 302, response.content[:2000]
    photo.refresh_from_db()
    assert (photo.focal, photo.credit) == ((0.1, 0.9), "Typed Credit")
    crops_after = set(photo.renditions.filter(spec__startswith="16x9-"))
    assert crops_after and not crops_after & crops_before  # cut again


def test_uploading_the_same_file_again_links_to_the_existing_photo(
    editor_client, settings
):
    data = jpeg(size=(90, 60))
    existing = ingest(upload(data), "first.jpg").photo
    before = stored_files(settings)
    response = editor_client.post(
        reverse("admin:media_assets_photo_add"),
        {"image": upload(data, "again.jpg"), "focal_x": "0.5", "focal_y": "0.5"},
    )
    soup = soup_of(response)
    error = soup.select_one(".field-image .errorlist")
    assert "already in the library" in error.get_text()
    assert error.find("a")["href"] == reverse(
        "admin:media_assets_photo_change", args=[existing.pk]
    )
    assert Photo.objects.count() == 1
    assert stored_files(settings) == before


def test_admin_rejects_a_bad_file_with_nothing_stored(editor_client, settings):
    response = editor_client.post(
        reverse("admin:media_assets_photo_add"),
        {
            "image": upload(jpeg(size=(300, 200))[:400], "cut.jpg"),
            "focal_x": 0.5,
            "focal_y": 0.5,
        },
    )
    assert (
        "damaged or incomplete"
        in soup_of(response).select_one(".field-image .errorlist").text
    )
    assert stored_files(settings) == []


def test_bulk_upload_gives_a_result_per_file(editor_client, settings):
    first = jpeg(size=(200, 150), iptc={(2, 110): "Reuters"})
    ingest(upload(first), "already.jpg")
    response = editor_client.post(
        reverse("admin:media_assets_photo_bulk_upload"),
        {
            "files": [
                upload(jpeg(size=(300, 200), color=(9, 9, 9)), "new.jpg"),
                upload(first, "dup.jpg"),
                upload(b"\x89PNG\r\n\x1a\n truncated", "bad.png"),
            ],
            "source": "VOA Khmer",
        },
    )
    rows = soup_of(response).select("[data-bulk-results] tbody tr")
    results = {row.find_all("td")[0].text: row.find_all("td")[1].text for row in rows}
    assert results == {
        "new.jpg": "created",
        "dup.jpg": "duplicate",
        "bad.png": "rejected",
    }
    assert Photo.objects.count() == 2
    assert Photo.objects.get(source="VOA Khmer").may_syndicate


def test_used_in_column_and_page(editor_client):
    photo = PhotoFactory()
    article = ArticleFactory(published=True, title_en="Ballots counted")
    PhotoPlacementFactory(article=article, photo=photo, kind="hero")
    soup = soup_of(
        editor_client.get(reverse(CHANGELIST), {"view": "list"}, follow=True)
    )
    link = soup.find("a", string="1 story")
    page = soup_of(editor_client.get(link["href"]))
    row = page.select_one("[data-used-in] tbody tr").get_text(" ")
    assert "Ballots counted" in row and "published in English and Khmer" in row


def test_a_photo_in_a_published_story_cannot_be_deleted(editor_client):
    photo = PhotoFactory()
    article = ArticleFactory(published=True, title_en="Ballots counted")
    PhotoPlacementFactory(article=article, photo=photo, kind="hero")
    url = reverse("admin:media_assets_photo_delete", args=[photo.pk])
    text = soup_of(editor_client.get(url)).get_text(" ")
    assert (
        "“Ballots counted” (Hero (full width, top), published in English and Khmer)"
        in text
    )
    assert "remove it from that story first" in text
    editor_client.post(url, {"post": "yes"})
    assert Photo.objects.filter(pk=photo.pk).exists()


def test_an_unused_photo_can_be_deleted_and_its_files_go(
    editor_client, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        photo = ingest(upload(jpeg(size=(500, 400))), "gone.jpg").photo
    assert stored_files(settings)
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            reverse("admin:media_assets_photo_delete", args=[photo.pk]), {"post": "yes"}
        )
    assert not Photo.objects.exists()
    assert stored_files(settings) == []
