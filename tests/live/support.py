"""Posting as the desk does, for the live tests."""

from live import services
from live.models import LiveEntry


def post(story, posted_by=None, **fields):
    """Post an entry through the service, its announcement run at once."""
    return services.post_entry(LiveEntry(story=story, **fields), posted_by=posted_by)


def entries_url(story, language="en", since=None):
    url = f"/{language}/live/{story.pk}/entries.json"
    return f"{url}?since={since}" if since is not None else url


def khmer_paragraphs(voa_fixtures):
    """Paragraphs of the archive's Khmer seed story, zero-width spaces and all."""
    post = (
        voa_fixtures / "khmer/_posts/2018-07-24-government-leans-on-civil-servants.md"
    )
    _empty, _front, body = post.read_text(encoding="utf-8").split("---\n", 2)
    return [
        line.strip()
        for line in body.split("\n\n")
        if line.strip() and not line.lstrip().startswith(("$", "{", "[", "<"))
    ]
