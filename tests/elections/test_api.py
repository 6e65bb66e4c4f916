"""The partner results endpoint: feed keys and rate limit, strong ETag, 304."""

import pytest

from elections import services
from elections.models import Province
from tests.syndication_support import bearer, make_partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def key(db):
    return make_partner()[1]


def test_without_a_key_the_results_are_refused(client, small_election):
    response = client.get("/en/results/2018.json")
    assert response.status_code == 401
    assert response.json()["error"]
    assert client.get("/en/results/2018.json?key=nrk_wrong").status_code == 401


def test_results_for_a_partner(client, small_election, key):
    response = client.get("/km/results/2018.json", **bearer(key))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = response.json()
    assert data["election"]["slug"] == "2018" and data["language"] == "km"
    assert data["election"]["name"] == "ការបោះឆ្នោតជ្រើសតាំងតំណាងរាស្ត្រឆ្នាំ២០១៨"
    assert [(n["party"]["slug"], n["seats"], n["votes"]) for n in data["national"]] == [
        ("cpp", 10, 450000),
        ("cnrp", 7, 400000),
    ]
    assert data["national"][0]["vote_share"] == 52.94
    kandal = next(p for p in data["provinces"] if p["slug"] == "kandal")
    assert kandal["name"] == "កណ្តាល" and kandal["leader"] == "cpp"
    assert [(r["party"], r["seats"]) for r in kandal["results"]] == [
        ("cpp", 6),
        ("cnrp", 5),
    ]
    assert kandal["url"].endswith("/km/results/provinces/kandal/")


def test_strong_etag_and_304_until_a_figure_changes(
    client, small_election, two_parties, key
):
    first = client.get("/en/results/2018.json", **bearer(key))
    etag = first["ETag"]
    assert not etag.startswith("W/")
    assert "Authorization" in first["Vary"]
    same = client.get("/en/results/2018.json", HTTP_IF_NONE_MATCH=etag, **bearer(key))
    assert same.status_code == 304
    kampot = Province.objects.get(slug="kampot")
    services.set_result(small_election, kampot, two_parties[0], source="csv", votes=1)
    moved = client.get("/en/results/2018.json", HTTP_IF_NONE_MATCH=etag, **bearer(key))
    assert moved.status_code == 200 and moved.json()["last_updated"]


def test_the_feed_rate_limit_applies(client, settings, small_election, key):
    settings.SYNDICATION_RATE_LIMIT = (2, 60)
    codes = [
        client.get("/en/results/2018.json", **bearer(key)).status_code for _ in range(3)
    ]
    assert codes == [200, 200, 429]


def test_a_key_for_english_only_may_not_read_khmer(client, small_election):
    _partner, english_only = make_partner("English Weekly", languages="en")
    assert (
        client.get("/km/results/2018.json", **bearer(english_only)).status_code == 403
    )


def test_unknown_election_is_a_json_404(client, small_election, key):
    response = client.get("/en/results/1066.json", **bearer(key))
    assert response.status_code == 404 and "error" in response.json()


def test_query_count_is_fixed(
    client, small_election, two_parties, key, django_assert_num_queries
):
    client.get("/en/results/2018.json", **bearer(key))  # the key's last use noted
    # key, election, national totals, provinces + results + turnouts, last updated
    with django_assert_num_queries(7):
        client.get("/en/results/2018.json", **bearer(key))
    province = Province.objects.create(slug="kep", name_en="Kep", name_km="កែប")
    services.set_result(small_election, province, two_parties[0], source="csv", seats=1)
    with django_assert_num_queries(7):
        client.get("/en/results/2018.json", **bearer(key))
