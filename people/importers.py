"""The archive's context layer into people's models, through the importer's seam.

Registered from PeopleConfig.ready() into articles/importers/jekyll/handlers.py
(articles cannot import people). Each handler runs in the importer's
transaction for its group and returns where the posts' legacy URLs answer 301.

- biography posts -> Person (name, summary, biography with its photos as
  PersonPhoto, portrait, "Researched and written by …" credit; aliases from the
  old layouts' Liquid `replace_first` name lists, which linked those names to
  the biography); party posts likewise keep their photos (PartyPhoto)
- party posts (the glossary `wiki-parties.html` / `factboxes.html` lists, with
  its reference entries: microfinance, national and commune elections) -> Party
- quote posts -> Quote cards, not dated stories
- photo quotations in stories -> Quote cards shown after their photo
  (a story handler, people/photo_quotes.py)
- the timeline post -> the timeline page; `_includes/timeline-english.html` and
  `timeline-khmer.html` -> TimelineEvent, with the anchors the archive links use
"""

import re
from datetime import date
from functools import cache, partial

from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils.translation import override

from articles.importers.jekyll import frontmatter as fm
from articles.importers.jekyll import handlers
from articles.languages import field_name
from articles.slugs import slugify_unicode

from .models import Party, PartyPhoto, Person, PersonPhoto, Quote, TimelineEvent
from .photo_quotes import import_photo_quotes

# | replace_first: 'Hun Sen', '<a href=".../LANGUAGEREPLACE/biography/hun-sen.html"
# | replace_first: 'CPP', '<a href="CPP" class="trigger__party"
REPLACE_FIRST = re.compile(
    r"replace_first:\s*'(?P<name>[^']+)',\s*'<a href=\"(?P<href>[^\"]+)\""
)
BIOGRAPHY_HREF = re.compile(r"/biography/(?P<slug>[\w-]+)\.html$")
TIMELINE_FILES = {"en": "timeline-english.html", "km": "timeline-khmer.html"}
MONTHS = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
]  # fmt: skip
# The biography layout's line; a byline that already says it (the Khmer posts:
# "ស្រាវជ្រាវ​និង​ចងក្រង​ដោយ … | VOA News") is kept as written.
CREDIT_LINE = {
    "en": "Researched and written by {byline} | VOA News",
    "km": "ស្រាវជ្រាវ និងចងក្រងដោយ {byline} | VOA News",
}
LEAD_IN = re.compile(r"\bby\b|ដោយ", re.I)


@cache
def liquid_names(layouts_dir):
    """{('biography', 'hun-sen') or ('party', 'CPP'): [names…]} from the layouts."""
    found = {}
    for folder in ("_layouts", "_includes"):
        for path in sorted((layouts_dir / folder).glob("*.html")):
            for match in REPLACE_FIRST.finditer(path.read_text("utf-8", "replace")):
                bio = BIOGRAPHY_HREF.search(match["href"])
                key = ("biography", bio["slug"]) if bio else ("party", match["href"])
                names = found.setdefault(key, [])
                if match["name"] not in names:
                    names.append(match["name"])
    return found


def _aliases(tools, key, names):
    known = liquid_names(tools.site_dir).get(key, [])
    return "\n".join(dict.fromkeys(n for n in known if n not in names))


def _fill(entry, language, **values):
    for name, value in values.items():
        setattr(entry, field_name(name, language), value)


def _addresses(entry, group):
    return {language: entry.get_absolute_url(language) for language in group}


def _save_with_bodies(entry, group, tools, photo_model, owner):
    """Save `entry`, then its bodies: their photo includes become the entry's
    photos (`photo_model`, linked by `owner`) and [[photo N]], as in a story."""
    entry.full_clean()
    entry.save()
    photo_model.objects.filter(**{owner: entry}).delete()  # a re-import rebuilds
    photos = tools.entry_photos(partial(photo_model, **{owner: entry}))
    for language, post in group.items():
        _fill(entry, language, body=tools.markdown(post, photos))
    entry.save()


def import_biography(group, tools):
    primary = next(iter(group.values()))
    person = Person.objects.filter(slug=primary.slug).first() or Person(
        slug=primary.slug
    )
    for language, post in group.items():
        byline = fm.text(post.data.get("byline")).strip()
        if byline and not LEAD_IN.search(byline):
            byline = CREDIT_LINE[language].format(byline=byline)
        _fill(
            person,
            language,
            name=fm.text(post.data.get("title")).strip(),
            summary=fm.text(post.data.get("summary")).strip(),
            credit=byline,
        )
        ref, _warning = fm.image_ref(post.data.get("mugshot"))
        person.portrait = tools.photo(post, ref) or person.portrait
    names = [fm.text(post.data.get("title")).strip() for post in group.values()]
    person.aliases = _aliases(tools, ("biography", primary.slug), names)
    _save_with_bodies(person, group, tools, PersonPhoto, "person")
    return _addresses(person, group)


def party_key(post):
    """The glossary key the archive's links use (`CPP`, `KhmerRouge`)."""
    return fm.text(post.data.get("party")).replace(" ", "")


