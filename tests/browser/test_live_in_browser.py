"""The live page in a real browser: entries arrive without a reload, and the
desk's form posts with Ctrl+Enter."""

import pytest

from articles.models import Layout
from tests.factories import ArticleFactory
from tests.factories.live import LiveEntryFactory
from tests.live.support import post

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def story():
    story = ArticleFactory(layout=Layout.LIVE, published=True, slug="election-night")
    LiveEntryFactory(story=story, body_en="Polls opened.", body_km="")
    return story


def test_a_posted_entry_and_a_correction_appear_without_reload(visitor, story):
    reader = visitor()
    page = reader.page
    page.goto(story.get_absolute_url("en"))
    assert (
        page.inner_text(".live__newer") == "New entries appear here as they are posted."
    )
    page.evaluate("window.notReloaded = true")
    entry = post(story, body_en="Counting has begun in Kandal.")
    page.wait_for_selector(f"#entry-{entry.pk}")
    ids = page.eval_on_selector_all(
        ".live__entries > li", "items => items.map(i => i.id)"
    )
    assert ids == [f"entry-{entry.pk}", f"entry-{entry.pk - 1}"]  # once each, in order
    assert "1" in page.inner_text(".live__status")
    from live import services

    entry.body_en = "Counting has begun in Kandal and Takeo."
    services.edit_entry(entry)
    page.wait_for_selector(f"#entry-{entry.pk} .live-entry__edited")
    assert "Takeo" in page.inner_text(f"#entry-{entry.pk}")
    assert page.evaluate("window.notReloaded") is True
    reader.assert_clean()


def test_ctrl_enter_posts_from_the_desk_form(visitor, story, make_editor):
    make_editor("sokha")
    desk = visitor()
    desk.login("sokha")
    desk.page.goto(f"/admin/live/liveentry/post/{story.pk}/")
    focused = desk.page.evaluate("document.activeElement.name")
    assert focused == "body_en"
    desk.page.keyboard.type("Turnout was 82 percent.")
    desk.page.keyboard.press("Control+Enter")
    desk.page.wait_for_selector(".messagelist")
    assert "Turnout was 82 percent." in desk.page.inner_text(".live-post__entries")
    desk.assert_clean()


def test_page_one_stays_one_page_and_old_links_find_their_page(
    visitor, story, monkeypatch
):
    from live import presentation

    monkeypatch.setattr(presentation, "PAGE_SIZE", 2)
    second = post(story, body_en="Kandal counted.")
    reader = visitor()
    page = reader.page
    page.goto(story.get_absolute_url("en"))
    newest = post(story, body_en="Takeo counted.")
    page.wait_for_selector(f"#entry-{newest.pk}")
    ids = page.eval_on_selector_all(
        ".live__entries > li", "items => items.map(i => i.id)"
    )
    assert ids == [f"entry-{newest.pk}", f"entry-{second.pk}"]  # the oldest left
    oldest = story.live_entries.order_by("pk").first()
    from live import services

    services.remove_entry(newest)  # the oldest moves up to the first page again
    page.wait_for_selector(f"#entry-{oldest.pk}")
    assert page.locator(f"#entry-{newest.pk}").count() == 0
    again = services.post_entry(newest.__class__(story=story, body_en="Takeo again."))
    page.wait_for_selector(f"#entry-{again.pk}")
    page.wait_for_selector(f"#entry-{oldest.pk}", state="detached")
    stale = f"{story.get_absolute_url('en')}#entry-{oldest.pk}"
    for start in ("", "about:blank"):  # a hash change, then a fresh load
        if start:
            page.goto(start)
        page.goto(stale)
        page.wait_for_url(f"**/en/live/{story.pk}/page/2/#entry-{oldest.pk}")
        assert page.is_visible(f"#entry-{oldest.pk}")
    reader.assert_clean()
