"""{% article_head_meta %}: the article page's search and social <head> tags."""

from django import template

from syndication.metadata import head_context

register = template.Library()


@register.inclusion_tag("syndication/head_meta.html", takes_context=True)
def article_head_meta(context):
    """Needs `article`, `language` and `request` in the page context."""
    request = context["request"]
    return head_context(
        context["article"], context["language"], request.build_absolute_uri("/")
    )
