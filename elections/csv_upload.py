"""The election commission's table as CSV: checked whole, then applied whole.

Columns (a header row first, any order, UTF-8; names are case-insensitive):

  province           required: slug, English or Khmer name (kampot, Kampot, កំពត)
  party              party abbreviation, name, slug or alias (CPP, FUNCINPEC, FCP);
                     empty on a row that only gives the province's turnout
  votes, seats       whole numbers ≥ 0; an empty cell leaves the figure as it is
  registered_voters, ballots_cast, counted_percent
                     the province's turnout and how much is counted (0–100);
                     optional, and equal on every row of a province that gives them

Khmer digits (០–៩) are read as digits. Every row is checked before anything is
written; a single bad row means nothing is applied, and the report names each
bad row by its line number in the file and says why.
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from articles.languages import LANGUAGE_CODES, field_name
from elections.models import Province, ResultChange
from elections.parties import find_party, party_index
from elections.services import RESULT_FIELDS, TURNOUT_FIELDS, set_result, set_turnout

MAX_BYTES = 1024 * 1024
COLUMNS = ("province", "party", *RESULT_FIELDS, *TURNOUT_FIELDS)
KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")


@dataclass
class UploadReport:
    problems: list = field(default_factory=list)  # [(line number, reason)]
    rows: int = 0
    changes: int = 0

    @property
    def ok(self):
        return not self.problems


class RowError(ValueError):
    pass


def whole_number(text, column):
    text = text.translate(KHMER_DIGITS).replace(",", "").strip()
    if not (text.isascii() and text.isdigit()):
        raise RowError(f"{column} must be a whole number ≥ 0, not {text!r}")
    return int(text)


def percentage(text, column):
    try:
        value = Decimal(text.translate(KHMER_DIGITS).strip().rstrip("%"))
    except InvalidOperation as error:
        raise RowError(f"{column} must be a number from 0 to 100") from error
    if not 0 <= value <= 100:
        raise RowError(f"{column} must be from 0 to 100, not {value}")
    return value.quantize(Decimal("0.01"))


def province_index():
    index = {}
    for province in Province.objects.all():
        index[province.slug] = province
        for code in LANGUAGE_CODES:
            name = getattr(province, field_name("name", code))
            if name:
                index[name.strip().casefold()] = province
    return index


def read_rows(data):
    """(header problems, rows as dicts with their line numbers)."""
    if len(data) > MAX_BYTES:
        return [(0, f"the file is over {MAX_BYTES:,} bytes")], []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [(0, "the file is not UTF-8 text; save the table as CSV UTF-8")], []
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip().lower() for name in reader.fieldnames or []]
    unknown = [name for name in header if name not in COLUMNS]
    if "province" not in header:
        return [(1, "the header row has no 'province' column")], []
    if unknown:
        return [(1, f"unknown column {', '.join(unknown)}")], []
    reader.fieldnames = header
    rows = []
    try:
        for raw in reader:
            if None in raw:
                rows.append((reader.line_num, None))
                continue
            cells = {k: (v or "").strip() for k, v in raw.items()}
            if any(cells.values()):
                rows.append((reader.line_num, cells))
    except csv.Error as error:
        return [(reader.line_num, f"not readable as CSV: {error}")], []
    return [], rows


def parse_row(cells, provinces, parties):
    if cells is None:
        raise RowError("more cells than the header has columns")
    province = provinces.get(cells["province"].casefold())
    if province is None:
        raise RowError(f"no province {cells['province']!r}")
    party = None
    if cells.get("party"):
        party = find_party(parties, cells["party"])
        if party is None:
            raise RowError(f"no party {cells['party']!r} (add it in People › Parties)")
    results = {c: whole_number(cells[c], c) for c in RESULT_FIELDS if cells.get(c)}
    if results and party is None:
        raise RowError("votes or seats without a party")
    turnout = {
        c: (percentage if c == "counted_percent" else whole_number)(cells[c], c)
        for c in TURNOUT_FIELDS
        if cells.get(c)
    }
    if party is None and not turnout:
        raise RowError("neither a party's figures nor the province's turnout")
    return province, party, results, turnout


def check(data):
    """(report, parsed rows) without writing anything."""
    report = UploadReport()
    problems, rows = read_rows(data)
    report.problems += problems
    provinces, parties = province_index(), party_index()
    parsed, seen, turnouts = [], {}, {}
    for line, cells in rows:
        try:
            province, party, results, turnout = parse_row(cells, provinces, parties)
        except RowError as error:
            report.problems.append((line, str(error)))
            continue
        if party is not None:
            if (province.pk, party.pk) in seen:
                first = seen[(province.pk, party.pk)]
                report.problems.append(
                    (line, f"{party} in {province} again (first on line {first})")
                )
                continue
            seen[(province.pk, party.pk)] = line
        if turnout:
            earlier = turnouts.setdefault(province.pk, (line, turnout))
            if earlier[1] != turnout:
                report.problems.append(
                    (line, f"turnout for {province} differs from line {earlier[0]}")
                )
                continue
        parsed.append((line, province, party, results, turnout))
    report.rows = len(parsed)
    return report, parsed


def upload_results(election, data, user):
    """Check the CSV bytes, then apply every row or none: an UploadReport."""
    report, parsed = check(data)
    if not report.ok:
        return report
    log = {"source": ResultChange.Source.CSV, "user": user}
    line = 0
    try:
        with transaction.atomic():
            for row_line, province, party, results, turnout in parsed:
                line = row_line  # for the report, should the row be refused
                if party is not None:
                    changes = set_result(election, province, party, **log, **results)
                    report.changes += len(changes[1])
                if turnout:
                    changes = set_turnout(election, province, **log, **turnout)
                    report.changes += len(changes[1])
    except ValidationError as error:  # e.g. a figure too large for its column
        report.problems.append((line, "; ".join(error.messages)))
        report.changes = 0
    return report
