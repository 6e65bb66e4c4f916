"""The series' reader-facing text in every language."""

from modeltranslation.translator import TranslationOptions, register

from .models import CreditsBlock, Series


@register(Series)
class SeriesTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    fallback_languages = {"default": ()}


@register(CreditsBlock)
class CreditsBlockTranslationOptions(TranslationOptions):
    fields = ("title", "body")
    fallback_languages = {"default": ()}
