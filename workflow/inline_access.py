"""What someone who may not edit the whole story may do in the story's inlines.

A translator changes the words of one language, and photo captions, pullquotes
and the profile carry words too. For a translator of language L the placements,
pullquotes and profile inlines take only the L translations
(`caption_km`, `text_km`, `attribution_km`, `persona_km` …); every other inline
(bylines) and every other column stays view-only.

The limits are the formsets Django builds from these settings, so a hand-made
POST gets no further than the form does:

* the other columns (photo, kind, position, age, the other language) are
  read-only, hence not form fields: values posted for them are ignored;
* no add permission: Django's forms for new rows report no change and are
  never saved, whatever TOTAL_FORMS says;
* no delete permission: the formsets have no DELETE field, so a posted
  DELETE flag is ignored;
* a row id that is not one of this story's rows fails validation.
"""

from articles.languages import LANGUAGE_CODES, field_name
from workflow.revisions import translated_bases


def translated_fields(model, languages):
    """The translation columns of `model` in `languages`, e.g. ["caption_km"]."""
    return [
        field_name(base, code)
        for base in translated_bases(model)
        for code in LANGUAGE_CODES
        if code in languages
    ]


def restrict_inline(inline, languages):
    """Limit one inline instance (built for this request) to `languages`.

    With no translatable column in those languages the inline is view-only.
    """
    editable = translated_fields(inline.model, languages)
    inline.has_add_permission = inline.has_delete_permission = _deny
    inline.max_num = 0
    if not editable:
        inline.has_change_permission = _deny
        return inline
    inline.has_change_permission = _allow  # the story admin allowed the change
    locked = _locked_fields(inline, editable)
    declared = inline.get_readonly_fields

    def get_readonly_fields(request, obj=None):
        return [*declared(request, obj), *locked]

    inline.get_readonly_fields = get_readonly_fields
    return inline


def _locked_fields(inline, editable):
    """Every column a person may normally edit in the inline, except `editable`."""
    originals = translated_bases(inline.model)  # modeltranslation hides these
    return [
        field.name
        for field in inline.model._meta.concrete_fields
        if field.editable
        and not field.primary_key
        and field.related_model is not inline.parent_model
        and field.name not in originals
        and field.name not in editable
    ]


def _deny(*args, **kwargs):
    return False


def _allow(*args, **kwargs):
    return True
