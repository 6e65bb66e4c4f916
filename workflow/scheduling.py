"""Scheduled publication: claim due rows in the database, publish each once.

Safe to run every minute from cron and from several machines at once: each
row is claimed by a conditional UPDATE (WHERE status = 'scheduled', moving
the version on) that only one runner can win; on PostgreSQL rows another
runner holds are skipped (SELECT … FOR UPDATE SKIP LOCKED) instead of waited
for. The winner then publishes through articles.states.change_state, the
path every state change takes, so the publication is announced like any other.
"""

import logging

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from articles.languages import LANGUAGE_CODES, field_name
from articles.models import Article, Status
from articles.states import change_state
from workflow.transitions import ACTIONS, record

logger = logging.getLogger(__name__)


def publish_due(now=None):
    """Publish every language version scheduled at or before `now`.

    Returns [(article_pk, language)] published by this call; an empty list
    when another runner got there first or nothing is due. A version that
    lost its title or body since it was scheduled stays scheduled (logged).
    """
    now = now or timezone.now()
    done = []
    for language in LANGUAGE_CODES:
        due = Article.objects.filter(
            **{
                field_name("status", language): Status.SCHEDULED,
                f"{field_name('published_at', language)}__lte": now,
            }
        ).order_by(field_name("published_at", language), "pk")
        for pk in due.values_list("pk", flat=True):
            try:
                published = claim_and_publish(pk, language)
            except ValidationError as error:
                logger.warning("story %s (%s) not published: %s", pk, language, error)
                continue
            if published:
                done.append((pk, language))
    return done


def claim_and_publish(pk, language):
    """Publish `language` of story `pk` if it is still scheduled; True if this did.

    Raises ValidationError, with nothing changed, when it may not be public.
    """
    status_name = field_name("status", language)
    with transaction.atomic():
        row = Article.objects.filter(pk=pk, **{status_name: Status.SCHEDULED})
        skip_locked = connection.features.has_select_for_update_skip_locked
        if skip_locked and not list(
            row.select_for_update(skip_locked=True).values_list("pk", flat=True)
        ):
            return False  # another runner holds it, or it is done
        if not row.update(version=F("version") + 1):
            return False
        article = Article.objects.get(pk=pk)
        change_state(article, language, Status.PUBLISHED)
        record(
            article,
            language,
            Status.SCHEDULED,
            ACTIONS["publish"],
            None,
            "Published as scheduled",
        )
    return True
