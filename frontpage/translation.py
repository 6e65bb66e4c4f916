"""The series' reader-facing text in every language."""

from modeltranslation.translator import TranslationOptions, register

from .models import Series


@register(Series)
class SeriesTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    fallback_languages = {"default": ()}
