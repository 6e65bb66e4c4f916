"""The archive's photo quotations: quote cards inside the stories they come from.

The old site put quotes inside stories through `photo-large.html` and
`window.html`: their `quotation=` (and `quotation_attribution=`) argument was
printed over the photo. The importer keeps the argument in the story's
`[[photo N quotation="…"]]` (the export writes it back); after the story is
built, `import_photo_quotes` makes each one a Quote (source_story = the
story, photo_number = N, words in the post's language), which editors then
manage like any card. The story page shows it right after its photo, in the
page's language (`place_quote_cards`, a body filter): the cards come rendered
from the context index, so a story page adds no query while it is warm.
"""

import re

from bs4 import BeautifulSoup
from django.template.loader import render_to_string

from articles.embeds import embed_number
from articles.languages import LANGUAGE_CODES, field_name, localized
from articles.models import PersonProfile
from articles.rendering import parse_args
from articles.shortcode_rule import shortcode_lines
from media_assets.models import rendition_prefetch
from people.context_index import context_index
from people.models import Quote
from people.presentation import quote_card_context

# "…the position [of prime minister],” says Chorn Nath, 78."
SAYS = re.compile(r"[”\"]\s*says\s+(?P<name>[^,.”]+)")


def photo_quotations(body):
    """{N: (words, attribution)} of the [[photo N quotation=…]] lines of `body`."""
    found = {}
    for _line, code in shortcode_lines(body or ""):
        if code is None or code.closing or code.name != "photo":
            continue
        args = parse_args(code.args)
        words, number = args.get("quotation", "").strip(), embed_number(args)
        if words and number is not None:
            found[number] = (words, args.get("quotation_attribution", "").strip())
    return found


def speaker_name(words, attribution, profile, language):
    """The attribution; else the name after "says"; else the profile's subject."""
    said = SAYS.search(words)
    if attribution or said:
        return attribution or said["name"].strip()
    return (localized(profile, "name", language) or "") if profile else ""


def import_photo_quotes(article, group, tools):
    """The story handler people registers (articles/importers/jekyll/handlers.py)."""
    found = {}
    for language in group:
        for number, texts in photo_quotations(
            localized(article, "body", language)
        ).items():
            found.setdefault(number, {})[language] = texts
    kept = Quote.objects.filter(source_story=article, photo_number__isnull=False)
    kept.exclude(photo_number__in=found).delete()
    profile = PersonProfile.objects.filter(article=article).first()
    for number, texts in found.items():
        quote = kept.filter(photo_number=number).first() or Quote(
            source_story=article, photo_number=number, slug=_slug(article, number)
        )
        for language in group:
            words, attribution = texts.get(language, ("", ""))
            setattr(quote, field_name("words", language), words)
            name = speaker_name(words, attribution, profile, language) if words else ""
            setattr(quote, field_name("speaker_name", language), name)
        quote.full_clean()
        quote.save()
    tools.count("people: quotes in stories", len(found))


def _slug(article, number):
    slug = f"{article.slug}-photo-{number}"[:190]
    if Quote.objects.filter(slug=slug).exists():
        slug = f"{slug}-{article.pk}"
    return slug


def story_cards():
    """{article id: {language: {N: card HTML}}} for the context index.

    Two queries (quotes with speaker and portrait, the portraits' renditions);
    the card names no story: it is shown inside it.
    """
    quotes = (
        Quote.objects.filter(photo_number__isnull=False, source_story__isnull=False)
        .select_related("speaker", "portrait")
        .prefetch_related(rendition_prefetch("portrait__renditions"))
    )
    cards = {}
    for quote in quotes:
        for language in LANGUAGE_CODES:
            card = quote_card_context(quote, language, with_story=False)
            if card is not None:
                html = render_to_string("people/quote_card.html", {"card": card})
                by_language = cards.setdefault(quote.source_story_id, {})
                by_language.setdefault(language, {})[quote.photo_number] = html
    return cards


def place_quote_cards(html, article, language):
    """The body filter: each card right after its photo, else after the body."""
    cards = context_index().story_quotes.get(article.pk, {}).get(language)
    if not cards:
        return html
    soup = BeautifulSoup(html, "html.parser")
    for number, card in sorted(cards.items()):
        fragment = BeautifulSoup(card, "html.parser")
        figure = soup.select_one(f'figure[data-photo="{number}"]')
        if figure is None:
            soup.append(fragment)
        else:
            figure.insert_after(fragment)
    return str(soup)
