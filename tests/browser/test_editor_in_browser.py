"""The writing surface in a real browser: EasyMDE under the site's CSP, the live
preview from the server's pipeline, a picker insertion, autosave restored
after a reload, and Khmer set in the bundled face across the admin."""

import shutil
import subprocess

import pytest

from articles.models import Article
from tests.admin_forms import change_url
from tests.browser.conftest import KHMER_FACES
from tests.factories import (
    KHMER_TITLE,
    ArticleFactory,
    PhotoFactory,
    PhotoPlacementFactory,
    uploaded_image,
)
from workflow.models import Autosave

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ENGLISH_EDITOR = ".field-body_en .CodeMirror"


def type_into_body(page, text, editor=ENGLISH_EDITOR):
    page.click(f"{editor} .CodeMirror-code")
    page.keyboard.press("Control+End")
    page.keyboard.type(text)


def test_live_preview_and_photo_picker(visitor, make_editor):
    from playwright.sync_api import expect

    make_editor("sokha")
    article = ArticleFactory(body_en="First paragraph.")
    PhotoPlacementFactory(
        article=article,
        position=1,
        caption_en="Voters queue in Kampot",
        photo=PhotoFactory(image=uploaded_image(size=(400, 300))),
    )
    editor = visitor()
    editor.login("sokha")
    page = editor.page
    page.goto(change_url(article))
    preview = page.locator(".field-body_en .markdown-editor__preview")
    expect(preview).to_contain_text("First paragraph.")

    type_into_body(page, "\n\nA **bold** claim")
    expect(preview.locator("strong")).to_have_text("bold")  # rendered by the server
    expect(page.locator(".field-body_en .markdown-editor__counts")).to_contain_text(
        "English: 5 words"
    )

    page.click(".field-body_en button.insert-photo")
    choice = page.locator(".editor-picker__choice[data-shortcode='[[photo 1]]']")
    expect(choice).to_contain_text("Voters queue in Kampot")
    expect(choice.locator("img.editor-picker__thumb")).to_be_visible()
    choice.click()
    expect(preview.locator("figure img")).to_have_count(1)
    expect(preview.locator("figure")).to_contain_text("Voters queue in Kampot")
    assert "\n\n[[photo 1]]\n\n" in page.input_value("#id_body_en")  # what is posted

    page.click(".submit-row input[name=_continue]")
    page.wait_for_load_state()
    assert "[[photo 1]]" in Article.objects.get(pk=article.pk).body_en
    editor.assert_clean()


def test_autosave_is_offered_back_after_a_reload(visitor, make_editor):
    from playwright.sync_api import expect

    make_editor("sokha")
    article = ArticleFactory(body_en="Saved text.")
    editor = visitor()
    editor.login("sokha")
    page = editor.page
    page.clock.install()  # autosave runs every 30 s: the test moves the clock on
    page.goto(change_url(article))
    expect(page.locator(".field-body_en .markdown-editor__preview")).to_contain_text(
        "Saved text."
    )
    type_into_body(page, " Typed, never saved.")
    page.clock.run_for(31_000)
    page.wait_for_function(  # kept in the browser at once, and posted
        "() => Object.keys(localStorage).some(k => k.startsWith('newsroom-autosave'))"
    )
    for _attempt in range(50):
        if Autosave.objects.filter(article=article).exists():
            break
        page.wait_for_timeout(100)
    draft = Autosave.objects.get(article=article)
    assert draft.data["body_en"] == ["Saved text. Typed, never saved."]
    assert Article.objects.get(pk=article.pk).body_en == "Saved text."

    page.reload()
    banner = page.locator(".autosave-banner")
    expect(banner).to_contain_text("never saved")
    assert page.input_value("#id_body_en") == "Saved text."
    banner.locator("button.autosave-restore").click()
    expect(banner).to_have_count(0)
    assert page.input_value("#id_body_en") == "Saved text. Typed, never saved."
    expect(page.locator(ENGLISH_EDITOR)).to_contain_text("Typed, never saved.")

    page.click(".submit-row input[name=_continue]")  # through the usual version check
    page.wait_for_load_state()
    assert Article.objects.get(pk=article.pk).body_en.endswith("Typed, never saved.")
    assert not Autosave.objects.filter(article=article).exists()
    expect(page.locator(".autosave-banner")).to_have_count(0)
    editor.assert_clean()


def test_the_admin_sets_khmer_in_the_bundled_face(visitor, make_editor):
    """Also on a machine with no Khmer system font, as the test machine is."""
    from playwright.sync_api import expect

    fc_list = shutil.which("fc-list")
    if (
        fc_list
        and subprocess.run(  # noqa: S603 - a fixed command, no input
            [fc_list, ":lang=km"], capture_output=True, text=True, check=False
        ).stdout.strip()
    ):
        pytest.skip("this machine has a Khmer system font, which would hide a failure")
    make_editor("sokha")
    body_km = f"{KHMER_TITLE}\n\nកថាខណ្ឌទីមួយ។"  # zero-width spaces between words
    article = ArticleFactory(
        title_en="Civil servants campaign", title_km=KHMER_TITLE, body_km=body_km
    )
    editor = visitor()
    editor.login("sokha")
    page = editor.page

    page.goto("/admin/articles/article/")
    listed = page.locator("#result_list span[lang=km]").first
    expect(listed).to_have_text(KHMER_TITLE)
    assert '"Newsroom Khmer"' in listed.evaluate("e => getComputedStyle(e).fontFamily")
    assert "loaded" in page.evaluate(KHMER_FACES)

    page.goto(change_url(article))
    page.click("a[href='#tab_id_title_km']")
    title = page.locator("#id_title_km")
    expect(title).to_have_value(KHMER_TITLE)
    assert '"Newsroom Khmer"' in title.evaluate("e => getComputedStyle(e).fontFamily")
    page.click("a[href='#tab_id_body_km']")
    khmer_preview = page.locator(".field-body_km .markdown-editor__preview")
    expect(khmer_preview).to_contain_text("កថាខណ្ឌទីមួយ")
    assert page.input_value("#id_body_km") == body_km  # the editor keeps every byte
    # Chromium segments Khmer words: the count says it is the browser's estimate.
    expect(page.locator(".field-body_km .markdown-editor__counts")).to_contain_text(
        "words (browser's Khmer word segmentation)"
    )
    assert '"Newsroom Khmer"' in khmer_preview.evaluate(
        "e => getComputedStyle(e).fontFamily"
    )
    assert "loaded" in page.evaluate(KHMER_FACES)
    # The glyphs come from the bundled face: without it, Khmer measures otherwise.
    widths = page.evaluate(
        """text => ['16px "Newsroom Khmer"', '16px sans-serif'].map(font => {
             const context = document.createElement("canvas").getContext("2d");
             context.font = font;
             return context.measureText(text).width;
           })""",
        KHMER_TITLE,
    )
    assert widths[0] != widths[1]
    editor.assert_clean()
