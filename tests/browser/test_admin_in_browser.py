"""The admin's own JavaScript in a real browser: language tabs, the focal point
picker and the soft-lock presence panel."""

import pytest

from media_assets.models import Photo
from tests.admin_forms import change_url
from tests.factories import KHMER_TITLE, ArticleFactory, PhotoFactory, uploaded_image

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_article_form_shows_english_and_khmer_tabs(visitor, make_editor):
    from playwright.sync_api import expect

    make_editor("sokha", "Sokha", "Chea")
    article = ArticleFactory(title_en="Civil servants campaign", title_km=KHMER_TITLE)
    editor = visitor()
    editor.login("sokha")
    page = editor.page
    page.goto(change_url(article))

    expect(page.locator(".ui-tabs-nav").first).to_be_visible()
    expect(page.locator("#id_title_en")).to_be_visible()
    expect(page.locator("#id_title_km")).to_be_hidden()

    page.click("a[href='#tab_id_title_km']")
    expect(page.locator("#id_title_km")).to_be_visible()
    expect(page.locator("#id_title_km")).to_have_value(KHMER_TITLE)
    expect(page.locator("#id_title_en")).to_be_hidden()
    editor.assert_clean()


def test_clicking_the_photo_preview_sets_and_saves_the_focal_point(
    visitor, make_editor
):
    from playwright.sync_api import expect

    make_editor("sokha")
    photo = PhotoFactory(image=uploaded_image(size=(400, 300)))
    editor = visitor()
    editor.login("sokha")
    page = editor.page
    page.goto(change_url(photo))

    preview = page.locator("[data-focal-preview]")
    page.wait_for_function(
        "img => img.complete && img.naturalWidth === 400", arg=preview.element_handle()
    )
    box = preview.bounding_box()
    preview.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.75})
    assert float(page.input_value("#id_focal_x")) == pytest.approx(0.25, abs=0.01)
    assert float(page.input_value("#id_focal_y")) == pytest.approx(0.75, abs=0.01)
    marker_left = page.eval_on_selector("[data-focal-marker]", "m => m.style.left")
    assert float(marker_left.rstrip("%")) == pytest.approx(25, abs=1)

    page.click(".submit-row input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    photo = Photo.objects.get(pk=photo.pk)
    assert photo.focal_x == pytest.approx(0.25, abs=0.01)
    assert photo.focal_y == pytest.approx(0.75, abs=0.01)
    assert float(page.input_value("#id_focal_x")) == pytest.approx(photo.focal_x)
    editor.assert_clean()


def test_the_focal_marker_starts_on_the_stored_focal_point(visitor, make_editor):
    """focal_point.js places it from its data attributes (no style attribute)."""
    make_editor("sokha")
    photo = PhotoFactory(
        image=uploaded_image(size=(400, 300)), focal_x=0.3, focal_y=0.6
    )
    editor = visitor()
    editor.login("sokha")
    page = editor.page
    page.goto(change_url(photo))
    preview = page.locator("[data-focal-preview]")
    page.wait_for_function(
        "img => img.complete && img.naturalWidth === 400", arg=preview.element_handle()
    )
    box = preview.bounding_box()
    marker = page.locator("[data-focal-marker]").bounding_box()
    centre = (marker["x"] + marker["width"] / 2, marker["y"] + marker["height"] / 2)
    # Within the ring's 2px border (its margin centres the 18px box, not the ring).
    assert centre[0] == pytest.approx(box["x"] + 0.3 * box["width"], abs=2.5)
    assert centre[1] == pytest.approx(box["y"] + 0.6 * box["height"], abs=2.5)
    assert marker["width"] == pytest.approx(22, abs=0.5)  # 18px and its border
    editor.assert_clean()


def test_second_editor_sees_who_else_has_the_story_open(visitor, make_editor):
    from playwright.sync_api import expect

    make_editor("sokha", "Sokha", "Chea")
    make_editor("dara", "Dara", "Pich")
    article = ArticleFactory()
    first, second = visitor(), visitor()
    # The heartbeat runs every 30 s: the first page's clock is fake, so the test
    # moves it on instead of waiting.
    first.page.clock.install()
    first.login("sokha")
    first.page.goto(change_url(article))
    expect(first.page.locator("#workflow-presence")).to_have_text("")

    second.login("dara")
    second.page.goto(change_url(article))
    expect(second.page.locator("#workflow-presence")).to_contain_text(
        "Also open by: Sokha Chea"
    )

    first.page.clock.run_for(30_000)  # one heartbeat (presence.js)
    expect(first.page.locator("#workflow-presence")).to_contain_text(
        "Also open by: Dara Pich", timeout=5_000
    )
    first.assert_clean()
    second.assert_clean()
