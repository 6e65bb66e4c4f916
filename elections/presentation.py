"""Template context for the results pages: charts, table, map, history."""

from articles.languages import localized
from elections import map_shapes, tilemap
from elections.labels import label, number, percent

NO_LEADER_COLOUR = "#e6e6e6"

# The seat chart's geometry in viewBox units: party label, bar, seat count.
BAR_START, BAR_WIDTH, BAR_HEIGHT, CHART_WIDTH = 92, 170, 36, 320


def party_view(party, language):
    if party is None:
        return None
    return {
        "name": localized(party, "name", language, fallback=True),
        "abbreviation": localized(party, "abbreviation", language, fallback=True)
        or party.slug.upper(),
        "colour": party.colour or "#777777",
        "ink": tilemap.ink_for(party.colour or "#777777"),
    }


def seat_chart(totals, language):
    """Bars for the national seat chart, one per party with seats or votes."""
    most = max((p.total_seats or 0 for p in totals), default=0) or 1
    all_votes = sum(p.total_votes or 0 for p in totals)
    bars = []
    for party in totals:
        seats = party.total_seats or 0
        bars.append(
            {
                **party_view(party, language),
                "seats": seats,
                "seats_shown": number(seats, language),
                "votes_shown": number(party.total_votes, language),
                "share_shown": percent(
                    100 * party.total_votes / all_votes if all_votes else None,
                    language,
                ),
                # Whole units: a template would localise a float ("2,5").
                "width": round(BAR_WIDTH * seats / most),
                "y": BAR_HEIGHT * len(bars),
            }
        )
    for bar in bars:
        bar["value_x"] = BAR_START + bar["width"] + 6
    return {
        "bars": bars,
        "total_shown": number(sum(b["seats"] for b in bars), language),
        "width": CHART_WIDTH,
        "height": BAR_HEIGHT * len(bars),
        "bar_start": BAR_START,
    }


def table_rows(rows, language):
    """The by-province table: each province's parties, leader and turnout."""
    table = []
    for row in rows:
        turnout = row.turnout
        table.append(
            {
                "name": localized(row.province, "name", language, fallback=True),
                "url": row.province.get_absolute_url(language),
                "leader": party_view(row.leader, language),
                "results": [
                    {
                        **party_view(result.party, language),
                        "seats": number(result.seats, language),
                        "votes": number(result.votes, language),
                        "share": percent(result.share, language),
                    }
                    for result in row.results
                ],
                "seats": number(row.seats, language),
                "turnout": percent(turnout and turnout.turnout_percent, language),
                "counted": percent(turnout and turnout.counted_percent, language),
            }
        )
    return table


def name_lines(name):
    """A province name on at most two lines of a map square (split at a space)."""
    first, _space, rest = name.partition(" ")
    return [first, rest] if rest else [name]


def map_area(row, language):
    """What the map shows of one province, whatever its shape."""
    leader = party_view(row.leader, language)
    name = localized(row.province, "name", language, fallback=True)
    return {
        "name": name,
        "lines": name_lines(name),
        "url": row.province.get_absolute_url(language),
        "fill": leader["colour"] if leader else NO_LEADER_COLOUR,
        "ink": leader["ink"] if leader else "#000000",
        "leader": leader["abbreviation"]
        if leader
        else (label("tie", language) if row.results else "—"),
        "seats": number(row.seats, language) if row.results else "",
    }


def tile_map(rows, language):
    tiles = []
    for row in rows:
        square = tilemap.tile(row.province.slug)
        if square is not None:
            tiles.append({**square, **map_area(row, language)})
    return {"tiles": tiles, "width": tilemap.WIDTH, "height": tilemap.HEIGHT}


def province_map(rows, language):
    """The provinces' outlines shaded by leader; the tile grid without outlines."""
    built = map_shapes.outlines()
    if built is None:
        return tile_map(rows, language)
    areas = []
    for row in rows:
        outline = map_shapes.shape(row.province.slug)
        if outline is not None:
            areas.append({**outline, **map_area(row, language)})
    return {
        "areas": areas,
        "width": built["width"],
        "height": built["height"],
        "attribution": built["source"]["attribution"],
    }


def legend(rows, language):
    """The parties leading somewhere, for the map's key, then "Tied" if any."""
    seen = {}
    for row in rows:
        if row.leader is not None:
            seen.setdefault(row.leader.pk, row.leader)
    entries = [party_view(party, language) for party in seen.values()]
    if any(row.leader is None and row.results for row in rows):
        tie = label("tie", language)
        entries.append({"abbreviation": tie, "name": "", "colour": NO_LEADER_COLOUR})
    return entries


def history_view(history, language):
    return [
        {
            "election": election,
            "name": localized(election, "name", language, fallback=True),
            "url": election.get_absolute_url(language),
            "results": [
                {
                    **party_view(result.party, language),
                    "seats": number(result.seats, language),
                    "votes": number(result.votes, language),
                }
                for result in results
            ],
        }
        for election, results in history
    ]
