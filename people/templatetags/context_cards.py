"""{% quote_card quote [language] %}: a quote as a card, on any page.

Fetch the quotes with people.presentation.quotes_for_cards(queryset, language)
so a page of cards reads a fixed number of queries (speaker, portrait and its
renditions, and the source story only when it is public in that language).
A quote with no words in the language renders nothing.
"""

from django import template

from articles.languages import current_language
from people.presentation import quote_card_context

register = template.Library()


@register.inclusion_tag("people/quote_card.html")
def quote_card(quote, language=None):
    return {"card": quote_card_context(quote, language or current_language())}
