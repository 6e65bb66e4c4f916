"""The Content-Security-Policy in a real browser: injected script does not run,
and the admin's pages need nothing the policy refuses.

The other browser tests (tabs, focal point, soft lock, article pages) also fail
on any CSP refusal (`Visitor.blocked`), so they prove the admin's JavaScript
works under the policy.
"""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, PhotoFactory, PhotoPlacementFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# What a sanitiser bug or a tampered database could leave in a stored body:
# an inline script, an event handler and a javascript: link.
INJECTED = (
    "<p>Paragraph before.</p>"
    '<script>document.body.dataset.injected = "script";</script>'
    '<img id="bait" src="/static/no-such-image.png"'
    " onerror=\"document.body.dataset.injected = 'handler'\">"
    '<p><a id="trap" href="javascript:document.body.dataset.injected=\'link\'">'
    "Click</a></p>"
)
INJECTED_MARK = "document.body.dataset.injected || null"


def test_script_injected_into_a_story_does_not_run(visitor):
    story = ArticleFactory(published=True, title_en="Injected story")
    # Straight into the stored HTML, as the sanitiser would never let it through.
    Article.objects.filter(pk=story.pk).update(body_html_en=INJECTED)
    reader = visitor()
    page = reader.page
    response = page.goto(story.get_absolute_url("en"))
    assert response.status == 200
    assert "<script>document.body.dataset.injected" in page.content()
    page.wait_for_function(
        "() => document.getElementById('bait').complete", polling=100
    )
    page.click("#trap")
    page.wait_for_timeout(200)  # a javascript: URL would have run by now

    assert page.evaluate(INJECTED_MARK) is None
    assert page.inner_text(".post__headline") == "Injected story"
    refusals = " ".join(reader.blocked)
    assert "script-src" in refusals
    assert len(reader.blocked) >= 3  # the script, the handler and the link
    assert reader.errors == [] and reader.foreign == []


def test_admin_pages_need_nothing_the_policy_refuses(visitor, make_editor):
    from playwright.sync_api import expect

    make_editor("sokha", "Sokha", "Chea")
    article = ArticleFactory(published=True)
    photo = PhotoFactory()
    editor = visitor()
    page = editor.page
    page.goto(reverse("admin:login"))
    editor.login("sokha")
    for url in (
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_desk"),
        reverse("admin:articles_article_revisions", args=[article.pk]),
        reverse("admin:media_assets_photo_used_in", args=[photo.pk]),
        reverse("admin:media_assets_photo_bulk_upload"),
    ):
        assert page.goto(url).status == 200, url
    page.goto(reverse("admin:media_assets_photo_changelist") + "?view=grid")
    grid = page.locator("[data-library-grid]")
    expect(grid).to_be_visible()
    # Its stylesheet is a file now (an inline <style> would be refused).
    assert grid.evaluate("g => getComputedStyle(g).display") == "grid"
    editor.assert_clean()


def test_admin_badges_and_thumbnails_need_no_style_attribute(visitor, make_editor):
    """The story list's badges, the placement preview, the photo list."""
    make_editor("sokha")
    story = ArticleFactory(english_only=True)
    photo = PhotoFactory()
    PhotoPlacementFactory(article=story, photo=photo)
    editor = visitor()
    page = editor.page
    editor.login("sokha")
    page.goto(reverse("admin:articles_article_changelist"))
    published = page.locator(".field-english_state strong")
    assert published.evaluate("b => getComputedStyle(b).color") == "rgb(26, 127, 55)"
    page.goto(reverse("admin:articles_article_change", args=[story.pk]))
    page.goto(reverse("admin:media_assets_photo_changelist") + "?view=list")
    thumbnail = page.locator("#result_list img.photo-thumbnail")
    assert thumbnail.evaluate("i => getComputedStyle(i).height") == "60px"
    editor.assert_clean()
