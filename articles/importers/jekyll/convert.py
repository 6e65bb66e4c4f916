"""One article from one or two posts, in the importer's transaction for the story.

The steps, each in its own module: the story's own fields (fields.py), its
section (sections.py), front matter photos (placements.py), each body with
its includes (segments.py, includes.py), bylines and profile (people.py),
tags (tags.py) and what the export needs back (provenance.py). Counts and
warnings go to the story's own report, which the importer merges on commit.
"""

from articles.languages import DEFAULT_LANGUAGE, field_name
from articles.models import Article, PersonProfile

from . import people, tags
from .errors import PostError
from .fields import FieldMapper, validate
from .pairing import primary_post
from .placements import StoryPhotos
from .provenance import Provenance
from .sections import section_for
from .segments import BodyConverter


def convert_group(ctx, group, article, report):
    """Build `article` (new or re-imported) from `group` ({language: Post})."""
    primary = primary_post(group)
    provenance = Provenance(group)
    if article.pk:
        provenance.require_every_translation(article, primary)
        _clear(article)
    article.section = section_for(primary, ctx.config)
    if not article.slug:
        article.slug = primary.slug
    _require_free_address(article, primary)
    mapper = FieldMapper(article, report, provenance.keep)
    for language, post in group.items():
        provenance.sort_keys(language, post, report)
        mapper.apply(language, post)
    validate(article, primary)
    article.save()
    photos = StoryPhotos(article, ctx.images, report)
    for language, post in group.items():
        photos.front(language, post, provenance.keep)
    bodies = BodyConverter(article, photos, ctx.links, report)
    for language, post in group.items():
        setattr(article, field_name("body", language), bodies.build(language, post))
    people.apply_bylines(article, group, ctx.names, report)
    people.apply_profile(article, group, report, provenance.keep)
    tags.apply_tags(article, group)
    article.save()
    provenance.record(article)
    return article


def _clear(article):
    """A re-import rebuilds the story's parts from the posts."""
    article.bylines.all().delete()
    article.placements.all().delete()
    article.pullquotes.all().delete()
    PersonProfile.objects.filter(article=article).delete()
    article.tags.clear()


def _require_free_address(article, primary):
    clash = Article.objects.filter(section=article.section, slug=article.slug)
    if article.pk:
        clash = clash.exclude(pk=article.pk)
    if clash.exists():
        raise PostError(
            primary.source_path,
            "another story already uses the address "
            f"{article.section.url_slug(DEFAULT_LANGUAGE)}/{article.slug}/; "
            "rename one of the files",
        )
