"""Recording withdrawn stories, so a partner's incremental sync can take them down.

A language version leaves the public either by being unpublished (its status
goes back to draft, or its publication time moves into the future) or by the
story being deleted. Both are caught here by comparing the state stored in
the database before a save with the state after it, so the editor's admin,
the publish/unpublish services and the shell are all covered. QuerySet
.update() bypasses model signals and therefore bypasses this record: use the
services in articles/services.py to withdraw stories.
"""

from django.db.models.signals import post_delete, post_save, pre_save
from django.utils import timezone

from articles.models import Article
from syndication.models import Tombstone

_BEFORE = "_syndication_public_before_save"


def remember_public_languages(sender, instance, raw=False, **kwargs):
    """Before a save: which languages of the stored story were public."""
    if raw or instance.pk is None:
        setattr(instance, _BEFORE, set())
        return
    stored = Article.objects.filter(pk=instance.pk).first()
    setattr(instance, _BEFORE, set(stored.published_languages()) if stored else set())


def record_withdrawals(sender, instance, raw=False, **kwargs):
    """After a save: tombstone what stopped being public, clear what came back."""
    if raw:
        return
    before = getattr(instance, _BEFORE, set())
    now_public = set(instance.published_languages())
    for language in before - now_public:
        _bury(instance, language)
    if now_public:
        Tombstone.objects.filter(
            article_id=instance.pk, language__in=now_public
        ).delete()


def record_deletion(sender, instance, **kwargs):
    """A deleted story leaves a tombstone for every language that was public."""
    for language in instance.published_languages():
        _bury(instance, language)


def _bury(article, language):
    Tombstone.objects.update_or_create(
        article_id=article.pk,
        language=language,
        defaults={"section_id": article.section_id, "withdrawn_at": timezone.now()},
    )


def connect():
    pre_save.connect(remember_public_languages, sender=Article, dispatch_uid="synd-pre")
    post_save.connect(record_withdrawals, sender=Article, dispatch_uid="synd-post")
    post_delete.connect(record_deletion, sender=Article, dispatch_uid="synd-del")
