"""Corrections in the admin are logged with who and when, like every change."""

import pytest
from django.urls import reverse

from elections.models import ProvinceResult, ResultChange

pytestmark = pytest.mark.django_db


def test_correcting_a_row_in_the_admin_logs_the_editor(editor_client, small_election):
    row = ProvinceResult.objects.get(province__slug="kampot", party__slug="cnrp")
    url = reverse("admin:elections_provinceresult_change", args=[row.pk])
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(url, {"votes": "95000", "seats": "2"})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.votes == 95000
    change = ResultChange.objects.get()
    assert (change.field, change.old_value, change.new_value) == (
        "votes",
        "90000",
        "95000",
    )
    assert change.changed_by.username == "editor" and change.source == "admin"


def test_adding_and_deleting_rows_in_the_admin_are_logged(
    editor_client, small_election, two_parties
):
    from elections.models import Province

    kep = Province.objects.create(slug="kep", name_en="Kep", name_km="កែប")
    add = reverse("admin:elections_provinceresult_add")
    response = editor_client.post(
        add,
        {
            "election": small_election.pk,
            "province": kep.pk,
            "party": two_parties[0].pk,
            "votes": "20000",
            "seats": "1",
        },
    )
    assert response.status_code == 302
    row = ProvinceResult.objects.get(province=kep)
    assert ResultChange.objects.filter(province=kep).count() == 2
    delete = reverse("admin:elections_provinceresult_delete", args=[row.pk])
    assert editor_client.post(delete, {"post": "yes"}).status_code == 302
    assert not ProvinceResult.objects.filter(province=kep).exists()
    assert ResultChange.objects.filter(province=kep, new_value="").count() == 2


def test_the_change_log_is_read_only(editor_client, small_election):
    url = reverse("admin:elections_resultchange_changelist")
    assert editor_client.get(url).status_code == 200
    assert (
        editor_client.get(reverse("admin:elections_resultchange_add")).status_code
        == 403
    )


def test_the_election_admin_links_to_the_upload(editor_client, small_election):
    url = reverse("admin:elections_election_change", args=[small_election.pk])
    text = editor_client.get(url).content.decode()
    assert reverse("admin:elections_election_upload", args=[small_election.pk]) in text
