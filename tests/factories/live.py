"""Factories for the live app: a live story's entries."""

import factory
from django.db import transaction

from articles.models import Layout
from live.models import LiveEntry, LiveSequence
from live.services import next_change
from tests.factories import ArticleFactory, AuthorFactory


def numbered(story_id):
    """The story's next change number. next_change locks the story's counter
    and must run in a transaction: tests that commit (browser tests on
    PostgreSQL) have none around the factory."""
    with transaction.atomic():
        return next_change(story_id)


class LiveEntryFactory(factory.django.DjangoModelFactory):
    """A posted entry; tests post through live.services when they test posting."""

    class Meta:
        model = LiveEntry

    story = factory.SubFactory(ArticleFactory, layout=Layout.LIVE, published=True)
    body_en = factory.Sequence(lambda n: f"Polls closed at station {n}.")
    # Real words from the archive's seed story (2018-07-24, Khmer).
    body_km = "ខណៈ\u200bការ\u200bបោះ\u200bឆ្នោត\u200bជាតិ\u200bជិ\u200bតមក\u200bដល់"
    author = factory.SubFactory(AuthorFactory)
    # Numbered as live.services numbers changes, so cursors and ETags follow.
    change = factory.LazyAttribute(lambda entry: numbered(entry.story.pk))


class LiveSequenceFactory(factory.django.DjangoModelFactory):
    """A live story's change counter; live.services.next_change keeps it."""

    class Meta:
        model = LiveSequence

    story = factory.SubFactory(ArticleFactory, layout=Layout.LIVE, published=True)
    last_change = 0
