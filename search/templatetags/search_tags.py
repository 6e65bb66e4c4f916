"""{% search_label "key" %}: a search label in the page's language."""

from django import template
from django.utils.translation import get_language

from search.labels import label

register = template.Library()


@register.simple_tag
def search_label(key, **values):
    return label(key, (get_language() or "en")[:2], **values)
