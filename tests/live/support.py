"""Posting as the desk does, for the live tests."""

from live import services
from live.models import LiveEntry


def post(story, posted_by=None, **fields):
    """Post an entry through the service, its announcement run at once."""
    return services.post_entry(LiveEntry(story=story, **fields), posted_by=posted_by)


def entries_url(story, language="en", since=None):
    url = f"/{language}/live/{story.pk}/entries.json"
    return f"{url}?since={since}" if since is not None else url
