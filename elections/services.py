"""The one way results change: every changed field leaves a ResultChange row.

The admin, the CSV upload and the archive import all call set_result /
set_turnout / delete_result, inside their own transaction; the change log
rows are written in it too, so a rolled-back upload leaves no history either.
Once committed, cached public pages are made stale (results_changed).
"""

from django.db import transaction
from django.utils import timezone

from articles.page_cache import bump_content_version
from elections.models import ProvinceResult, ProvinceTurnout, ResultChange

RESULT_FIELDS = ("votes", "seats")
TURNOUT_FIELDS = ("registered_voters", "ballots_cast", "counted_percent")
KEY_FIELDS = ("election", "province", "party")


def results_changed():
    """Cached pages carry the content version: results pages are stale at once."""
    bump_content_version()


def _shown(value):
    return "" if value is None else str(value)


def _apply(row, values, log, *, created):
    """Set `values` on `row`; the ResultChange rows (unsaved) for what changed."""
    changes = []
    for name, value in values.items():
        old = None if created else getattr(row, name)
        if not created and _shown(old) == _shown(value):
            continue
        setattr(row, name, value)
        if created and value is None:
            continue
        changes.append(
            ResultChange(
                field=name, old_value=_shown(old), new_value=_shown(value), **log
            )
        )
    return changes


def _save(row, changes, created):
    if created or changes:
        # The figures' own limits; the keys are known rows (no lookup queries).
        row.clean_fields(exclude=KEY_FIELDS)
        row.save()
    if changes:
        ResultChange.objects.bulk_create(changes)
        transaction.on_commit(results_changed)
    return row, changes


def _log(election, province, party, user, source, now):
    return {
        "election": election,
        "province": province,
        "party": party,
        "source": source,
        "changed_by": user if user and user.is_authenticated else None,
        "changed_at": now or timezone.now(),
    }


def set_result(election, province, party, *, source, user=None, now=None, **values):
    """Give one party's row in a province these votes/seats: (row, changes)."""
    unknown = set(values) - set(RESULT_FIELDS)
    if unknown:
        raise TypeError(f"not result fields: {', '.join(sorted(unknown))}")
    row = ProvinceResult.objects.filter(
        election=election, province=province, party=party
    ).first()
    created = row is None
    if created:
        row = ProvinceResult(election=election, province=province, party=party)
    log = _log(election, province, party, user, source, now)
    return _save(row, _apply(row, values, log, created=created), created)


def set_turnout(election, province, *, source, user=None, now=None, **values):
    """Set a province's turnout figures and counted %: (row, changes)."""
    unknown = set(values) - set(TURNOUT_FIELDS)
    if unknown:
        raise TypeError(f"not turnout fields: {', '.join(sorted(unknown))}")
    row = ProvinceTurnout.objects.filter(election=election, province=province).first()
    created = row is None
    if created:
        row = ProvinceTurnout(election=election, province=province)
    log = _log(election, province, None, user, source, now)
    return _save(row, _apply(row, values, log, created=created), created)


def delete_result(row, *, source, user=None, now=None):
    """Remove a party's row from a province, logging each figure it held."""
    log = _log(row.election, row.province, row.party, user, source, now)
    changes = [
        ResultChange(field=name, old_value=_shown(getattr(row, name)), **log)
        for name in RESULT_FIELDS
        if getattr(row, name) is not None
    ]
    row.delete()
    ResultChange.objects.bulk_create(changes)
    transaction.on_commit(results_changed)
    return changes
