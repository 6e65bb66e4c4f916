"""Import the archive's province data: data/data.merged.json and _config.yml.

_config.yml's `map` dictionaries name Cambodia's 25 provinces in English and
Khmer; data.merged.json holds, per province, census figures by topic and the
National Assembly seats each party won in 1998, 2003, 2008 and 2013. Those
years become past elections, so a province page has its history on day one.
The file's "national" entry is not imported: national totals are computed
from the provinces (its seat counts do not even add up).

Re-running changes nothing that is already so (results through
elections.services, which logs only real changes); all in one transaction.
"""

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import transaction
from django.utils.text import slugify

from articles.dates import khmer_digits
from articles.importers.jekyll.errors import PostError
from articles.importers.jekyll.limits import load_yaml, read_capped
from elections.models import Election, Province, ResultChange
from elections.parties import ensure_party, party_index
from elections.services import set_result

DATA_FILE = Path("data") / "data.merged.json"
CONFIG_FILE = Path("_config.yml")
# The config's `map` entries that are not provinces.
NOT_PROVINCES = {"Cambodia", "Vietnam", "Laos", "Thailand", "Gulf_of_Thailand"}
# Polling days of the elections data.merged.json has seats for.
PAST_ELECTIONS = {
    "1998": datetime.date(1998, 7, 26),
    "2003": datetime.date(2003, 7, 27),
    "2008": datetime.date(2008, 7, 27),
    "2013": datetime.date(2013, 7, 28),
}
ELECTION_NAMES = {
    "en": "{year} National Assembly election",
    "km": "ការបោះឆ្នោតជ្រើសតាំងតំណាងរាស្ត្រឆ្នាំ{year}",
}
# Everything a province entry holds besides its seats is a figure.
RESULTS_KEY = "elections"


class ProvinceDataError(Exception):
    """The files cannot be imported; the message names the file and why."""


@dataclass
class ImportReport:
    provinces_created: int = 0
    provinces_updated: int = 0
    parties_created: list = field(default_factory=list)
    elections_created: int = 0
    result_changes: int = 0

    def summary(self):
        parties = ", ".join(self.parties_created) or "none"
        return (
            f"Province data: {self.provinces_created} provinces created, "
            f"{self.provinces_updated} updated; {self.elections_created} elections "
            f"created; {self.result_changes} result figures changed; "
            f"parties created: {parties}."
        )


def read_province_names(site_dir):
    """{English name: {"en": …, "km": …}} from _config.yml's map dictionaries."""
    path = Path(site_dir) / CONFIG_FILE
    try:
        data = load_yaml(read_capped(path, path).decode("utf-8"))
    except (OSError, PostError, yaml.YAMLError, UnicodeDecodeError) as error:
        raise ProvinceDataError(f"{path}: {error}") from error
    info = (data or {}).get("site_info__object") or {}
    english = (info.get("english") or {}).get("map") or {}
    khmer = (info.get("khmer") or {}).get("map") or {}
    names = {}
    for key, name in english.items():
        if key in NOT_PROVINCES or key.startswith("note_"):
            continue
        name = name.strip()
        names[name] = {"en": name, "km": (khmer.get(key) or "").strip()}
    if not names:
        raise ProvinceDataError(f"{path} names no provinces under site_info__object")
    return names


def read_data(site_dir):
    path = Path(site_dir) / DATA_FILE
    try:
        data = json.loads(read_capped(path, path))
    except (OSError, PostError, ValueError) as error:
        raise ProvinceDataError(f"{path}: {error}") from error
    if not isinstance(data, dict):
        raise ProvinceDataError(f"{path} is not an object of provinces")
    return data


def _province(report, names, data):
    slug = slugify(names["en"])
    figures = {k: v for k, v in data.items() if k != RESULTS_KEY}
    province, created = Province.objects.get_or_create(
        slug=slug,
        defaults={"name_en": names["en"], "name_km": names["km"], "figures": figures},
    )
    if created:
        report.provinces_created += 1
        return province
    wanted = {"name_en": names["en"], "name_km": names["km"], "figures": figures}
    if any(getattr(province, k) != v for k, v in wanted.items()):
        for key, value in wanted.items():
            setattr(province, key, value)
        province.save()
        report.provinces_updated += 1
    return province


def _election(report, year):
    election, created = Election.objects.get_or_create(
        slug=year,
        defaults={
            "date": PAST_ELECTIONS[year],
            "kind": Election.Kind.NATIONAL_ASSEMBLY,
            "name_en": ELECTION_NAMES["en"].format(year=year),
            "name_km": ELECTION_NAMES["km"].format(year=khmer_digits(year)),
        },
    )
    report.elections_created += created
    return election


@transaction.atomic
def import_province_data(site_dir):
    """Provinces, their figures and the past elections' seats; an ImportReport."""
    names = read_province_names(site_dir)
    data = read_data(site_dir)
    unknown = sorted(set(data) - set(names) - {"national"})
    if unknown:
        raise ProvinceDataError(
            f"{DATA_FILE} names provinces _config.yml does not: {', '.join(unknown)}"
        )
    report = ImportReport()
    parties = party_index()
    elections = {}
    for english, province_names in names.items():
        entry = data.get(english) or {}
        province = _province(report, province_names, entry)
        for year, seats in sorted((entry.get(RESULTS_KEY) or {}).items()):
            if year not in PAST_ELECTIONS:
                continue
            if year not in elections:
                elections[year] = _election(report, year)
            for code, won in sorted(seats.items()):
                party, created = ensure_party(parties, code)
                if created:
                    report.parties_created.append(code)
                _row, changes = set_result(
                    elections[year],
                    province,
                    party,
                    source=ResultChange.Source.IMPORT,
                    seats=int(won),
                )
                report.result_changes += len(changes)
    return report


def load_demo_province_data(site_dir):
    """articles.demo's loader: import when the sample has the data, else None."""
    if not (Path(site_dir) / DATA_FILE).is_file():
        return None
    try:
        return import_province_data(site_dir).summary()
    except ProvinceDataError as error:
        return f"Province data not imported: {error}"
