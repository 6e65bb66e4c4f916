"""The editors' admin: pages load, bad input is refused, nothing half-saved."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article, Status
from media_assets.models import Photo
from tests.admin_forms import form_data
from tests.factories import (
    KHMER_TITLE,
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    PullquoteFactory,
    SectionFactory,
    image_bytes,
)

pytestmark = pytest.mark.django_db

ARTICLE_ADD = reverse("admin:articles_article_add")
PHOTO_ADD = reverse("admin:media_assets_photo_add")


def form_defaults(client, url):
    """The form's inputs as a browser sends them (management forms included)."""
    page = BeautifulSoup(client.get(url).content.decode(), "html.parser")
    form = page.find("form", id=lambda value: value and value.endswith("_form"))
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "file", "checkbox"):
            continue
        if field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen["value"] if chosen else ""
        elif field.name == "textarea":
            data[name] = field.get_text()
        else:
            data[name] = field.get("value", "")
    return data


def article_post_data(client, **overrides):
    data = form_defaults(client, ARTICLE_ADD)
    section = SectionFactory()
    data.update(
        {
            "title_en": "Cambodian Government Leans on Civil Servants for Votes",
            "title_km": KHMER_TITLE,
            "slug": "",
            "section": str(section.pk),
            "body_en": "Body.",
            "body_km": "អត្ថបទ។",
            "status_en": Status.DRAFT,
            "status_km": Status.DRAFT,
        }
    )
    data.update(overrides)
    return data


def errors_in(response):
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return " ".join(
        item.get_text(" ", strip=True) for item in page.select(".errorlist, .errornote")
    )


def test_anonymous_user_is_sent_to_login(client):
    for url in (reverse("admin:articles_article_changelist"), ARTICLE_ADD):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))


def test_changelist_shows_both_languages_state(editor_client):
    from articles.dates import format_date

    live = ArticleFactory(english_only=True, title_en="English is live")
    response = editor_client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    row = page.select_one("#result_list tbody tr")
    assert "English is live" in row.get_text()
    english = row.select_one(".field-english_state").get_text()
    assert "● published" in english
    assert format_date(live.published_at_en, "en") in english
    assert "○ draft" in row.select_one(".field-khmer_state").get_text()


@pytest.mark.parametrize(
    ("query", "expected"),
    [("ពឹង", "khmer"), ("Narin", "by-author"), ("Leans", "english")],
)
def test_changelist_search_by_either_language_and_author(
    editor_client, query, expected
):
    ArticleFactory(title_en="Leans on civil servants", title_km="x", slug="english")
    ArticleFactory(title_en="Other", title_km=KHMER_TITLE, slug="khmer")
    by_author = ArticleFactory(title_en="Third", title_km="y", slug="by-author")
    BylineFactory(article=by_author, author=AuthorFactory(sort_name="Narin, Sun"))
    response = editor_client.get(
        reverse("admin:articles_article_changelist"), {"q": query}
    )
    slugs = {a.slug for a in response.context["cl"].result_list}
    assert slugs == {expected}


def test_published_languages_filter(editor_client):
    ArticleFactory(english_only=True, slug="en-only")
    ArticleFactory(published=True, slug="both")
    ArticleFactory(slug="none")
    url = reverse("admin:articles_article_changelist")
    for value, expected in (("en", {"en-only"}), ("all", {"both"}), ("none", {"none"})):
        response = editor_client.get(url, {"published_in": value})
        assert {a.slug for a in response.context["cl"].result_list} == expected


def test_change_form_loads_with_tabs_inlines_and_links(editor_client):
    article = ArticleFactory(english_only=True)
    response = editor_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    )
    assert response.status_code == 200
    content = response.content.decode()
    for prefix in ("bylines", "placements", "pullquotes", "profile"):
        assert f'name="{prefix}-TOTAL_FORMS"' in content
    assert 'name="title_km"' in content
    assert article.get_absolute_url("en") in content
    assert article.get_absolute_url("km") in content


def test_adding_a_story_makes_a_slug_and_a_draft(editor_client):
    response = editor_client.post(
        ARTICLE_ADD, article_post_data(editor_client, status_en=Status.PUBLISHED)
    )
    assert response.status_code == 302, errors_in(response)
    article = Article.objects.get()
    assert article.slug == "cambodian-government-leans-on-civil-servants-for-votes"
    # Status is not a form field: publishing is a workflow action of its own.
    assert (article.status_en, article.status_km) == (Status.DRAFT, Status.DRAFT)
    assert article.published_at_en is None


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"latitude_en": "200", "longitude_en": "104"},
            "Latitude must be between -90 and 90",
        ),
        ({"title_en": "", "title_km": ""}, "Give the story a title in at least one"),
        ({"youtube_id_km": "not a video"}, "A YouTube video id is the 11 characters"),
    ],
)
def test_bad_article_input_is_refused_with_a_plain_message(
    editor_client, overrides, message
):
    response = editor_client.post(
        ARTICLE_ADD, article_post_data(editor_client, **overrides)
    )
    assert response.status_code == 200
    assert message in errors_in(response)
    assert Article.objects.count() == 0


def test_duplicate_slug_in_a_section_is_refused(editor_client):
    data = article_post_data(editor_client, slug="taken")
    ArticleFactory(section_id=data["section"], slug="taken")
    response = editor_client.post(ARTICLE_ADD, data)
    assert response.status_code == 200
    assert "Another story in this section already uses this slug" in errors_in(response)
    assert Article.objects.count() == 1


