"""People and parties: every spelling that names them, in both scripts."""

import datetime

import pytest

from people.models import TimelineEvent, alias_list
from tests.factories.people import PersonFactory, QuoteFactory, TimelineEventFactory


def test_alias_list_keeps_each_non_empty_line_in_order():
    assert alias_list("Hun Sen\n\n  ហ៊ុន សែន \nSamdech Hun Sen\n") == [
        "Hun Sen",
        "ហ៊ុន សែន",
        "Samdech Hun Sen",
    ]


@pytest.mark.django_db
def test_all_names_joins_both_languages_and_aliases_without_repeats():
    person = PersonFactory(
        name_en="Hun Sen", name_km="ហ៊ុន សែន", aliases="ហ៊ុន សែន\nSamdech Hun Sen"
    )
    assert person.all_names() == ["Hun Sen", "ហ៊ុន សែន", "Samdech Hun Sen"]
    assert str(person) == "Hun Sen"


@pytest.mark.django_db
def test_a_quote_names_its_speaker_from_the_person_when_it_has_no_name_of_its_own():
    person = PersonFactory(name_en="Hun Sen", name_km="ហ៊ុន សែន")
    quote = QuoteFactory(speaker=person, speaker_name_en="", speaker_name_km="")
    assert quote.speaker_in("km") == "ហ៊ុន សែន"
    assert QuoteFactory().speaker_in("km") == "នូ សារី"


@pytest.mark.django_db
def test_timeline_events_keep_khmer_text_and_run_newest_first():
    older = TimelineEventFactory(date=datetime.date(1979, 1, 7), anchor="jan_7_1979")
    newer = TimelineEventFactory()
    assert list(TimelineEvent.objects.all()) == [newer, older]
    newer.refresh_from_db()
    assert newer.headline_km.startswith("គណបក្សប្រជាជនកម្ពុជា")
