"""Editors manage the context layer in the admin, both languages side by side."""

import pytest

from tests.factories.people import (
    AutoLinkOptOutFactory,
    QuoteFactory,
    TimelineEventFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model", ["person", "party", "timelineevent", "quote", "autolinkoptout"]
)
def test_list_and_add_pages_open(editor_client, model):
    assert editor_client.get(f"/admin/people/{model}/").status_code == 200
    assert editor_client.get(f"/admin/people/{model}/add/").status_code == 200


def test_change_pages_show_both_languages(editor_client):
    event = TimelineEventFactory()
    page = editor_client.get(f"/admin/people/timelineevent/{event.pk}/change/")
    content = page.content.decode()
    assert 'name="headline_km"' in content and 'name="headline_en"' in content
    assert "គណបក្សប្រជាជនកម្ពុជាអះអាងថា" in content
    quote = QuoteFactory()
    page = editor_client.get(f"/admin/people/quote/{quote.pk}/change/")
    assert "នូ សារី" in page.content.decode()
    opt_out = AutoLinkOptOutFactory()
    page = editor_client.get(f"/admin/people/autolinkoptout/{opt_out.pk}/change/")
    assert page.status_code == 200
