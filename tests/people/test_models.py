"""People and parties: every spelling that names them, in both scripts."""

import pytest

from people.models import alias_list
from tests.factories.people import PersonFactory


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
