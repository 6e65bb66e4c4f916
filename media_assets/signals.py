"""The photo library's signals.

`photo_changed` is sent once the edit of a stored photo commits (its file,
focal point, caption, credit or rights), by `announce_change()` from the
services that edit photos. media_assets knows no stories: the apps above
listen to it (articles tells the stories placing the photo).

Storage clean-up after deletes is connected in MediaAssetsConfig.ready():
files are removed only once the deleting transaction commits, so a rolled
back delete never leaves a row pointing at a missing file.
"""

import logging
from functools import partial

from django.core.files.storage import default_storage
from django.db import transaction
from django.dispatch import Signal

logger = logging.getLogger(__name__)

# Arguments: photo_ids, a frozenset of Photo ids. The sender is Photo.
photo_changed = Signal()


def announce_change(photo):
    """Send photo_changed for `photo` when the current transaction commits."""
    send = partial(
        photo_changed.send, sender=type(photo), photo_ids=frozenset({photo.pk})
    )
    transaction.on_commit(send)


def delete_files(names):
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            logger.warning("Could not delete %s from storage", name)


def delete_file_on_commit(sender, instance, **kwargs):
    field = "file" if hasattr(instance, "spec") else "image"
    name = getattr(instance, field).name
    if name:
        transaction.on_commit(lambda: delete_files([name]))
