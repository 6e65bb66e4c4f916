"""The reader's filters: section, year and author, offered from what exists."""

from django import forms
from django.db.models import Exists, Max, Min, OuterRef
from django.utils.timezone import localtime

from articles.languages import field_name, localized
from articles.models import Author, Section
from search.engine import public_stories
from search.labels import label

FILTERS = ("section", "year", "author")


def years(stories, language):
    """The years from the first publication to the last, newest first (two
    index lookups, where listing each story's year would read them all)."""
    published_at = field_name("published_at", language)
    span = stories.aggregate(first=Min(published_at), last=Max(published_at))
    if span["first"] is None:
        return []
    first, last = (localtime(span[end]).year for end in ("first", "last"))
    return list(range(last, first - 1, -1))


class FilterForm(forms.Form):
    """Three lists built in three queries; a value not on a list is refused."""

    section = forms.ChoiceField(required=False)
    year = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
    author = forms.ChoiceField(required=False)

    def __init__(self, data, language):
        super().__init__(data)
        self.language = language
        anyone = [("", label("any", language))]
        self.sections = {s.url_slug(language): s for s in Section.objects.all()}
        self.fields["section"].choices = anyone + [
            (slug, localized(s, "name", language) or s.name_en)
            for slug, s in self.sections.items()
        ]
        public = public_stories(language)
        self.fields["year"].choices = anyone + [(y, y) for y in years(public, language)]
        credited = public.filter(bylines__author=OuterRef("pk"))
        authors = Author.objects.filter(Exists(credited)).order_by("sort_name")
        self.authors = {a.slug: a for a in authors}
        self.fields["author"].choices = anyone + [
            (slug, localized(a, "display_name", language) or a.display_name_en)
            for slug, a in self.authors.items()
        ]
        for name in FILTERS:
            self.fields[name].label = label(name, language)
            self.fields[name].error_messages["invalid_choice"] = label(
                "bad_filter", language, filter=label(name, language).lower()
            )

    def filters(self):
        """The chosen filters as public_stories() takes them."""
        data = self.cleaned_data
        return {
            "section": self.sections.get(data.get("section")),
            "year": data.get("year"),
            "author": self.authors.get(data.get("author")),
        }
