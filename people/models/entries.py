"""The archive's context layer: the people and parties stories mention.

Each is one record in every language (django-modeltranslation), with the
spellings readers and editors use for it in `aliases`, so a story's mention of
"Hun Sen" or "ហ៊ុន សែន" can be recognised and linked.
"""

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import override

from articles.languages import (
    DEFAULT_LANGUAGE,
    LANGUAGE_CODES,
    current_language,
    localized,
)

from .fields import optional_link

HEX_COLOUR = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", "Give the colour as # and six hexadecimal digits."
)


def alias_list(text):
    """The non-empty lines of an aliases field, in the order typed."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class ContextEntry(models.Model):
    """What people and parties share: names, aliases, summary and full text."""

    name = models.CharField(max_length=200, blank=True)
    slug = models.SlugField(max_length=200, allow_unicode=True, unique=True)
    aliases = models.TextField(
        blank=True,
        help_text="Other spellings, one per line, in any script (e.g. Hun Sen, "
        "ហ៊ុន សែន, Samdech Hun Sen). The name in each language is always "
        "recognised too.",
    )
    summary = models.TextField(
        blank=True, help_text="One or two sentences, shown in the summary card."
    )
    body = models.TextField(
        blank=True, help_text="Markdown: the full biography or party history."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField("last updated", auto_now=True)

    # The URL name of the entry's page (people/urls.py); set by each subclass.
    url_name = ""

    class Meta:
        abstract = True

    def __str__(self):
        return (
            localized(self, "name", DEFAULT_LANGUAGE, fallback=LANGUAGE_CODES)
            or self.slug
        )

    def get_absolute_url(self, language=None):
        """The entry's page in `language` (the current one by default)."""
        language = language if language in LANGUAGE_CODES else current_language()
        with override(language):
            return reverse(self.url_name, kwargs={"slug": self.slug})

    def is_public_in(self, language):
        """An entry has a page in the languages its name is written in."""
        return bool(localized(self, "name", language))

    def all_names(self):
        """Every spelling that refers to this entry: names in each language, aliases."""
        names = [localized(self, "name", code) for code in LANGUAGE_CODES]
        names += alias_list(self.aliases)
        return list(dict.fromkeys(name.strip() for name in names if name))


class Party(ContextEntry):
    url_name = "people:party"
    abbreviation = models.CharField(
        max_length=40, blank=True, help_text="e.g. CPP, CNRP, FUNCINPEC."
    )
    colour = models.CharField(
        max_length=7,
        blank=True,
        validators=[HEX_COLOUR],
        help_text="Used on results maps and charts, e.g. #1f4e9c.",
    )
    logo = optional_link("media_assets.Photo")
    founded = models.PositiveSmallIntegerField("year founded", null=True, blank=True)
    credit = models.CharField(
        max_length=300,
        blank=True,
        help_text='e.g. "Researched and written by …", shown under the history.',
    )

    class Meta:
        ordering = ["slug"]
        verbose_name_plural = "parties"


class Person(ContextEntry):
    url_name = "people:person"
    role = models.CharField(
        max_length=200, blank=True, help_text="e.g. Prime Minister, CNRP president."
    )
    party = optional_link(Party, related_name="members")
    portrait = optional_link("media_assets.Photo")
    credit = models.CharField(
        max_length=300,
        blank=True,
        help_text='e.g. "Researched and written by …", shown under the biography.',
    )

    class Meta:
        ordering = ["slug"]
        verbose_name_plural = "people"
