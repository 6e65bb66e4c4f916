"""People's pages in the navigation: people, parties, the timeline, quotes.

`people` sits below frontpage and cannot register itself, so frontpage does
it here (FrontpageConfig.ready). Each page shows the entries written in the
page's language (ContextEntry.is_public_in and its kin), so its link shows in
a language only when one is.
"""

from django.urls import reverse
from django.utils.translation import override

from articles.languages import field_name
from frontpage.navigation_pages import NavigationPage, register
from people.labels import label
from people.models import Party, Person, Quote, TimelineEvent


def written_in(model, field):
    """(language) -> the rows of `model` whose `field` has text in it."""

    def content(language):
        return model.objects.filter(**{f"{field_name(field, language)}__gt": ""})

    return content


def address(url_name):
    def url(language, _pk):
        with override(language):
            return reverse(url_name)

    return url


def page(key, model, field, position):
    return NavigationPage(
        key=key,
        name=f"{label(key, 'en')} (/{key}/)",
        label=lambda language: label(key, language),
        content=written_in(model, field),
        url=address(f"people:{key}"),
        position=position,
    )


PAGES = (
    page("people", Person, "name", 110),
    page("parties", Party, "name", 120),
    page("timeline", TimelineEvent, "headline", 130),
    page("quotes", Quote, "words", 140),
)


def register_pages():
    for context_page in PAGES:
        register(context_page)
