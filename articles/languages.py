"""The site's languages and per-language field access.

Every per-language column is reached through modeltranslation's
build_localized_fieldname so that adding a language is a settings change.
"""

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


def localized(instance, field, language):
    """The value of `field` in `language`, with no fallback to another language."""
    return getattr(instance, build_localized_fieldname(field, language))


def field_name(field, language):
    return build_localized_fieldname(field, language)


def other_languages(language):
    return [code for code in LANGUAGE_CODES if code != language]


def language_label(language, in_language):
    """How `in_language` names `language` ("Khmer", "ភាសាអង់គ្លេស")."""
    labels = settings.NEWSROOM["LANGUAGE_LABELS"]
    return labels.get(in_language, labels["en"]).get(language, language)
