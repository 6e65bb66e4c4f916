"""Which province a story is about, and which stories are about a province.

A story's place is its location and its map pin (in every language); a
province is named in it when its English or Khmer name appears in one of
those. The longest name wins, so a pin on "Kampong Cham" never reads as some
shorter name it happens to contain.
"""

from django.db.models import Q

from articles.languages import LANGUAGE_CODES, field_name
from articles.models import Article

PLACE_FIELDS = tuple(
    field_name(name, code)
    for name in ("location_name", "map_pin")
    for code in LANGUAGE_CODES
)


def province_names(province):
    names = (getattr(province, field_name("name", code)) for code in LANGUAGE_CODES)
    return [name for name in names if name]


def places_of(article):
    return [getattr(article, name) or "" for name in PLACE_FIELDS]


def province_of(article, provinces):
    """The province among `provinces` the story's place names, or None."""
    places = [place.casefold() for place in places_of(article) if place]
    if not places:
        return None
    candidates = sorted(
        ((name.casefold(), province) for province in provinces
         for name in province_names(province)),
        key=lambda pair: -len(pair[0]),
    )  # fmt: skip
    for name, province in candidates:
        if any(name in place for place in places):
            return province
    return None


def stories_about(province, language, limit=12):
    """Published stories in `language` whose place names `province` (1 query)."""
    match = Q()
    for name in province_names(province):
        for place in PLACE_FIELDS:
            match |= Q(**{f"{place}__icontains": name})
    if not match:
        return []
    published_at = field_name("published_at", language)
    return list(
        Article.objects.published(language)
        .filter(match)
        .select_related("section")
        .order_by(f"-{published_at}", "-pk")[:limit]
    )
