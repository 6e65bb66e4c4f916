"""The site's languages: codes, names, fallbacks and per-language field access.

The one place that knows which languages exist, what each is called and which
language stands in when one is missing, so adding a language is a settings
change. Every per-language column is reached through modeltranslation's
build_localized_fieldname.
"""

from django.conf import settings
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)
# The language that stands in for a missing one: its columns are the
# required ones (slug_en) and its names are the staff's (admin, messages).
DEFAULT_LANGUAGE = settings.LANGUAGE_CODE
# Each language as the staff read it ("Khmer only", "Title (Khmer)").
LANGUAGE_NAMES = {
    code: settings.NEWSROOM["LANGUAGE_LABELS"][DEFAULT_LANGUAGE].get(code, code)
    for code in LANGUAGE_CODES
}


def field_name(field, language):
    return build_localized_fieldname(field, language)


def fallback_order(language):
    """`language`, then the default language.

    Only where the page or feed shows a name rather than nothing (an author's
    or section's name): modeltranslation's own fallback is off, so an empty
    Khmer title stays empty.
    """
    return tuple(dict.fromkeys((language, DEFAULT_LANGUAGE)))


def localized(instance, field, language, fallback=()):
    """The value of `field` in `language`.

    With `fallback=True` the first filled value in fallback_order(language);
    with a sequence of codes, those are tried after `language`. When none is
    filled, the last one tried, as a chain of `or` would give.
    """
    if fallback is True:
        fallback = fallback_order(language)
    value = None
    for code in dict.fromkeys((language, *fallback)):
        value = getattr(instance, build_localized_fieldname(field, code))
        if value:
            break
    return value


def per_language(mapping, language):
    """The entry of a per-language setting ({"en": …, "km": …}) for `language`."""
    for code in fallback_order(language):
        if code in mapping:
            return mapping[code]
    raise KeyError(f"{language!r} and its fallbacks are missing from {mapping!r}")


def current_language():
    """The active language's code, or the default language outside a request."""
    return (get_language() or DEFAULT_LANGUAGE)[:2]


def other_languages(language):
    return [code for code in LANGUAGE_CODES if code != language]


def language_name(language):
    """How the staff name `language` ("Khmer"); an unknown code as itself."""
    return LANGUAGE_NAMES.get(language, language)


def language_label(language, in_language):
    """How `in_language` names `language` ("Khmer", "ភាសាអង់គ្លេស")."""
    labels = per_language(settings.NEWSROOM["LANGUAGE_LABELS"], in_language)
    return labels.get(language, language)


def outlet_name(language):
    return per_language(settings.NEWSROOM["OUTLET_NAME"], language)


def site_title(language):
    return per_language(settings.NEWSROOM["SITE_TITLE"], language)
