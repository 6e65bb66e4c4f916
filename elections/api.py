"""The partner results endpoint: /<lang>/results/<election>.json.

Partners present the same keys as for the feed, counted against the same
rate limit (syndication.views.partner_key); a request without a key is
refused, since the figures are for republishing. The body is the same for
every partner, so its ETag is a hash of it and If-None-Match answers 304.
"""

import json

from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.views.decorators.http import require_safe

from articles.languages import current_language, localized
from elections import totals
from elections.http import body_etag
from elections.models import Election
from syndication.site import site_url
from syndication.views import PARTNER_MAX_AGE, Refusal, error, partner_key

CONTENT_TYPE = "application/json; charset=utf-8"


def party_json(party, language):
    return {
        "slug": party.slug,
        "name": localized(party, "name", language, fallback=True),
        "abbreviation": localized(party, "abbreviation", language, fallback=True),
        "colour": party.colour,
    }


def vote_share(votes, all_votes):
    return (
        round(100 * votes / all_votes, 2) if votes is not None and all_votes else None
    )


def results_json(election, language):
    national = totals.national_totals(election)
    all_votes = sum(p.total_votes or 0 for p in national)
    updated = totals.last_updated(election=election)
    return {
        "election": {
            "slug": election.slug,
            "name": localized(election, "name", language, fallback=True),
            "date": election.date.isoformat(),
            "kind": election.kind,
            "url": site_url() + election.get_absolute_url(language),
        },
        "language": language,
        "last_updated": updated.isoformat() if updated else None,
        "national": [
            {
                "party": party_json(party, language),
                "seats": party.total_seats or 0,
                "votes": party.total_votes,
                "vote_share": vote_share(party.total_votes, all_votes),
            }
            for party in national
        ],
        "provinces": [
            province_json(row, language) for row in totals.province_rows(election)
        ],
    }


def province_json(row, language):
    turnout = row.turnout
    return {
        "slug": row.province.slug,
        "name": localized(row.province, "name", language, fallback=True),
        "url": site_url() + row.province.get_absolute_url(language),
        "seats": row.seats,
        "votes": row.votes,
        "leader": row.leader.slug if row.leader else None,
        "registered_voters": turnout and turnout.registered_voters,
        "ballots_cast": turnout and turnout.ballots_cast,
        "turnout_percent": turnout and turnout.turnout_percent,
        "counted_percent": (
            float(turnout.counted_percent)
            if turnout and turnout.counted_percent is not None
            else None
        ),
        "results": [
            {
                "party": result.party.slug,
                "seats": result.seats,
                "votes": result.votes,
                "vote_share": result.share,
            }
            for result in row.results
        ],
    }


@require_safe
def election_results_json(request, slug):
    language = current_language()
    try:
        key = partner_key(request, language)
    except Refusal as refusal:
        return refusal.response
    if key is None:
        response = error(401, "The results need a partner API key.")
        response["WWW-Authenticate"] = 'Bearer realm="feed"'
        return response
    election = Election.objects.filter(slug=slug).first()
    if election is None:
        return error(404, "No election with this slug.")
    body = json.dumps(
        results_json(election, language), ensure_ascii=False, sort_keys=True
    ).encode()
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["ETag"] = body_etag(body)
    response["Cache-Control"] = f"private, max-age={PARTNER_MAX_AGE}"
    patch_vary_headers(response, ["Authorization"])
    conditional = get_conditional_response(
        request, etag=response["ETag"], response=response
    )
    if request.method == "HEAD" and conditional is response:
        response.content = b""
    return conditional
