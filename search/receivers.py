"""What makes the index follow the stories, photos, authors, people and parties.

Connected in SearchConfig.ready(): stories follow articles' story_changed
(state changes, edits, parts, corrections, photo edits); photos and authors
have documents of their own for the admin search, people and parties for
both searches (a party's members name it, so they follow it). Every receiver only
schedules a reindex for when the change commits (indexing.reindex_on_commit).
"""

from django.db.models.signals import post_delete, post_save

from articles.models import (
    Author,
    Byline,
)
from media_assets.models import Photo
from people.models import Party, Person
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
    """An author's own document, and the stories whose bylines carry the name."""
    if not raw:
        reindex_on_commit(Kind.AUTHOR, [instance.pk])
        bylines = Byline.objects.filter(author_id=instance.pk)
        reindex_on_commit(Kind.STORY, bylines.values_list("article_id", flat=True))


def person_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        reindex_on_commit(Kind.PERSON, [instance.pk])


def party_changed(sender, instance, raw=False, **kwargs):
    """A party's own document, and its members' (which name the party)."""
    if not raw:
        reindex_on_commit(Kind.PARTY, [instance.pk])
        members = Person.objects.filter(party_id=instance.pk)
        reindex_on_commit(Kind.PERSON, members.values_list("pk", flat=True))


def connect():
    """The documents of photos, authors, people and parties."""
    for signal in (post_save, post_delete):
        signal.connect(photo_changed, sender=Photo, dispatch_uid="search-photo")
        signal.connect(author_changed, sender=Author, dispatch_uid="search-author")
        signal.connect(person_changed, sender=Person, dispatch_uid="search-person")
        signal.connect(party_changed, sender=Party, dispatch_uid="search-party")
