import pytest
from django.core.cache import cache

from elections.importer import import_province_data
from elections.models import Province
from people.models import Party
from tests.factories.elections import ElectionFactory, ProvinceResultFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def imported(db, voa_fixtures):
    """The sample's provinces and 1998–2013 seats, imported."""
    return import_province_data(voa_fixtures)


@pytest.fixture
def two_parties(db):
    from tests.factories.people import PartyFactory

    cpp = PartyFactory(
        slug="cpp", name_en="Cambodian People's Party", abbreviation_en="CPP"
    )
    cnrp = PartyFactory(
        slug="cnrp",
        name_en="Cambodia National Rescue Party",
        name_km="គណបក្សសង្គ្រោះជាតិ",
        abbreviation_en="CNRP",
        colour="#e07b00",
    )
    return cpp, cnrp


@pytest.fixture
def small_election(two_parties):
    """Two provinces, two parties, votes and seats: totals are easy to check."""
    cpp, cnrp = two_parties
    election = ElectionFactory(slug="2018")
    kampot = Province.objects.create(slug="kampot", name_en="Kampot", name_km="កំពត")
    kandal = Province.objects.create(slug="kandal", name_en="Kandal", name_km="កណ្តាល")
    for province, party, votes, seats in (
        (kampot, cpp, 150000, 4),
        (kampot, cnrp, 90000, 2),
        (kandal, cpp, 300000, 6),
        (kandal, cnrp, 310000, 5),
    ):
        ProvinceResultFactory(
            election=election, province=province, party=party, votes=votes, seats=seats
        )
    return election


def party(abbreviation):
    return Party.objects.get(abbreviation_en=abbreviation)
