"""Reader-facing text of people and parties in every language."""

from modeltranslation.translator import TranslationOptions, register

from .models import Party, PartyPhoto, Person, PersonPhoto, Quote, TimelineEvent


@register(Party)
class PartyTranslationOptions(TranslationOptions):
    fields = ("name", "abbreviation", "summary", "body", "credit")
    fallback_languages = {"default": ()}


@register(Person)
class PersonTranslationOptions(TranslationOptions):
    fields = ("name", "role", "summary", "body", "credit")
    fallback_languages = {"default": ()}


@register(TimelineEvent)
class TimelineEventTranslationOptions(TranslationOptions):
    fields = ("date_label", "headline", "text")
    fallback_languages = {"default": ()}


@register(Quote)
class QuoteTranslationOptions(TranslationOptions):
    fields = ("speaker_name", "age", "occupation", "location", "words")
    fallback_languages = {"default": ()}


@register(PersonPhoto)
@register(PartyPhoto)
class EntryPhotoTranslationOptions(TranslationOptions):
    fields = ("caption",)
    fallback_languages = {"default": ()}
