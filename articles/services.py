"""Publishing and withdrawing a language version: explicit, validated, atomic."""

from django.db import transaction
from django.utils import timezone

from articles.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES, field_name, localized
from articles.models import Article, Status
from articles.slugs import save_with_unique_slug, slugify_unicode


def _check_language(language):
    if language not in LANGUAGE_CODES:
        raise ValueError(f"Unknown language {language!r}")


@transaction.atomic
def publish(article, language, when=None):
    """Publish `language` of `article` (now, or at `when`); ValidationError if unfit."""
    _check_language(language)
    previous = localized(article, "status", language)
    setattr(article, field_name("status", language), Status.PUBLISHED)
    if when is not None or localized(article, "published_at", language) is None:
        setattr(article, field_name("published_at", language), when or timezone.now())
    article.full_clean(validate_unique=False, validate_constraints=False)
    article.save()
    _record_in_workflow(article, language, previous)
    return article


@transaction.atomic
def unpublish(article, language):
    """Return `language` to draft; the page answers 404 at once."""
    _check_language(language)
    previous = localized(article, "status", language)
    setattr(article, field_name("status", language), Status.DRAFT)
    article.save()
    _record_in_workflow(article, language, previous)
    return article


def _record_in_workflow(article, language, previous):
    """Version, revision, audit entry and cache bump, as for an admin transition."""
    from workflow.transitions import record_direct  # workflow builds on articles

    record_direct(article, language, previous)


def slug_base(article):
    title = localized(article, "title", DEFAULT_LANGUAGE, fallback=LANGUAGE_CODES)
    return slugify_unicode(title or "") or "story"


def save_new_article(article):
    """First save of a story: a slug from its title, unique in its section."""
    if article.slug:
        article.save()
        return article
    taken = Article.objects.filter(section=article.section)
    save_with_unique_slug(
        article, slug_base(article), lambda slug: taken.filter(slug=slug).exists()
    )
    return article
