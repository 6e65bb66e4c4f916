"""Who may republish a photo, decided from its source when nobody said otherwise.

Fail closed: only sources the desk owns (settings.NEWSROOM["SYNDICATABLE_SOURCES"])
may be syndicated by default; agencies and unknown sources may not.
"""

from django.conf import settings

MAY_SYNDICATE = "may_syndicate"
NO_SYNDICATION = "no_syndication"


def normalise_source(source):
    return " ".join((source or "").replace("|", " ").split()).casefold()


def default_rights_for_source(source):
    """Return MAY_SYNDICATE for the desk's own sources, NO_SYNDICATION otherwise."""
    wanted = normalise_source(source)
    if not wanted:
        return NO_SYNDICATION
    own = {normalise_source(name) for name in settings.NEWSROOM["SYNDICATABLE_SOURCES"]}
    return MAY_SYNDICATE if wanted in own else NO_SYNDICATION
