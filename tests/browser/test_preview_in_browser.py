"""Preview, reviewers' links and the Workflow buttons in a real browser:
unsaved text reaches the preview and survives a workflow button; a share
link works signed out and stops after expiry or revocation."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Status
from tests.admin_forms import change_url
from tests.factories import KHMER_TITLE, ArticleFactory
from workflow.models import ShareLink

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TYPED = "Typed into the form and never saved"


def open_story(visitor, make_editor, **fields):
    make_editor("sokha", "Sokha", "Chea")
    article = ArticleFactory(title_en="Civil servants campaign", **fields)
    editor = visitor()
    editor.login("sokha")
    editor.page.goto(change_url(article))
    return editor, article


def test_preview_shows_unsaved_changes_at_phone_and_desktop_widths(
    visitor, make_editor
):
    from playwright.sync_api import expect

    editor, article = open_story(visitor, make_editor)
    page = editor.page
    page.fill("#id_title_en", TYPED)
    with page.context.expect_page() as opened:
        page.click("button[name=_preview_language][value=en]")
    preview = opened.value
    preview.on("pageerror", lambda error: editor.errors.append(str(error)))
    preview.on("console", editor.console)

    english = preview.frame_locator("iframe[data-language=en]")
    expect(english.locator("h1.post__headline")).to_have_text(TYPED)
    expect(english.locator(".preview-banner")).to_be_visible()
    frame = preview.locator("iframe[data-language=en]")
    assert frame.bounding_box()["width"] == pytest.approx(1280, abs=2)
    preview.click("button[data-preview-width=phone]")
    assert frame.bounding_box()["width"] == pytest.approx(390, abs=2)
    # The phone frame lays the page out for a phone: nothing wider than it.
    width = english.locator("body").evaluate("b => b.scrollWidth")
    assert width <= 390

    preview.click("button[data-preview-language=km]")
    expect(frame).to_be_hidden()
    khmer = preview.frame_locator("iframe[data-language=km]")
    expect(khmer.locator("h1.post__headline")).to_have_text(KHMER_TITLE)
    expect(khmer.locator(".preview-banner")).to_contain_text("ការមើលជាមុន")

    assert Article.objects.get(pk=article.pk).title_en == "Civil servants campaign"
    assert page.input_value("#id_title_en") == TYPED  # the form is untouched
    editor.assert_clean()


def test_a_share_link_works_signed_out_until_revoked_or_expired(visitor, make_editor):
    from playwright.sync_api import expect

    editor, article = open_story(visitor, make_editor)
    page = editor.page
    page.click("a[href='#tab_id_summary_km']")
    page.fill("#id_summary_km", "សេចក្តីសង្ខេបថ្មី")
    page.click("button[name=_share_link][value='create:km']")
    expect(page.locator(".messagelist")).to_contain_text("preview link")
    address = page.locator(".workflow-share-links input").input_value()
    path = address[address.index("/preview/") :]

    reviewer = visitor()  # no account, no cookies
    reviewer.page.goto(path)
    expect(reviewer.page.locator("h1.post__headline")).to_have_text(KHMER_TITLE)
    expect(reviewer.page.locator(".post__summary")).to_have_text("សេចក្តីសង្ខេបថ្មី")
    expect(reviewer.page.locator(".preview-banner")).to_contain_text("ការមើលជាមុន")
    robots = reviewer.page.locator("meta[name=robots]").get_attribute("content")
    assert robots == "noindex, nofollow"

    page.click("button[name=_share_link][value^='revoke:']")
    expect(page.locator(".workflow-share-links")).to_have_count(0)
    reviewer.page.goto(path)
    expect(reviewer.page.locator("h1")).to_have_text(
        "This preview link was withdrawn by the newsroom."
    )

    page.click("button[name=_share_link][value='create:km']")
    address = page.locator(".workflow-share-links input").input_value()
    ShareLink.objects.filter(revoked_at=None).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    reviewer.page.goto(address[address.index("/preview/") :])
    expect(reviewer.page.locator("h1")).to_have_text("This preview link has expired.")
    editor.assert_clean()
    reviewer.assert_clean()


def test_a_workflow_button_keeps_the_text_typed_before_it(visitor, make_editor):
    """The issue's case: type into English, press the Khmer version's Submit."""
    from playwright.sync_api import expect

    editor, article = open_story(visitor, make_editor)
    page = editor.page
    page.fill("#id_summary_en", TYPED)
    page.click("button[name=_workflow_action][value='submit:km']")
    expect(page.locator(".messagelist")).to_contain_text(
        "Submit for review: done for the Khmer version."
    )
    assert page.input_value("#id_summary_en") == TYPED
    article = Article.objects.get(pk=article.pk)
    assert article.summary_en == TYPED
    assert article.status_km == Status.IN_REVIEW
    editor.assert_clean()
