"""Creating a story: a slug from its title, unique in its section."""

from articles.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES, localized
from articles.models import Article
from articles.slugs import save_with_unique_slug, slugify_unicode


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
