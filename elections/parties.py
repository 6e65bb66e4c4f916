"""The parties the archive's data names, matched to the context layer's Party.

data/data.merged.json names parties by short codes (FCP for FUNCINPEC). A
code matches an existing Party by its abbreviation in any language, its slug
or one of its aliases; only a party nobody has entered yet is created, with
the names and colour below (editors may change them in the people admin).
"""

from dataclasses import dataclass

from django.utils.text import slugify

from articles.languages import LANGUAGE_CODES, field_name
from people.models import Party, alias_list


@dataclass(frozen=True)
class KnownParty:
    code: str
    abbreviation: str
    name_en: str
    name_km: str
    colour: str
    spellings: tuple = ()


# Colours are apart in hue and lightness, so the map and bars read in grey too.
KNOWN_PARTIES = {
    party.code: party
    for party in (
        KnownParty(
            "CPP", "CPP", "Cambodian People's Party", "គណបក្សប្រជាជនកម្ពុជា", "#1f4e9c"
        ),
        KnownParty(
            "CNRP",
            "CNRP",
            "Cambodia National Rescue Party",
            "គណបក្សសង្គ្រោះជាតិ",
            "#e07b00",
        ),
        KnownParty(
            "FCP",
            "FUNCINPEC",
            "FUNCINPEC",
            "គណបក្សហ្វ៊ុនស៊ិនប៉ិច",
            "#c9a227",
            ("FCP",),
        ),
        KnownParty("SRP", "SRP", "Sam Rainsy Party", "គណបក្សសម រង្ស៊ី", "#7b3294"),
        KnownParty("HRP", "HRP", "Human Rights Party", "គណបក្សសិទ្ធិមនុស្ស", "#2a9d8f"),
        KnownParty(
            "NRP", "NRP", "Norodom Ranariddh Party", "គណបក្សនរោត្តម រណឫទ្ធិ", "#b5443a"
        ),
    )
}


def spellings_of(party):
    """Every lower-cased name a data file or CSV might use for `party`."""
    names = [party.slug, *alias_list(party.aliases)]
    for code in LANGUAGE_CODES:
        names += [
            getattr(party, field_name("abbreviation", code)),
            getattr(party, field_name("name", code)),
        ]
    return {name.strip().lower() for name in names if name and name.strip()}


def party_index(parties=None):
    """{spelling: Party} over every party, one query when `parties` is None."""
    index = {}
    for party in parties if parties is not None else Party.objects.all():
        for spelling in spellings_of(party):
            index.setdefault(spelling, party)
    return index


def find_party(index, name):
    """The Party `name` (a code, abbreviation, name or alias) refers to, or None."""
    name = (name or "").strip().lower()
    known = KNOWN_PARTIES.get(name.upper())
    candidates = [name]
    if known:
        candidates += [
            known.abbreviation.lower(),
            *(s.lower() for s in known.spellings),
        ]
    for candidate in candidates:
        if candidate in index:
            return index[candidate]
    return None


def ensure_party(index, code):
    """(Party for `code`, created?); a new Party only for a code nobody has entered."""
    party = find_party(index, code)
    if party is not None:
        return party, False
    known = KNOWN_PARTIES.get(code.upper())
    if known is None:
        known = KnownParty(code, code, code, "", "")
    party = Party.objects.create(
        slug=slugify(known.abbreviation) or slugify(code),
        name_en=known.name_en,
        name_km=known.name_km,
        abbreviation_en=known.abbreviation,
        abbreviation_km=known.abbreviation,
        aliases="\n".join(known.spellings),
        colour=known.colour,
    )
    for spelling in spellings_of(party):
        index.setdefault(spelling, party)
    return party, True
