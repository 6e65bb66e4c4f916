"""The archive's data.merged.json and _config.yml, imported from the sample."""

import json

import yaml

from articles.demo import run_demo_loaders
from elections import tilemap
from elections.importer import import_province_data, load_demo_province_data
from elections.models import Election, Province, ProvinceResult, ResultChange
from elections.totals import national_totals
from people.models import Party
from tests.factories.people import PartyFactory


def totals_of(year):
    election = Election.objects.get(slug=year)
    return {p.abbreviation_en: p.total_seats for p in national_totals(election)}


def test_import_makes_the_25_provinces_with_khmer_names_from_the_config(
    imported, voa_fixtures
):
    config = yaml.safe_load((voa_fixtures / "_config.yml").read_text("utf-8"))
    khmer_map = config["site_info__object"]["khmer"]["map"]
    assert Province.objects.count() == 25
    kampot = Province.objects.get(slug="kampot")
    assert kampot.name_km == khmer_map["Kampot"].strip() == "កំពត"
    for province in Province.objects.all():
        key = province.name_en.replace(" ", "_")
        assert province.name_km == khmer_map[key].strip()
    assert set(Province.objects.values_list("slug", flat=True)) == set(tilemap.GRID)
    # Tboung Khmum (split from Kampong Cham in 2013) has no figures in the data.
    assert Province.objects.get(slug="tboung-khmum").figures == {}


def test_figures_are_stored_as_in_the_file(imported, voa_fixtures):
    data = json.loads((voa_fixtures / "data" / "data.merged.json").read_text())
    battambang = Province.objects.get(slug="battambang")
    assert battambang.figures["population"] == data["Battambang"]["population"]
    assert (
        battambang.figures["electricity"]["percent_available"]
        == (data["Battambang"]["electricity"]["percent_available"])
    )
    assert "elections" not in battambang.figures


def test_historical_seats_add_up_to_the_real_national_results(imported):
    assert Election.objects.count() == 4
    # Summed from the provinces: the file's own "national" entry says 99 seats
    # for several parties and is not imported.
    assert totals_of("2013") == {"CPP": 68, "CNRP": 55}
    assert totals_of("2008") == {
        "CPP": 90,
        "SRP": 26,
        "HRP": 3,
        "FUNCINPEC": 2,
        "NRP": 2,
    }
    # The file's 2003 provinces add up to 27 and 23 where the official result
    # is FUNCINPEC 26, SRP 24: imported as the file says; editors correct it
    # (logged) in the admin or by CSV.
    assert totals_of("2003") == {"CPP": 73, "FUNCINPEC": 27, "SRP": 23}
    assert totals_of("1998") == {"CPP": 64, "FUNCINPEC": 43, "SRP": 15}  # 122 seats
    phnom_penh_2013 = ProvinceResult.objects.filter(
        election__slug="2013", province__slug="phnom-penh"
    )
    assert {r.party.abbreviation_en: r.seats for r in phnom_penh_2013} == {
        "CNRP": 7,
        "CPP": 5,
    }


def test_reimport_changes_nothing_and_logs_nothing(imported, voa_fixtures):
    assert imported.result_changes > 0
    logged = ResultChange.objects.count()
    again = import_province_data(voa_fixtures)
    assert (again.provinces_created, again.provinces_updated) == (0, 0)
    assert again.result_changes == 0 and again.parties_created == []
    assert ResultChange.objects.count() == logged
    assert (
        ResultChange.objects.filter(source="import", changed_by=None).count() == logged
    )


def test_existing_parties_are_matched_by_abbreviation_and_alias(db, voa_fixtures):
    funcinpec = PartyFactory(slug="funcinpec", name_en="FUNCINPEC", abbreviation_en="")
    funcinpec.aliases = "FCP\nហ្វ៊ុនស៊ិនប៉ិច"
    funcinpec.save()
    cpp = PartyFactory(slug="cambodian-peoples-party", abbreviation_en="CPP")
    report = import_province_data(voa_fixtures)
    assert "FCP" not in report.parties_created and "CPP" not in report.parties_created
    assert ProvinceResult.objects.filter(party=funcinpec).exists()
    assert ProvinceResult.objects.filter(party=cpp, election__slug="2013").exists()
    assert Party.objects.filter(abbreviation_en="CPP").count() == 1
    created = Party.objects.get(abbreviation_en="CNRP")
    assert created.name_km == "គណបក្សសង្គ្រោះជាតិ" and created.colour


def test_load_demo_runs_the_import_when_the_sample_has_the_data(
    db, voa_fixtures, tmp_path
):
    lines = run_demo_loaders(voa_fixtures)
    assert any(line.startswith("Province data: 25 provinces created") for line in lines)
    assert load_demo_province_data(tmp_path) is None  # the seed site: no data
