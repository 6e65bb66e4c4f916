"""The context layer's public pages: people, parties, the timeline, quotes.

An entry has a page in the languages its name (an event: its headline; a
quote: its words) is written in. Every page caches like the stories' pages
(cache_public_page) and reads a fixed number of queries, whatever it lists.
"""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from articles.dates import khmer_digits
from articles.languages import current_language, localized
from articles.page_cache import cache_public_page
from media_assets.models import rendition_prefetch
from people.labels import label, labels_in
from people.models import Party, PartyPhoto, Person, PersonPhoto, TimelineEvent
from people.presentation import (
    entry_context,
    entry_photos_prefetch,
    quote_cards,
    timeline_items,
)

EVENTS = TimelineEvent.objects.select_related("photo").prefetch_related(
    rendition_prefetch("photo__renditions")
)


def render_page(request, template, language, title, **context):
    context.update(language=language, labels=labels_in(language), page_title=title)
    return render(request, template, context)


def public_or_404(entry, language):
    if entry is None or not entry.is_public_in(language):
        raise Http404("Nothing at this address in this language.")
    return entry


def listing(entries, language):
    return [
        {
            "entry": entry,
            "name": localized(entry, "name", language),
            "summary": localized(entry, "summary", language),
            "url": entry.get_absolute_url(language),
        }
        for entry in entries
        if entry.is_public_in(language)
    ]


def entry_index(request, model, image, title_key):
    """A list of people or parties, with their portrait or logo."""
    language = current_language()
    entries = model.objects.select_related(image).prefetch_related(
        rendition_prefetch(f"{image}__renditions")
    )
    return render_page(
        request,
        "people/entry_index.html",
        language,
        label(title_key, language),
        entries=listing(entries, language),
        image=image,
    )


@require_safe
@cache_public_page
def person_index(request):
    return entry_index(request, Person, "portrait", "people")


@require_safe
@cache_public_page
def party_index(request):
    return entry_index(request, Party, "logo", "parties")


@require_safe
@cache_public_page
def person_detail(request, slug):
    language = current_language()
    person = public_or_404(
        Person.objects.select_related("party", "portrait")
        .prefetch_related(
            rendition_prefetch("portrait__renditions"),
            entry_photos_prefetch(PersonPhoto),
            Prefetch("timeline_events", queryset=EVENTS),
        )
        .filter(slug=slug)
        .first(),
        language,
    )
    party = person.party
    if party and not party.is_public_in(language):
        party = None
    context = entry_context(person, "person", language)
    return render_page(
        request,
        "people/person_detail.html",
        language,
        context["name"],
        person=person,
        entry=context,
        role=localized(person, "role", language),
        party=listing([party], language)[0] if party else None,
        events=timeline_items(person.timeline_events.all(), language),
    )


@require_safe
@cache_public_page
def party_detail(request, slug):
    language = current_language()
    party = public_or_404(
        Party.objects.select_related("logo")
        .prefetch_related(
            rendition_prefetch("logo__renditions"),
            entry_photos_prefetch(PartyPhoto),
            Prefetch("members", queryset=Person.objects.order_by("slug")),
            Prefetch("timeline_events", queryset=EVENTS),
        )
        .filter(slug=slug)
        .first(),
        language,
    )
    context = entry_context(party, "party", language)
    return render_page(
        request,
        "people/party_detail.html",
        language,
        context["name"],
        party=party,
        entry=context,
        abbreviation=localized(party, "abbreviation", language),
        founded=(khmer_digits(party.founded) if language == "km" else party.founded)
        if party.founded
        else "",
        members=listing(party.members.all(), language),
        events=timeline_items(party.timeline_events.all(), language),
    )


@require_safe
@cache_public_page
def timeline(request):
    language = current_language()
    return render_page(
        request,
        "people/timeline.html",
        language,
        label("timeline", language),
        events=timeline_items(EVENTS.all(), language),
    )


@require_safe
@cache_public_page
def quote_list(request):
    language = current_language()
    return render_page(
        request,
        "people/quote_list.html",
        language,
        label("quotes", language),
        cards=quote_cards(language),
    )