def test_slug_is_read_only_once_published(editor_client):
    article = ArticleFactory(english_only=True)
    response = editor_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    )
    assert 'name="slug"' not in response.content.decode()


def test_bulk_publish_action_reports_refusals(editor_client):
    ready = ArticleFactory(slug="ready", status_km=Status.READY)
    empty = ArticleFactory(slug="empty", body_km="", status_km=Status.READY)
    response = editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_km", "_selected_action": [ready.pk, empty.pk]},
        follow=True,
    )
    messages = [str(m) for m in response.context["messages"]]
    assert any("1 Khmer version(s)" in m for m in messages), messages
    assert any(
        "The Khmer body is empty, so this version cannot be published" in m
        for m in messages
    ), messages
    ready.refresh_from_db()
    empty.refresh_from_db()
    assert ready.status_km == Status.PUBLISHED
    assert empty.status_km == Status.READY


def _truncated_jpeg():
    data = image_bytes(size=(400, 300))
    return data[: len(data) // 2]


def _png_bytes(size):
    buffer = io.BytesIO()
    from PIL import Image

    Image.new("RGB", size, (10, 120, 40)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.jpg", b"%PDF-1.4 not an image at all", "This file is not an image"),
        ("cut.jpg", _truncated_jpeg(), "damaged or incomplete"),
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>',
            "SVG drawings are not accepted",
        ),
        ("huge.png", _png_bytes((3000, 3000)), "the limit is 4 million pixels"),
        ("heavy.jpg", image_bytes(size=(2000, 1500)), "the limit is"),
    ],
)
def test_bad_uploads_are_refused_and_nothing_is_stored(
    editor_client, settings, name, content, message
):
    settings.PHOTO_MAX_PIXELS = 4_000_000
    if name == "heavy.jpg":
        settings.PHOTO_MAX_UPLOAD_BYTES = 10_000
    data = form_defaults(editor_client, PHOTO_ADD)
    data["cutline_en"] = "A cutline"
    data["image"] = SimpleUploadedFile(name, content)
    response = editor_client.post(PHOTO_ADD, data)
    assert response.status_code == 200
    assert message in errors_in(response)
    assert Photo.objects.count() == 0
    media = settings.MEDIA_ROOT
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


def test_good_upload_is_stored_with_its_size(editor_client):
    data = form_defaults(editor_client, PHOTO_ADD)
    data["cutline_en"] = "Garment workers"
    data["source"] = "VOA Khmer"
    data["image"] = SimpleUploadedFile("ok.jpg", image_bytes(size=(320, 200)))
    response = editor_client.post(PHOTO_ADD, data)
    assert response.status_code == 302, errors_in(response)
    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (320, 200)
    assert photo.may_syndicate


def test_photo_without_file_or_url_is_refused(editor_client):
    data = form_defaults(editor_client, PHOTO_ADD)
    data["cutline_en"] = "No picture"
    response = editor_client.post(PHOTO_ADD, data)
    assert response.status_code == 200
    assert "Upload an image file or give a remote URL." in errors_in(response)
    assert Photo.objects.count() == 0


def test_admin_assets_are_served_locally(editor_client):
    """The tabbed form works offline: no script comes from another host."""
    page = BeautifulSoup(editor_client.get(ARTICLE_ADD).content.decode(), "html.parser")
    sources = [tag["src"] for tag in page.find_all("script", src=True)]
    assert any("jquery-ui.min.js" in src for src in sources)
    assert all(src.startswith(("/static/", "/admin/")) for src in sources), sources


def test_import_provenance_is_listed_read_only(editor_client, django_user_model):
    from tests.factories.articles import ImportedPostFactory

    article = ArticleFactory()
    ImportedPostFactory(
        article=article,
        language="en",
        source_path="english/_posts/2018-07-20-x.md",
        legacy_path="english/feature/x.html",
        digest="0" * 64,
    )
    admin_user = django_user_model.objects.get(username="editor")
    url = reverse("admin:articles_importedpost_changelist")
    response = editor_client.get(url, {"q": "2018-07-20"})
    assert admin_user.is_superuser and response.status_code == 200
    assert "english/_posts/2018-07-20-x.md" in response.content.decode()
    assert (
        editor_client.get(reverse("admin:articles_importedpost_add")).status_code == 403
    )


@pytest.mark.django_db
def test_bad_latitude_on_the_change_form_saves_nothing_at_all(editor_client):
    """The story's fields and its inlines stay as they were, not half-saved."""
    article = ArticleFactory(title_en="Before")
    pullquote = PullquoteFactory(article=article, position=1, text_en="Old quote")
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(editor_client.get(url))
    article.refresh_from_db()
    version, revisions = article.version, article.revisions.count()
    quote_text = next(k for k in data if k.endswith("-text_en"))
    data.update(
        {
            "title_en": "After",
            "latitude_en": "200",
            "longitude_en": "104",
            quote_text: "New",
        }
    )
    response = editor_client.post(url, data)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    errors = " ".join(e.get_text(" ") for e in page.select(".errorlist"))
    assert "Latitude must be between -90 and 90" in errors
    article.refresh_from_db()
    pullquote.refresh_from_db()
    assert (article.title_en, article.latitude) == ("Before", None)
    assert pullquote.text_en == "Old quote"
    assert (article.version, article.revisions.count()) == (version, revisions)
