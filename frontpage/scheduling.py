"""Scheduled curation: the times at which the front page changes by itself.

A FrontPageItem shows from `show_from` until `show_until`. Nothing is saved
at those times, so no content version is bumped then; instead the public
caches are keyed by the content version *and* how many of these times have
passed since it was set (articles.page_cache.register_schedule), so the first
reader after 20:00 gets the new lead, cached or not.
"""

from django.db.models import Q
from django.utils import timezone

from frontpage.models import FrontPageItem


def upcoming_changes():
    """The times still to come at which a curated item starts or stops
    showing: one query."""
    now = timezone.now()
    rows = FrontPageItem.objects.filter(
        Q(show_from__gt=now) | Q(show_until__gt=now)
    ).values_list("show_from", "show_until")
    return {moment for row in rows for moment in row if moment and moment > now}
