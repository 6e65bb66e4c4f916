"""A version "published" for a time still to come is scheduled.

"Scheduled" now means one thing (articles/states.py): status scheduled with a
publication time, made public by scheduled publication, which announces it.
Rows written before (the importer, services.publish(when=…), a bare save) are
moved over, so they too go live through that path. Readers see no difference:
neither kind was public before its time.
"""

from django.db import migrations
from django.utils import timezone


def schedule_future_publications(apps, schema_editor):
    article_model = apps.get_model("articles", "Article")
    now = timezone.now()
    for code in ("en", "km"):
        article_model.objects.filter(
            **{f"status_{code}": "published", f"published_at_{code}__gt": now}
        ).update(**{f"status_{code}": "scheduled"})


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_rerender_bodies_youtube_id"),
    ]

    operations = [
        migrations.RunPython(schedule_future_publications, migrations.RunPython.noop),
    ]
