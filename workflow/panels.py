"""The workflow's panel on the public article page: the story's corrections."""

from articles.dates import format_date
from articles.panels import Panel
from workflow.corrections import corrections_for, kind_label


def corrections_context(article, language):
    """{corrections: [{kind, label, text, when, at}]} for the foot of the page."""
    return {
        "corrections": [
            {
                "kind": c.kind,
                "label": kind_label(c, language),
                "text": c.text,
                "at": c.created_at,
                "when": format_date(c.created_at, language),
            }
            for c in corrections_for(article, language)
        ]
    }


CORRECTIONS = Panel(
    name="workflow.corrections",
    slot="after_body",
    template="workflow/corrections.html",
    context=corrections_context,
    prefetches=("corrections",),  # one query whatever their number
)
