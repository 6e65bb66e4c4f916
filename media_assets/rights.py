"""The one rule deciding whether partners may republish a photo, and why.

`decide(photo)` is the only place the rule lives; Photo.save() stores its
answer (`syndicatable`, `rights_reason`), so the admin filter, the feeds,
JSON-LD and Open Graph all read one stored decision. Fail closed:

1. An agency (settings.NEWSROOM["PHOTO_AGENCIES"]) named in the file's own
   credit, by-line, source or copyright (EXIF, IPTC, XMP) withholds the photo,
   whatever the form says, an explicit "Partners may republish" included.
2. Otherwise an explicit choice of the photo desk decides.
3. Otherwise an agency named in the photo's credit, copyright or source
   withholds it, and only the desk's own sources
   (settings.NEWSROOM["SYNDICATABLE_SOURCES"]) may be syndicated.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from django.apps import apps as global_apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist

MAY_SYNDICATE = "may_syndicate"
NO_SYNDICATION = "no_syndication"
# Who decides: the photo desk may change rights, source, credit and copyright.
DESK_PERMISSION = "media_assets.change_photo_rights"

# The values that say who owns the picture (metadata.FIELDS names), as the
# admin calls them.
OWNER_FIELDS = {"credit": "credit", "copyright": "copyright notice", "source": "source"}

# What decide() reads, and the Photo fields its answer is stored in.
DECISION_INPUTS = ("rights", "source", "credit", "copyright", "embedded_metadata")
DECISION_OUTPUTS = ("syndicatable", "rights_reason")


@dataclass(frozen=True)
class Decision:
    may_syndicate: bool
    reason: str


def normalise_source(source):
    return " ".join((source or "").replace("|", " ").split()).casefold()


def own_sources():
    return {
        normalise_source(name) for name in settings.NEWSROOM["SYNDICATABLE_SOURCES"]
    }


@lru_cache(maxsize=8)
def _agency_patterns(names):
    """Longest name first, whole words only ("AP" never matches "APsara")."""
    patterns = []
    for name in sorted(names, key=len, reverse=True):
        words = re.findall(r"[^\W_]+", name)
        if words:
            body = r"[\W_]+".join(map(re.escape, words))
            pattern = re.compile(rf"(?<![^\W_]){body}(?![^\W_])", re.IGNORECASE)
            patterns.append((name, pattern))
    return tuple(patterns)


def agency_named_in(text):
    """The configured agency that `text` names, or None."""
    if not text:
        return None
    for name, pattern in _agency_patterns(tuple(settings.NEWSROOM["PHOTO_AGENCIES"])):
        if pattern.search(text):
            return name
    return None


def agency_in_file(embedded_metadata):
    """(agency, where) for the first agency the file's own metadata names."""
    for item in (embedded_metadata or {}).get("found") or ():
        if item.get("field") in OWNER_FIELDS:
            agency = agency_named_in(item.get("value"))
            if agency:
                tag = item.get("tag") or item["field"]
                return agency, f"{item.get('standard', '')} {tag}".strip()
    return None


def decide(photo):
    """Whether partners may republish `photo`, with the reason in plain words.

    Reads only plain fields (DECISION_INPUTS), so refresh_decisions can run it
    on post_migrate's historical models.
    """
    named = agency_in_file(photo.embedded_metadata)
    if named:
        agency, where = named
        return Decision(False, f"the file's {where} names {agency}.")
    if photo.rights == NO_SYNDICATION:
        return Decision(False, "the photo desk marked it “Not for partners”.")
    if photo.rights == MAY_SYNDICATE:
        return Decision(True, "the photo desk marked it “Partners may republish”.")
    for field, label in OWNER_FIELDS.items():
        agency = agency_named_in(getattr(photo, field))
        if agency:
            return Decision(False, f"its {label} names {agency}.")
    if not normalise_source(photo.source):
        return Decision(
            False, "it names no source, and only the desk's own photos go to partners."
        )
    if normalise_source(photo.source) in own_sources():
        return Decision(True, f"its source “{photo.source}” is the desk's own.")
    return Decision(
        False,
        f"its source “{photo.source}” is not one of the desk's own "
        f"({', '.join(settings.NEWSROOM['SYNDICATABLE_SOURCES'])}).",
    )


def is_photo_desk(user):
    return user.has_perm(DESK_PERMISSION)


def withhold_new_file(photo, user):
    """A file replaced outside the photo desk waits for it: not for partners."""
    if not is_photo_desk(user):
        photo.rights = NO_SYNDICATION


def describe(photo):
    """The stored decision in words: "Withheld from partners: its source …"."""
    verdict = (
        "Partners may republish" if photo.syndicatable else "Withheld from partners"
    )
    return f"{verdict}: {photo.rights_reason}" if photo.rights_reason else verdict


def refresh_decisions(sender, using, apps=global_apps, **kwargs):
    """post_migrate receiver: decide every stored photo again.

    `migrate` runs at every start (make run, docker-compose), so a changed
    agency or source list reaches stored photos then, not only at their next save.
    `flush` sends post_migrate without `apps`: the installed models are meant.
    """
    try:
        photo_model = apps.get_model("media_assets", "Photo")
        photo_model._meta.get_field("syndicatable")
    except (LookupError, FieldDoesNotExist):
        return  # migrated back past the field
    photos = photo_model._base_manager.using(using)
    changed = []
    for photo in photos.only(*DECISION_INPUTS, *DECISION_OUTPUTS).iterator():
        decision = decide(photo)
        if (photo.syndicatable, photo.rights_reason) != (
            decision.may_syndicate,
            decision.reason,
        ):
            photo.syndicatable = decision.may_syndicate
            photo.rights_reason = decision.reason
            changed.append(photo)
    photos.bulk_update(changed, DECISION_OUTPUTS, batch_size=500)
