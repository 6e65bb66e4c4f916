"""Recording withdrawn stories, so a partner's incremental sync can take them down.

A language version leaves the public by a state change (withdrawn, back to
draft, scheduled again) or by the story being deleted. Both are announced by
articles' story_changed once committed, with the versions that were public
before (`was_public`). Here, for every version the event names: one that is
public now loses any old tombstone (it came back); one that is not, but was,
gets a tombstone. A version never public leaves none. Tombstones are written
after the page cache's receiver moved the content version on, so whenever
one is written or removed the version moves again: a sync page kept in
between is never served. Change states through
articles.states.change_state (or the workflow), never with QuerySet.update():
an unannounced change leaves no record.
"""

from django.utils import timezone

from articles.events import DELETED
from articles.languages import LANGUAGE_CODES, field_name
from articles.models import Article
from articles.page_cache import bump_content_version
from syndication.models import Tombstone

STATE = [field_name(f, c) for f in ("status", "published_at") for c in LANGUAGE_CODES]


def story_changed(sender, kind, article_ids, languages, was_public, **kwargs):
    if kind == DELETED:
        changed = [_bury(*version) for version in was_public]
    else:
        changed = _record_state(article_ids, languages, was_public)
    if any(changed):
        bump_content_version(article_ids)


def _record_state(article_ids, languages, was_public):
    """Bury the versions that left the public, unbury those back; one flag
    per write, true if it changed a tombstone."""
    before = {(article_id, language) for article_id, language, _s in was_public}
    stories = Article.objects.filter(pk__in=article_ids).only("section", *STATE)
    changed = []
    for story in stories:
        public = set(story.published_languages()) & languages
        for language in languages - public:
            if (story.pk, language) in before:
                changed.append(_bury(story.pk, language, story.section_id))
        if public:
            removed, _by_model = Tombstone.objects.filter(
                article_id=story.pk, language__in=public
            ).delete()
            changed.append(bool(removed))
    return changed


def _bury(article_id, language, section_id):
    Tombstone.objects.update_or_create(
        article_id=article_id,
        language=language,
        defaults={"section_id": section_id, "withdrawn_at": timezone.now()},
    )
    return True
