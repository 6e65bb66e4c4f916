"""django-tasks entry points for work that runs without anyone present."""

from django_tasks import task

from workflow.scheduling import publish_due


@task()
def publish_scheduled():
    """Publish what is due; returns how many language versions went live."""
    return len(publish_due())
