"""Keeping a story's `updated_at` honest when only its parts change.

A partner's `since=` sync finds changes by `date_modified`, which comes from
the story's `updated_at`. Bylines, photo placements, pullquotes, tags and the
photos themselves (their rights above all) are separate rows, so editing them
would not move it. These handlers, connected in SyndicationConfig.ready(),
touch the stories concerned with one UPDATE; QuerySet.update() fires no
signals, so tombstone bookkeeping is not disturbed.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from articles.models import Article, Byline, PhotoPlacement, Pullquote
from media_assets.models import Photo


def touch(stories):
    stories.update(updated_at=timezone.now())


def part_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        touch(Article.objects.filter(pk=instance.article_id))


def photo_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        touch(Article.objects.filter(placements__photo=instance))


def tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse and isinstance(instance, Article):
        touch(Article.objects.filter(pk=instance.pk))
    elif reverse and pk_set:
        touch(Article.objects.filter(pk__in=pk_set))


def connect():
    for model in (Byline, PhotoPlacement, Pullquote):
        for signal in (post_save, post_delete):
            signal.connect(
                part_changed, sender=model, dispatch_uid=f"synd-touch-{model.__name__}"
            )
    post_save.connect(photo_changed, sender=Photo, dispatch_uid="synd-touch-photo")
    m2m_changed.connect(
        tags_changed, sender=Article.tags.through, dispatch_uid="synd-touch-tags"
    )
