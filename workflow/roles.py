"""Who may do what: the newsroom roles, decided by permissions.

Roles are Django groups (created by migrations 0002_roles and 0004_photo_desk).
Code never asks "is this user in the Editor group?" but "does this user hold
the permission?", so a superuser or a custom group works the same way.
Reporters and translators reach a story through an Assignment; editors reach
every story. A photo's rights, source, credit and copyright are the photo
desk's (media_assets.change_photo_rights: Photo desk, Editor, Admin); the file
of a photo a published story shows is the editors'
(media_assets.replace_published_photo: Editor, Admin).
"""

from articles.languages import LANGUAGE_CODES, localized
from articles.models import Status

REPORTER, TRANSLATOR, EDITOR, ADMIN = "Reporter", "Translator", "Editor", "Admin"
PHOTO_DESK = "Photo desk"
ROLE_NAMES = (REPORTER, TRANSLATOR, PHOTO_DESK, EDITOR, ADMIN)

# States in which a contributor (reporter, translator) may still edit text.
CONTRIBUTOR_STATES = {Status.DRAFT, Status.IN_REVIEW}


def has(user, codename):
    return user.is_active and user.has_perm(f"workflow.{codename}")


def edits_everything(user):
    return has(user, "edit_any_story")


def assignments_of(user, article):
    # Uses the prefetch cache when the caller prefetched "assignments".
    return [a for a in article.assignments.all() if a.user_id == user.pk]


def editable_languages(user, article):
    """The language versions whose text `user` may change in `article`."""
    if edits_everything(user):
        return set(LANGUAGE_CODES)
    if not user.has_perm("articles.change_article"):
        return set()
    if article is None or article.pk is None:
        return set(LANGUAGE_CODES) if user.has_perm("articles.add_article") else set()
    languages = set()
    for assignment in assignments_of(user, article):
        if assignment.role == assignment.Role.REPORTER:
            if all(
                localized(article, "status", code) in CONTRIBUTOR_STATES
                for code in LANGUAGE_CODES
            ):
                languages |= set(LANGUAGE_CODES)
        elif localized(article, "status", assignment.language) in CONTRIBUTOR_STATES:
            languages.add(assignment.language)
    return languages


def may_edit_shared_fields(user, article):
    """Section, slug, place, tags, bylines…: editors, or the story's reporter."""
    return editable_languages(user, article) == set(LANGUAGE_CODES)


def visible_articles(user, queryset):
    """Editors see every story; others the stories they are assigned to."""
    if edits_everything(user):
        return queryset
    return queryset.filter(assignments__user=user).distinct()
