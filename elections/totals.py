"""What the results pages read, each in a fixed number of queries.

National totals are sums over province rows in SQL (GROUP BY party), never a
stored or typed figure. Shares and leaders are worked out in Python from rows
already fetched, so they cannot drift from the numbers shown beside them.
"""

from dataclasses import dataclass, field

from django.db.models import Max, Prefetch, Q, Sum

from elections.models import Election, Province, ProvinceResult, ResultChange
from people.models import Party


def national_totals(election):
    """Parties with `total_seats` and `total_votes` summed over provinces (1 query)."""
    here = Q(results__election=election)
    return list(
        Party.objects.filter(here)
        .annotate(
            total_seats=Sum("results__seats", filter=here),
            total_votes=Sum("results__votes", filter=here),
        )
        .order_by("-total_seats", "-total_votes", "slug")
    )


def last_updated(**where):
    """When the results matching `where` last changed, or None (1 query)."""
    return ResultChange.objects.filter(**where).aggregate(at=Max("changed_at"))["at"]


@dataclass
class ProvinceRow:
    """One province at one election: its parties' rows, leader and turnout."""

    province: Province
    results: list
    turnout: object = None
    seats: int = field(init=False)
    votes: int = field(init=False)

    def __post_init__(self):
        self.seats = sum(row.seats for row in self.results)
        known = [row.votes for row in self.results if row.votes is not None]
        self.votes = sum(known) if known else None
        for row in self.results:
            row.share = (
                round(100 * row.votes / self.votes, 1)
                if self.votes and row.votes is not None
                else None
            )

    @property
    def leader(self):
        """The party with most seats (then votes); None when none or tied."""
        ranked = sorted(
            self.results, key=lambda r: (r.seats, r.votes or 0), reverse=True
        )
        if not ranked or (ranked[0].seats == 0 and not ranked[0].votes):
            return None
        if len(ranked) > 1 and (ranked[0].seats, ranked[0].votes) == (
            ranked[1].seats,
            ranked[1].votes,
        ):
            return None
        return ranked[0].party


def province_rows(election):
    """Every province with its rows at `election` (3 queries)."""
    results = ProvinceResult.objects.filter(election=election).select_related("party")
    provinces = Province.objects.prefetch_related(
        Prefetch("results", queryset=results, to_attr="election_results"),
        Prefetch(
            "turnouts",
            queryset=election.turnouts.all(),
            to_attr="election_turnouts",
        ),
    )
    return [
        ProvinceRow(
            province,
            sorted(
                province.election_results,
                key=lambda r: (-r.seats, -(r.votes or 0), r.party.slug),
            ),
            (province.election_turnouts or [None])[0],
        )
        for province in provinces
    ]


def province_history(province):
    """[(election, [results])] newest first, for one province (1 query)."""
    rows = (
        ProvinceResult.objects.filter(province=province)
        .select_related("election", "party")
        .order_by("-election__date", "-seats", "-votes", "party__slug")
    )
    history = {}
    for row in rows:
        history.setdefault(row.election, []).append(row)
    return list(history.items())


def elections_with_results():
    """Elections that have any result, newest first (1 query)."""
    return list(Election.objects.filter(results__isnull=False).distinct())