def import_party(group, tools):
    primary = next(iter(group.values()))
    key = party_key(primary) or primary.slug.removeprefix("party-")
    party = Party.objects.filter(slug=slugify_unicode(key)).first() or Party(
        slug=slugify_unicode(key)
    )
    for language, post in group.items():
        abbreviation = fm.text(post.data.get("party")).strip()
        _fill(
            party,
            language,
            name=fm.text(post.data.get("title")).strip(),
            abbreviation=abbreviation if abbreviation.isupper() else "",
        )
        ref, _warning = fm.image_ref(post.data.get("image"))
        party.logo = tools.photo(post, ref) or party.logo
    names = [fm.text(post.data.get("title")).strip() for post in group.values()]
    abbreviation = fm.text(primary.data.get("party")).strip()
    party.aliases = _aliases(tools, ("party", key), names) or abbreviation
    if abbreviation and abbreviation not in party.aliases.splitlines():
        party.aliases = "\n".join(filter(None, [abbreviation, party.aliases]))
    _save_with_bodies(party, group, tools, PartyPhoto, "party")
    return _addresses(party, group)


def import_quote(group, tools):
    primary = next(iter(group.values()))
    slug = primary.slug.removeprefix("quote-")
    quote = Quote.objects.filter(slug=slug).first() or Quote(slug=slug)
    for language, post in group.items():
        data = post.data
        _fill(
            quote,
            language,
            speaker_name=fm.text(data.get("title")).strip(),
            age=fm.text(data.get("age")).strip(),
            occupation=fm.text(data.get("occupation")).strip(),
            location=fm.text(data.get("location")).strip(),
            words=tools.markdown(post),
        )
        ref, warning = fm.image_ref(data.get("mugshot"))
        if warning:
            tools.warn(post.source_path, warning)
        quote.portrait = tools.photo(post, ref) or quote.portrait
    quote.full_clean()
    quote.save()
    return {language: quote.get_absolute_url(language) for language in group}


def timeline_page(group, tools):
    """The timeline post only included the timeline: its address is the page's."""
    addresses = {}
    for language in group:
        with override(language):
            addresses[language] = reverse("people:timeline")
    return addresses


# --- the timeline includes ------------------------------------------------------


def event_date(anchor, label):
    """july_29_2018 -> 2018-07-29; 'sept-dec_2013' -> 2013-09-01; None if no year."""
    words = re.split(r"[_\s-]+", anchor.lower())
    year = next((int(w) for w in words if re.fullmatch(r"\d{4}", w)), None)
    if year is None:
        digits = re.findall(r"\d{4}", fm.to_ascii_digits(label))
        year = int(digits[-1]) if digits else None
    if year is None:
        return None
    month = next((MONTHS.index(w[:3]) + 1 for w in words if w[:3] in MONTHS), 1)
    day = next((int(w) for w in words if re.fullmatch(r"\d{1,2}", w)), 1)
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, 1)


def import_timeline(site_dir, tools):
    for language, name in TIMELINE_FILES.items():
        path = site_dir / "_includes" / name
        if path.is_file():
            _import_events(path, f"_includes/{name}", language, tools)


def _import_events(path, source, language, tools):
    soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
    created = repeated = 0
    for div in soup.select("div.voa__timeline__event"):
        headings = div.find_all("h3")
        label = div.select_one("h3.voa__timeline__date")
        headline = next((h for h in headings if h is not label), None)
        if headline is None:
            tools.warn(source, f"event {div.get('id', '')!r} has no headline; skipped")
            continue
        anchor = div.get("id", "")
        label_text = label.get_text(" ", strip=True) if label else ""
        when = event_date(anchor, label_text)
        if when is None:
            tools.warn(source, f"event {anchor!r} has no year; skipped")
            continue
        title = headline.get_text(" ", strip=True)
        existing = TimelineEvent.objects.filter(
            anchor=anchor, **{field_name("headline", language): title}
        )
        if existing.exists():
            repeated += 1  # earlier in the file (the Khmer one lists most twice)
            continue  # or imported before: editors' changes stay
        event = TimelineEvent(date=when, anchor=anchor)
        image = div.find("img")
        if image is not None and image.get("data-image"):
            event.photo = tools.photo_at(source, image["data-image"].strip())
        texts = [p.get_text(" ", strip=True) for p in div.find_all("p")]
        _fill(
            event,
            language,
            date_label=label_text,
            headline=title,
            text="\n\n".join(t for t in texts if t),
        )
        event.full_clean()
        event.save()
        created += 1
    tools.count(f"people: timeline events ({language})", created)
    if repeated:
        tools.warn(source, f"{repeated} events already imported or repeated; skipped")


def register():
    """Called from PeopleConfig.ready()."""
    for name, categories, handle in (
        ("people: biography", ("biography",), import_biography),
        ("people: party or reference", ("party",), import_party),
        ("people: quote", ("quote",), import_quote),
        ("people: timeline page", ("timeline",), timeline_page),
    ):
        handlers.register_post(handlers.PostHandler(name, handle, categories))
    handlers.register_site(handlers.SiteHandler("people: timeline", import_timeline))
    handlers.register_story(
        handlers.StoryHandler("people: photo quotations", import_photo_quotes)
    )
