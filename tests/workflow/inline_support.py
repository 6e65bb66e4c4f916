"""Shared by the translator inline tests: Khmer strings and form helpers."""

from tests.admin_forms import change_url, form_data
from tests.factories import (
    AssignmentFactory,
)
from workflow import revisions

# Zero-width spaces (U+200B) between words, as Khmer is typed.
KHMER_CAPTION = "អ្នក\u200bបោះ\u200bឆ្នោត\u200bតម្រង់\u200bជួរ\u200bនៅ\u200bភ្នំពេញ"
KHMER_QUOTE = "«ខ្ញុំ\u200bមិន\u200bខ្លាច\u200bទេ»"
KHMER_ATTRIBUTION = "ស៊ុន\u200bណារិន"
RELATED = ("placements", "pullquotes", "profile")


def translator_for(make_user, article, language):
    user = make_user("Translator", username=f"translator-{language}")
    AssignmentFactory(article=article, user=user, role="translator", language=language)
    return user


def related_rows(article):
    """The story's placements, pullquotes and profile as the revisions store them."""
    data = revisions.snapshot(article)
    return {name: data[name] for name in RELATED}


def without(row, names):
    return {key: value for key, value in row.items() if key not in names}


def post_form(client, article, **changes):
    data = form_data(client.get(change_url(article)))
    data.update(changes)
    return client.post(change_url(article), data)


def inline_fields(response):
    """{formset prefix: set of field names of its first form}."""
    return {
        inline.formset.prefix: set(inline.formset.forms[0].fields)
        for inline in response.context["inline_admin_formsets"]
    }
