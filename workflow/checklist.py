"""The pre-publication checklist: what a reader would miss, said before publishing.

It warns and never blocks: the editor sees it in the Workflow panel and, when
something is missing, on a confirmation step before Publish now / Schedule
(workflow/admin/form_actions.py). Only change_state's own rule (a title and
a body) refuses a publication, and the checklist names that too, so the
refusal is no surprise.
"""

from dataclasses import dataclass

from articles.languages import LANGUAGE_NAMES, localized, other_languages
from articles.models import Status
from articles.presentation import placement_of_kind


@dataclass(frozen=True)
class Check:
    ok: bool
    text: str


def _check(ok, if_ok, if_not):
    return Check(True, if_ok) if ok else Check(False, if_not)


def _hero_checks(article, language):
    hero = placement_of_kind(article.placements.all(), "hero")
    if hero is None:
        return [Check(False, "No hero photo.")]
    photo = hero.photo
    return [
        Check(True, "Hero photo."),
        _check(
            photo.credit_line,
            "The hero photo has a credit.",
            "The hero photo has no credit.",
        ),
        _check(
            localized(photo, "alt_text", language),
            "The hero photo has alt text.",
            f"The hero photo has no {LANGUAGE_NAMES[language]} alt text.",
        ),
    ]


def _other_language_checks(article, language):
    checks = []
    for other in other_languages(language):
        status = localized(article, "status", other)
        name = LANGUAGE_NAMES[other]
        state = Status(status).label.lower()
        ready = status in {Status.PUBLISHED, Status.SCHEDULED}
        checks.append(Check(ready, f"The {name} version is {state}."))
    return checks


def checklist(article, language):
    """The checks for publishing `language` of `article` (placements prefetched
    or not: a handful of queries either way)."""
    name = LANGUAGE_NAMES[language]
    missing = article.missing_for_publication(language)
    checks = [
        Check(False, f"The {name} {field} is empty: publishing will be refused.")
        for field in missing
    ]
    checks.append(
        _check(
            (localized(article, "summary", language) or "").strip(),
            f"{name} summary.",
            f"No {name} summary (lists, search results and shares show it).",
        )
    )
    checks.extend(_hero_checks(article, language))
    checks.append(_check(list(article.bylines.all()), "Byline.", "No byline."))
    checks.extend(_other_language_checks(article, language))
    return checks


def warnings(article, language):
    return [check for check in checklist(article, language) if not check.ok]
