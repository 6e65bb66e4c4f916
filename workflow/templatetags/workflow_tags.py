from django import template

from articles.dates import format_date
from workflow.corrections import corrections_for, kind_label

register = template.Library()


@register.simple_tag
def story_corrections(article, language):
    """[{kind, label, text, when, at}] for the foot of the article page."""
    return [
        {
            "kind": c.kind,
            "label": kind_label(c, language),
            "text": c.text,
            "at": c.created_at,
            "when": format_date(c.created_at, language),
        }
        for c in corrections_for(article, language)
    ]
