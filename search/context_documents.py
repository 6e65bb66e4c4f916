"""The SearchDocument rows of people and parties (the context layer).

One document per language the entry has a page in. Its headline holds every
name it goes by, in every script (names in each language, aliases,
abbreviations), so "ហ៊ុន សែន" typed on the English search page finds Hun Sen
and "Hun Sen" on the Khmer one finds ហ៊ុន សែន. Summary: role and summary; body:
the biography or history's words; captions: party, credit.
"""

from articles.languages import LANGUAGE_CODES, localized
from articles.rendering import plain_text
from people.models import Party, Person
from search.documents import document, joined
from search.models import SearchDocument

Kind = SearchDocument.Kind


def names_of(entry, extra_field=None):
    names = entry.all_names()
    if extra_field:
        names += [localized(entry, extra_field, code) for code in LANGUAGE_CODES]
    return joined(*dict.fromkeys(name for name in names if name))


def entry_documents(entries, kind, extra=None, abbreviation=None):
    return [
        doc
        for entry in entries
        for language in LANGUAGE_CODES
        if entry.is_public_in(language)
        and (
            doc := document(
                kind,
                entry.pk,
                language,
                headline=names_of(entry, abbreviation),
                summary=joined(
                    localized(entry, "role", language) if kind == Kind.PERSON else "",
                    localized(entry, "summary", language),
                ),
                body=plain_text(localized(entry, "body", language) or ""),
                captions=joined(
                    extra(entry, language) if extra else "",
                    localized(entry, "credit", language),
                ),
            )
        )
    ]


def party_of(person, language):
    party = person.party
    return localized(party, "name", language, fallback=LANGUAGE_CODES) if party else ""


def person_documents(ids):
    people = Person.objects.filter(pk__in=ids).select_related("party")
    return entry_documents(people, Kind.PERSON, extra=party_of)


def party_documents(ids):
    parties = Party.objects.filter(pk__in=ids)
    return entry_documents(parties, Kind.PARTY, abbreviation="abbreviation")
