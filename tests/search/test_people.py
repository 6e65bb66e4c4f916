"""People and parties in the reader and editor searches, by any alias, either script."""

import pytest
from bs4 import BeautifulSoup

from search.models import SearchDocument
from tests.factories.people import PersonFactory, archive_cpp, archive_hun_sen

pytestmark = pytest.mark.django_db
Kind = SearchDocument.Kind
ZWSP = "\u200b"


@pytest.fixture
def context(django_capture_on_commit_callbacks):
    """Hun Sen and the CPP, indexed by the receivers as an admin save would be."""
    with django_capture_on_commit_callbacks(execute=True):
        cpp = archive_cpp(abbreviation_en="CPP", aliases="")
        hun_sen = archive_hun_sen(cpp, aliases="Samdech Hun Sen\nសម្តេចតេជោ")
        PersonFactory(
            slug="lon-nol", name_en="Lon Nol", name_km="", aliases="", party=None
        )
    return {"cpp": cpp, "hun-sen": hun_sen}


def entries(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return [a["href"] for a in page.select(".search__entry a")]


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("en", "Hun Sen", ["/en/people/hun-sen/"]),
        ("en", "ហ៊ុន សែន", ["/en/people/hun-sen/"]),  # the other script
        ("km", "Hun Sen", ["/km/people/hun-sen/"]),
        ("km", f"ហ៊ុន{ZWSP}សែន", ["/km/people/hun-sen/"]),  # zero-width space
        ("km", "ហ៊ុនសែន", ["/km/people/hun-sen/"]),  # typed without a space
        ("km", "សម្តេចតេជោ", ["/km/people/hun-sen/"]),  # an alias
        ("en", "CPP", ["/en/parties/cpp/"]),
        ("km", "គណបក្ស​ប្រជាជន​កម្ពុជា", ["/km/parties/cpp/"]),
        ("en", "Lon Nol", ["/en/people/lon-nol/"]),
        ("km", "Lon Nol", []),  # no page in Khmer: not found there
        ("en", "Sam Rainsy", []),
    ],
)
def test_readers_find_people_and_parties_by_any_name(
    client, context, language, query, expected
):
    assert entries(client, language, query)[:1] == expected


def test_the_index_follows_edits_and_deletions(
    context, django_capture_on_commit_callbacks
):
    hun_sen = context["hun-sen"]
    with django_capture_on_commit_callbacks(execute=True):
        hun_sen.aliases = "Techo"
        hun_sen.save()
    documents = SearchDocument.objects.filter(kind=Kind.PERSON, object_id=hun_sen.pk)
    assert "techo" in documents.get(language="en").headline.lower()
    with django_capture_on_commit_callbacks(execute=True):
        hun_sen.delete()
    assert not documents.exists()


def test_a_party_rename_reindexes_its_members(
    context, django_capture_on_commit_callbacks
):
    cpp = context["cpp"]
    with django_capture_on_commit_callbacks(execute=True):
        cpp.name_en = "Kampuchean People's Revolutionary Party"
        cpp.save()
    member = SearchDocument.objects.get(
        kind=Kind.PERSON, object_id=context["hun-sen"].pk, language="en"
    )
    assert "kampuchean" in member.captions


def test_the_admin_searches_people_and_parties_through_the_engine(
    admin_client, context
):
    # The admin's own search_fields (icontains) miss a zero-width space.
    response = admin_client.get("/admin/people/person/", {"q": f"ហ៊ុន{ZWSP}សែន"})
    assert response.status_code == 200
    change_url = f"/admin/people/person/{context['hun-sen'].pk}/change/"
    assert change_url in response.content.decode()
    response = admin_client.get("/admin/people/party/", {"q": "ruling"})
    assert (
        f"/admin/people/party/{context['cpp'].pk}/change/" in response.content.decode()
    )
