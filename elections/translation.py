"""Election and province names in every language."""

from modeltranslation.translator import TranslationOptions, register

from .models import Election, Province


@register(Election)
class ElectionTranslationOptions(TranslationOptions):
    fields = ("name",)
    fallback_languages = {"default": ()}


@register(Province)
class ProvinceTranslationOptions(TranslationOptions):
    fields = ("name",)
    fallback_languages = {"default": ()}
