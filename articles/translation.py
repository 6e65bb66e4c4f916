"""Reader-facing text in every language (django-modeltranslation).

`youtube_id`, `location_name` and the coordinates are per language too (a
Khmer post may have its own video or place); Article.video_in()/place_in()
let the other language's stand in when one is empty. `status` and
`published_at` are registered too: each language is published on
its own. fallback_undefined keeps an explicit Khmer "draft" or empty Khmer
field from ever reading as the English value.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Article, Author, PersonProfile, PhotoPlacement, Pullquote, Section


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "summary",
        "body",
        "body_html",
        "dateline",
        "map_pin",
        "location_name",
        "latitude",
        "longitude",
        "youtube_id",
        "credit_lines",
        "homepage_title",
        "editors_note",
        "status",
        "published_at",
    )
    fallback_languages = {"default": ()}
    fallback_undefined = {"status": None, "published_at": None}


@register(Section)
class SectionTranslationOptions(TranslationOptions):
    fields = ("name", "slug", "description")
    fallback_languages = {"default": ()}


@register(Author)
class AuthorTranslationOptions(TranslationOptions):
    fields = ("display_name", "role", "bio")
    fallback_languages = {"default": ()}


@register(PhotoPlacement)
class PhotoPlacementTranslationOptions(TranslationOptions):
    fields = ("caption",)
    fallback_languages = {"default": ()}


@register(Pullquote)
class PullquoteTranslationOptions(TranslationOptions):
    fields = ("text", "attribution")
    fallback_languages = {"default": ()}


@register(PersonProfile)
class PersonProfileTranslationOptions(TranslationOptions):
    fields = ("persona", "name", "occupation", "party")
    fallback_languages = {"default": ()}
