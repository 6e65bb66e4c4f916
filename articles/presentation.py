"""What an article page shows, computed from a story prefetched by for_page()."""

from django.conf import settings

from articles.body_filters import apply_filters
from articles.bylines import byline_text, role_label
from articles.dates import format_date, khmer_digits
from articles.embeds import photo_figure_context, render_body
from articles.languages import localized, outlet_name, per_language
from articles.locator import locator_context
from articles.models import Byline
from articles.rendering import embed_names


def profile_facts(profile, language):
    """The profile card's lines in `language`; the age in that language's digits."""
    if profile is None:
        return []
    facts = [
        (kind, localized(profile, kind, language))
        for kind in ("name", "persona", "occupation", "party")
    ]
    if profile.age:
        age = khmer_digits(profile.age) if language == "km" else str(profile.age)
        facts.insert(2, ("age", age))
    return [{"kind": kind, "text": text} for kind, text in facts if text]


def placement_of_kind(placements, kind, language=""):
    """The first placement of `kind` (hero, mugshot…) among prefetched placements.

    `language`'s own placement of that kind wins over the shared one (language
    blank); another language's own is never shown.
    """
    of_kind = [p for p in placements if p.kind == kind]
    own = next((p for p in of_kind if language and p.language == language), None)
    return own or next((p for p in of_kind if not p.language), None)


def body_places_map(body_html):
    """A [[map]] block puts the locator in the body; the page must not repeat it."""
    return "map" in embed_names(body_html)


def article_page_context(article, language):
    bylines = list(article.bylines.all())
    reporters = [
        localized(b.author, "display_name", language, fallback=True)
        for b in bylines
        if b.role == Byline.Role.REPORTER
    ]
    contributors = [
        {
            "role": role_label(b.role, language),
            "name": localized(b.author, "display_name", language, fallback=True),
        }
        for b in bylines
        if b.role != Byline.Role.REPORTER
    ]
    placements = article.placements.all()
    hero = placement_of_kind(placements, "hero", language)
    mugshot = placement_of_kind(placements, "mugshot", language)
    published_at = localized(article, "published_at", language)
    profile = getattr(article, "profile", None)
    return {
        "article": article,
        "language": language,
        "title": localized(article, "title", language),
        "summary": localized(article, "summary", language),
        "section_name": localized(article.section, "name", language, fallback=True),
        "editors_note": localized(article, "editors_note", language),
        "byline": byline_text(reporters, language),
        "contributors": contributors,
        "outlet_name": outlet_name(language),
        "published_at": published_at,
        "published_display": format_date(published_at, language),
        "updated_display": format_date(article.updated_at, language),
        "hero": photo_figure_context(hero, language) if hero else None,
        "mugshot": photo_figure_context(mugshot, language) if mugshot else None,
        "body": apply_filters(render_body(article, language), article, language),
        "locator": None
        if body_places_map(localized(article, "body_html", language))
        else locator_context(article, language),
        "youtube_id": article.video_in(language),
        "credit_lines": article.credit_lines_in(language),
        "credits_label": per_language(settings.NEWSROOM["CREDITS_LABEL"], language),
        "tags": list(article.tags.all()),
        "profile_facts": profile_facts(profile, language),
    }
