"""{% article_head_meta %}: the article page's search and social <head> tags."""

from django import template

from syndication.metadata import head_context
from syndication.site import site_url

register = template.Library()


@register.inclusion_tag("syndication/head_meta.html", takes_context=True)
def article_head_meta(context):
    """Needs `article` and `language` in the page context."""
    return head_context(context["article"], context["language"], site_url())
