"""National totals come from province rows; every change of a figure is logged."""

import datetime

import pytest
from django.utils import timezone

from elections import services
from elections.models import Province, ProvinceResult, ResultChange
from elections.totals import last_updated, national_totals, province_rows
from tests.factories.elections import ProvinceResultFactory

pytestmark = pytest.mark.django_db


def test_national_totals_are_sums_of_the_province_rows(small_election, two_parties):
    cpp, cnrp = two_parties
    totals = {
        p.pk: (p.total_seats, p.total_votes) for p in national_totals(small_election)
    }
    assert totals == {cpp.pk: (10, 450000), cnrp.pk: (7, 400000)}
    # A correction in one province moves the national figure with it.
    row = ProvinceResult.objects.get(province__slug="kandal", party=cnrp)
    services.set_result(small_election, row.province, cnrp, source="admin", seats=6)
    assert {p.pk: p.total_seats for p in national_totals(small_election)}[cnrp.pk] == 8


def test_totals_of_one_election_ignore_the_others(small_election, two_parties):
    cpp, _cnrp = two_parties
    ProvinceResultFactory(party=cpp, seats=40, province=Province.objects.first())
    totals = {p.pk: p.total_seats for p in national_totals(small_election)}
    assert totals[cpp.pk] == 10


def test_leader_share_and_ties_per_province(small_election, two_parties):
    cpp, cnrp = two_parties
    rows = {row.province.slug: row for row in province_rows(small_election)}
    kampot = rows["kampot"]
    assert kampot.leader == cpp and kampot.seats == 6 and kampot.votes == 240000
    assert [r.share for r in kampot.results] == [62.5, 37.5]
    # Kandal: CPP has more seats though CNRP has more votes.
    assert rows["kandal"].leader == cpp
    services.set_result(
        small_election, rows["kandal"].province, cpp, source="admin", seats=5,
        votes=310000,
    )  # fmt: skip
    assert {row.province.slug: row for row in province_rows(small_election)}[
        "kandal"
    ].leader is None


def test_a_change_is_logged_with_who_when_old_and_new(
    small_election, two_parties, editor
):
    cpp, _cnrp = two_parties
    kampot = Province.objects.get(slug="kampot")
    when = timezone.make_aware(datetime.datetime(2018, 7, 29, 21, 5))
    _row, changes = services.set_result(
        small_election, kampot, cpp, source="csv", user=editor, now=when,
        votes=151000, seats=4,
    )  # fmt: skip
    assert [(c.field, c.old_value, c.new_value) for c in changes] == [
        ("votes", "150000", "151000")
    ]  # seats were already 4: not a change
    stored = ResultChange.objects.get()
    assert (stored.changed_by, stored.changed_at, stored.source) == (
        editor,
        when,
        "csv",
    )
    assert last_updated(election=small_election) == when
    assert last_updated(province=kampot) == when


def test_setting_the_same_figures_again_writes_nothing(small_election, two_parties):
    cpp, _cnrp = two_parties
    kampot = Province.objects.get(slug="kampot")
    _row, changes = services.set_result(
        small_election, kampot, cpp, source="admin", votes=150000, seats=4
    )
    assert changes == [] and not ResultChange.objects.exists()


def test_deleting_a_row_logs_the_figures_it_held(small_election, two_parties):
    _cpp, cnrp = two_parties
    row = ProvinceResult.objects.get(province__slug="kampot", party=cnrp)
    services.delete_result(row, source="admin")
    assert sorted(
        ResultChange.objects.values_list("field", "old_value", "new_value")
    ) == [("seats", "2", ""), ("votes", "90000", "")]
    assert not ProvinceResult.objects.filter(pk=row.pk).exists()


def test_turnout_is_versioned_too(small_election):
    kampot = Province.objects.get(slug="kampot")
    row, changes = services.set_turnout(
        small_election, kampot, source="admin", registered_voters=400000,
        ballots_cast=330000, counted_percent=55,
    )  # fmt: skip
    assert row.turnout_percent == 82.5
    assert {c.field for c in changes} == set(services.TURNOUT_FIELDS)
    assert all(c.party is None for c in changes)
