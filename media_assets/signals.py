"""Storage clean-up after deletes, connected in MediaAssetsConfig.ready().

Files are removed only once the deleting transaction commits, so a rolled
back delete never leaves a row pointing at a missing file.
"""

import logging

from django.core.files.storage import default_storage
from django.db import transaction

logger = logging.getLogger(__name__)


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
