"""The commission's CSV: all rows or none, and a report naming each bad row."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from elections.csv_upload import upload_results
from elections.models import ProvinceResult, ProvinceTurnout, ResultChange

pytestmark = pytest.mark.django_db

GOOD = (
    "province,party,votes,seats,registered_voters,ballots_cast,counted_percent\n"
    "Kampot,CPP,151000,4,400000,330000,100\n"
    "កំពត,CNRP,91000,2,,,\n"
    "kandal,Cambodia National Rescue Party,៣១២០០០,5,,,\n"
)


def figures():
    return sorted(
        ProvinceResult.objects.values_list(
            "province__slug", "party__slug", "votes", "seats"
        )
    )


def test_a_good_table_is_applied_and_logged(small_election, editor):
    report = upload_results(small_election, GOOD.encode(), editor)
    assert report.ok and report.rows == 3
    assert figures() == [
        ("kampot", "cnrp", 91000, 2),
        ("kampot", "cpp", 151000, 4),
        ("kandal", "cnrp", 312000, 5),  # Khmer digits read as digits
        ("kandal", "cpp", 300000, 6),
    ]
    turnout = ProvinceTurnout.objects.get(province__slug="kampot")
    assert (turnout.ballots_cast, turnout.counted_percent) == (330000, 100)
    assert report.changes == ResultChange.objects.count() == 6
    assert set(ResultChange.objects.values_list("source", "changed_by")) == {
        ("csv", editor.pk)
    }


def test_bad_rows_are_each_reported_and_nothing_is_applied(small_election, editor):
    before = figures()
    table = (
        "province,party,votes,seats\n"
        "Kampot,CPP,151000,4\n"  # fine, but must not be applied alone
        "Atlantis,CPP,1,1\n"
        "Kampot,XYZ,1,1\n"
        "Kandal,CPP,lots,1\n"
        "Kampot,CPP,152000,4\n"
        "Kandal,CNRP,1,1,extra\n"
    )
    report = upload_results(small_election, table.encode(), editor)
    assert not report.ok
    assert report.problems == [
        (3, "no province 'Atlantis'"),
        (4, "no party 'XYZ' (add it in People › Parties)"),
        (5, "votes must be a whole number ≥ 0, not 'lots'"),
        (6, "Cambodian People's Party in Kampot again (first on line 2)"),
        (7, "more cells than the header has columns"),
    ]
    assert figures() == before
    assert not ResultChange.objects.exists()


def test_a_figure_too_large_for_its_column_rolls_back_the_whole_table(
    small_election, editor
):
    before = figures()
    table = "province,party,seats\nKampot,CPP,5\nKandal,CPP,1001\n"
    report = upload_results(small_election, table.encode(), editor)
    assert not report.ok and report.problems[0][0] == 3
    assert figures() == before and not ResultChange.objects.exists()


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"party,votes\nCPP,1\n", (1, "the header row has no 'province' column")),
        (b"province,party,colour\n", (1, "unknown column colour")),
        ("province\nកំពត\n".encode("utf-16"), (0, "the file is not UTF-8 text; "
                                               "save the table as CSV UTF-8")),
        (b"province,party,votes\nKampot,,5\n", (2, "votes or seats without a party")),
    ],
)  # fmt: skip
def test_unusable_files_say_why(small_election, editor, data, problem):
    report = upload_results(small_election, data, editor)
    assert report.problems == [problem]


def test_the_admin_upload_shows_the_report_and_applies_nothing(
    small_election, editor_client
):
    url = reverse("admin:elections_election_upload", args=[small_election.pk])
    table = SimpleUploadedFile("results.csv", b"province,party,seats\nAtlantis,CPP,1\n")
    response = editor_client.post(url, {"table": table})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Nothing was applied" in text and "no province &#x27;Atlantis&#x27;" in text
    assert not ResultChange.objects.exists()


def test_the_admin_upload_applies_a_good_table(small_election, editor_client):
    url = reverse("admin:elections_election_upload", args=[small_election.pk])
    table = SimpleUploadedFile("results.csv", GOOD.encode("utf-8-sig"))
    response = editor_client.post(url, {"table": table})
    assert response.status_code == 302
    assert ResultChange.objects.filter(changed_by__username="editor").count() == 6
