"""The one way a language version of a story changes state.

`change_state()` sets the status and publication time by `set_state()`'s
rule, refuses a version readers could not read, saves and announces
story_changed. The workflow's `perform()` wraps it with permissions, the
state machine and its records; scheduled publication with its claim. The
importer, which builds whole stories, sets state with `set_state()` and
announces once per story.

"Scheduled" means one thing: status *scheduled* with a publication time, made
public by scheduled publication when that time comes (and announced then). A
publication time still to come therefore always makes a version scheduled,
never "published for later". `Article.objects.published()` still requires
`published_at <= now`, so rows written otherwise (older data, a bare save)
never show early either.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone

from articles import events
from articles.languages import LANGUAGE_CODES, field_name, language_label, localized
from articles.models import Status

READABLE = (Status.PUBLISHED, Status.SCHEDULED)


def require_fit(article, language):
    """ValidationError unless `language` has what readers need (the shared rule)."""
    missing = article.missing_for_publication(language)
    if missing:
        raise ValidationError(
            f"The {language_label(language, 'en')} {' and '.join(missing)} "
            f"{'is' if len(missing) == 1 else 'are'} empty, so this version "
            "cannot be published or scheduled."
        )


def set_state(article, language, status, when=None):
    """Set `language`'s status and publication time on `article` (no save).

    `when` is the publication time; without one, publishing keeps an earlier
    time (a withdrawn story comes back under its date) and takes "now" for a
    first or early publication. A time to come makes it scheduled.
    """
    now = timezone.now()
    published_at = when or localized(article, "published_at", language)
    first_or_early = published_at is None or published_at > now
    if status == Status.PUBLISHED and when is None and first_or_early:
        published_at = now
    if status == Status.SCHEDULED and published_at is None:
        raise ValidationError("Give a publication time to schedule a story.")
    if status == Status.PUBLISHED and published_at > now:
        status = Status.SCHEDULED
    setattr(article, field_name("status", language), status)
    setattr(article, field_name("published_at", language), published_at)


def change_state(article, language, status, when=None):
    """Move `language` of `article` to `status`, save that and announce it.

    Call it on a fresh row (locked, where the caller can) inside the caller's
    transaction. Raises ValidationError, with nothing changed, when the
    version may not be public. Returns the kind of change announced.
    """
    if language not in LANGUAGE_CODES:
        raise ValueError(f"There is no language {language!r} on this site.")
    if status in READABLE:
        require_fit(article, language)
    was_public = article.is_published_in(language)
    set_state(article, language, status, when)
    article.save(
        update_fields=[
            field_name("status", language),
            field_name("published_at", language),
            "updated_at",
        ]
    )
    if article.is_published_in(language):
        kind = events.PUBLISHED
    elif was_public:
        kind = events.WITHDRAWN
    elif localized(article, "status", language) == Status.SCHEDULED:
        kind = events.SCHEDULED
    else:
        kind = events.STATE
    before = {(article.pk, language, article.section_id)} if was_public else set()
    events.announce(article, kind, [language], was_public=before)
    return kind
