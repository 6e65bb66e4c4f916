"""Each entry's reader-facing text in every language (django-modeltranslation).

`edited_at` is per language: a translator adding Khmer is not a correction
for English readers, and fixing the Khmer text corrects the Khmer version only.
"""

from modeltranslation.translator import TranslationOptions, register

from live.models import LiveEntry


@register(LiveEntry)
class LiveEntryTranslationOptions(TranslationOptions):
    fields = ("body", "body_html", "quote", "quote_source", "edited_at")
    fallback_languages = {"default": ()}
    fallback_undefined = {"edited_at": None}
