"""Background work: renditions are generated outside the request.

With TASKS_BACKEND=django_tasks_db.DatabaseBackend a worker
(`manage.py db_worker`) runs them; the default ImmediateBackend runs them at
once after the commit that scheduled them (the synchronous fallback). New renditions
are announced (photo_changed), so cached pages that showed the original
pick them up at once.
"""

from django_tasks import task

from media_assets.models import Photo
from media_assets.renditions import (
    correct_dimensions,
    create_renditions,
    missing_specs,
)
from media_assets.signals import announce_change


@task()
def generate_renditions(photo_id):
    """Create whatever renditions photo `photo_id` lacks; returns how many."""
    photo = Photo.objects.filter(pk=photo_id).exclude(image="").first()
    if photo is None:
        return 0  # deleted, or remote-only, since the task was queued
    correct_dimensions(photo)
    created = create_renditions(photo, missing_specs(photo))
    if created:  # pages showed the original until now: they may show these
        announce_change(photo)
    return len(created)
