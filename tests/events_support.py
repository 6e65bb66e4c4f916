"""Watching story_changed (articles/events.py) as its listeners receive it."""

from contextlib import contextmanager

from articles.events import story_changed


@contextmanager
def story_changes():
    """Collect every story_changed sent inside the block, as dicts of its arguments."""
    seen = []

    def receive(sender, signal, **kwargs):
        seen.append(kwargs)

    story_changed.connect(receive, weak=False, dispatch_uid="tests.story_changes")
    try:
        yield seen
    finally:
        story_changed.disconnect(dispatch_uid="tests.story_changes")
