"""Auto-link cards in a real browser: a tap opens the card with no script of
ours needed, hover opens it for a mouse, and the CSP refuses nothing."""

import pytest

from tests.factories import ArticleFactory
from tests.factories.people import archive_cpp, archive_hun_sen

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
CARD = "#context-card-person-hun-sen"


def story():
    archive_hun_sen(archive_cpp())
    return ArticleFactory(
        published=True,
        body_km="ត្រូវ​បាន​ដាក់ឈ្មោះ​របស់​លោក​ ហ៊ុន​ សែន ទោះ​បី​ជា",
        body_en="Prime Minister Hun Sen prepares to extend his 33-year rule.",
    )


def is_open(page):
    return page.locator(CARD).evaluate("card => card.matches(':popover-open')")


def test_a_tap_on_the_button_opens_the_card_in_khmer(visitor):
    article = story()
    reader = visitor()
    page = reader.page
    page.route("**/static/people/context.js", lambda route: route.abort())
    assert page.goto(article.get_absolute_url("km")).status == 200
    assert not is_open(page)
    page.click(".context-mention__toggle")
    assert is_open(page)  # the popover attribute alone: our script was blocked
    assert page.inner_text(f"{CARD} .context-card__name") == "ហ៊ុន សែន"
    page.keyboard.press("Escape")
    assert not is_open(page)


def test_hover_opens_the_card_and_the_policy_refuses_nothing(visitor):
    article = story()
    reader = visitor()
    page = reader.page
    assert page.goto(article.get_absolute_url("en")).status == 200
    page.hover(".context-mention__link")
    page.wait_for_function(
        f"() => document.querySelector('{CARD}').matches(':popover-open')"
    )
    box = page.locator(CARD).bounding_box()
    link = page.locator(".context-mention__link").bounding_box()
    assert abs(box["y"] - (link["y"] + link["height"])) < 40  # beside the name
    page.mouse.move(0, 0)
    page.wait_for_function(
        f"() => !document.querySelector('{CARD}').matches(':popover-open')"
    )
    reader.assert_clean()
