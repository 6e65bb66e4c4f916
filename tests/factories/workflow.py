"""Factories for the workflow's records of a story's life."""

from datetime import timedelta

import factory
from django.utils import timezone

from articles.models import Status
from tests.factories import ArticleFactory, UserFactory
from workflow.models import (
    AuditEntry,
    Autosave,
    Correction,
    CorrectionEdit,
    EditLock,
    Revision,
    ShareLink,
    Transition,
    TranslationBase,
)
from workflow.revisions import snapshot


class TransitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Transition

    article = factory.SubFactory(ArticleFactory)
    language = "en"
    from_status = Status.READY
    to_status = Status.PUBLISHED
    actor = factory.SubFactory(UserFactory)


class TranslationBaseFactory(factory.django.DjangoModelFactory):
    """The English text the Khmer translation was made from."""

    class Meta:
        model = TranslationBase

    article = factory.SubFactory(ArticleFactory)
    language = "km"
    source_language = "en"
    source = factory.LazyAttribute(
        lambda base: {
            "title": base.article.title_en,
            "summary": base.article.summary_en,
            "body": base.article.body_en,
        }
    )


class RevisionFactory(factory.django.DjangoModelFactory):
    """The story as it is now, under its current version (workflow.revisions)."""

    class Meta:
        model = Revision

    article = factory.SubFactory(ArticleFactory)
    version = factory.LazyAttribute(lambda revision: revision.article.version)
    author = factory.SubFactory(UserFactory)
    data = factory.LazyAttribute(lambda revision: snapshot(revision.article))


class EditLockFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EditLock

    article = factory.SubFactory(ArticleFactory)
    user = factory.SubFactory(UserFactory)
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(minutes=2))


class CorrectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Correction

    article = factory.SubFactory(ArticleFactory, published=True)
    language = "en"
    kind = Correction.Kind.CORRECTION
    text = "An earlier version of this story gave the wrong date."
    created_by = factory.SubFactory(UserFactory)


class CorrectionEditFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CorrectionEdit

    correction = factory.SubFactory(CorrectionFactory)
    old_text = factory.SelfAttribute("correction.text")
    new_text = "An earlier version of this story gave the wrong year."
    editor = factory.SubFactory(UserFactory)


class AuditEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuditEntry

    actor = factory.SubFactory(UserFactory)
    actor_name = factory.SelfAttribute("actor.username")
    action = AuditEntry.Action.PUBLISH
    article = factory.SubFactory(ArticleFactory)
    story = factory.LazyAttribute(lambda entry: str(entry.article))
    language = "en"


class ShareLinkFactory(factory.django.DjangoModelFactory):
    """A reviewer's preview link of the English draft, valid for two days."""

    class Meta:
        model = ShareLink

    article = factory.SubFactory(ArticleFactory)
    language = "en"
    created_by = factory.SubFactory(UserFactory)
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(hours=48))


class AutosaveFactory(factory.django.DjangoModelFactory):
    """A user's unsaved change form of a story (workflow/admin/editing.py)."""

    class Meta:
        model = Autosave

    user = factory.SubFactory(UserFactory)
    article = factory.SubFactory(ArticleFactory)
    data = factory.LazyAttribute(
        lambda draft: {"body_en": [draft.article.body_en + "\n\nMore, unsaved."]}
    )
