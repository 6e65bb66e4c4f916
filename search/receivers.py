"""What makes the index follow the stories, photos and authors.

Connected in SearchConfig.ready(). Every receiver only schedules a reindex
for when the change commits (indexing.reindex_on_commit).
"""

from django.db.models.signals import post_delete, post_save

from articles.models import (
    Article,
    Author,
    Byline,
    PersonProfile,
    PhotoPlacement,
    Pullquote,
)
from media_assets.models import Photo
from search.indexing import reindex_on_commit
from search.models import SearchDocument

Kind = SearchDocument.Kind


def story_changed(sender, article_ids=(), **kwargs):
    """Receiver of articles.events.story_changed: reindex those stories."""
    reindex_on_commit(Kind.STORY, article_ids)


def photo_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        reindex_on_commit(Kind.PHOTO, [instance.pk])


def author_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        reindex_on_commit(Kind.AUTHOR, [instance.pk])


def connect():
    """The photo library's and authors' own documents (for the admin search)."""
    for signal in (post_save, post_delete):
        signal.connect(photo_changed, sender=Photo, dispatch_uid="search-photo")
        signal.connect(author_changed, sender=Author, dispatch_uid="search-author")


# --- until articles.events.story_changed lands --------------------------------
# The lead replaces this function, at the merge, by connecting story_changed
# to articles.events.story_changed (see SearchConfig.ready).


def _connect_until_story_changed_lands():
    """Send story_changed ourselves from the model signals of a story's parts."""

    def article_saved(sender, instance, raw=False, **kwargs):
        if not raw:
            story_changed(sender, article_ids=[instance.pk])

    def part_saved(sender, instance, raw=False, **kwargs):
        if not raw:
            story_changed(sender, article_ids=[instance.article_id])

    def photo_saved(sender, instance, raw=False, **kwargs):
        if not raw:
            placements = PhotoPlacement.objects.filter(photo_id=instance.pk)
            story_changed(
                sender, article_ids=placements.values_list("article_id", flat=True)
            )

    def author_saved(sender, instance, raw=False, **kwargs):
        if not raw:
            bylines = Byline.objects.filter(author_id=instance.pk)
            story_changed(
                sender, article_ids=bylines.values_list("article_id", flat=True)
            )

    receivers = [(article_saved, Article), (photo_saved, Photo), (author_saved, Author)]
    receivers += [
        (part_saved, m) for m in (Byline, PhotoPlacement, Pullquote, PersonProfile)
    ]
    for receiver, model in receivers:
        for signal in (post_save, post_delete):
            signal.connect(
                receiver,
                sender=model,
                weak=False,
                dispatch_uid=f"search-story-{model.__name__}-{signal is post_save}",
            )
