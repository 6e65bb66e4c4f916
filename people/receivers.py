"""What follows an edit of the context layer: page caches and auto-links.

Connected in PeopleConfig.ready() to post_save and post_delete of every people
model, so an edit in the admin, the importer or the shell alike is seen. Once
the change commits, articles' content version is bumped: every cached public
page (person pages, the timeline, and stories whose auto-links and cards show
the entry) and the cached auto-link index (people/context_index.py) are stale
at once. The search index follows through search's own receivers.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from articles.page_cache import bump_content_version
from people.models import (
    AutoLinkOptOut,
    Party,
    PartyPhoto,
    Person,
    PersonPhoto,
    Quote,
    TimelineEvent,
)

MODELS = (
    Party,
    Person,
    TimelineEvent,
    Quote,
    AutoLinkOptOut,
    PersonPhoto,
    PartyPhoto,
)


def context_changed(sender, raw=False, **kwargs):
    if not raw:
        transaction.on_commit(bump_content_version)


def connect():
    for model in MODELS:
        for signal in (post_save, post_delete):
            signal.connect(
                context_changed,
                sender=model,
                dispatch_uid=f"people-context-{model._meta.model_name}",
            )
