"""The admin's front page: each user's work, counted in SQL.

Five buckets, each a condition on stories (Q objects, any language version):
my drafts, waiting for my review, my translation queue, scheduled today,
published in the last 24 hours. The same conditions count the front page (one
aggregate query), list its first stories (one query per bucket) and filter the
story list (MyWorkFilter, `?my_work=<key>`), so a count and the list it links
to always agree.
"""

from datetime import timedelta

from django.contrib import admin
from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from articles.languages import LANGUAGE_CODES, field_name
from articles.models import Article, Status
from workflow import outdated, roles
from workflow.models import Assignment

SHOWN = 5  # stories listed per bucket; the count and the link give the rest
NOTHING = Q(pk__in=[])


def _any_language(condition):
    """condition(code) for some language: OR over the languages."""
    combined = NOTHING
    for code in LANGUAGE_CODES:
        combined |= condition(code)
    return combined


def _status(code, *statuses):
    return Q(**{f"{field_name('status', code)}__in": statuses})


def _mine(user, role, language=""):
    return Exists(
        Assignment.objects.filter(
            article=OuterRef("pk"), user=user, role=role, language=language
        )
    )


def my_drafts(user, now):
    reporter = _mine(user, Assignment.Role.REPORTER) & _any_language(
        lambda code: _status(code, Status.DRAFT)
    )
    return reporter | _any_language(
        lambda code: (
            _mine(user, Assignment.Role.TRANSLATOR, code) & _status(code, Status.DRAFT)
        )
    )


def waiting_for_review(user, now):
    if not roles.has(user, "review_story"):
        return NOTHING
    return _any_language(lambda code: _status(code, Status.IN_REVIEW))


def translation_queue(user, now):
    return _any_language(
        lambda code: (
            _mine(user, Assignment.Role.TRANSLATOR, code)
            & (
                _status(code, Status.DRAFT, Status.IN_REVIEW)
                | outdated.out_of_date(code)
            )
        )
    )


def _published_between(code, start, end, *statuses):
    when = field_name("published_at", code)
    return _status(code, *statuses) & Q(**{f"{when}__gte": start, f"{when}__lt": end})


def scheduled_today(user, now):
    today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    tomorrow = today + timedelta(days=1)
    return _any_language(
        lambda code: _published_between(
            code, now, tomorrow, Status.SCHEDULED, Status.PUBLISHED
        )
    )


def published_last_day(user, now):
    return _any_language(
        lambda code: _published_between(
            code, now - timedelta(hours=24), now, Status.PUBLISHED
        )
    )


BUCKETS = {
    "drafts": ("My drafts", my_drafts),
    "review": ("Waiting for my review", waiting_for_review),
    "translation": ("My translation queue", translation_queue),
    "scheduled": ("Scheduled today", scheduled_today),
    "published": ("Published in the last 24 hours", published_last_day),
}


def visible(user):
    """The stories the user may see, as a plain queryset (no join, no DISTINCT)."""
    shown = roles.visible_articles(user, Article.objects.all()).values("pk")
    return Article.objects.filter(pk__in=shown)


def my_work(user, now=None):
    """[{key, label, count, stories, list_url}] for the front page."""
    now = now or timezone.now()
    stories = visible(user)
    conditions = {key: test(user, now) for key, (_, test) in BUCKETS.items()}
    counts = stories.aggregate(
        **{key: Count("pk", filter=condition) for key, condition in conditions.items()}
    )
    list_url = reverse("admin:articles_article_changelist")
    return [
        {
            "key": key,
            "label": label,
            "count": counts[key],
            "stories": list(
                stories.filter(conditions[key])
                .only("pk", *(field_name("title", c) for c in LANGUAGE_CODES))
                .order_by("-updated_at", "-pk")[:SHOWN]
            )
            if counts[key]
            else [],
            "list_url": f"{list_url}?{MyWorkFilter.parameter_name}={key}",
        }
        for key, (label, _) in BUCKETS.items()
    ]


class MyWorkFilter(admin.SimpleListFilter):
    """The story list narrowed to one front-page bucket of the current user."""

    title = "my work"
    parameter_name = "my_work"

    def lookups(self, request, model_admin):
        return [(key, label) for key, (label, _) in BUCKETS.items()]

    def queryset(self, request, queryset):
        if self.value() not in BUCKETS:
            return queryset
        test = BUCKETS[self.value()][1]
        return queryset.filter(test(request.user, timezone.now()))
