"""Drop tombstones of versions that are public again.

Scheduled publication used to skip the tombstone bookkeeping, and the feed
view hid such tombstones instead. Every state change is now announced and
lifts the tombstone itself (syndication/tombstones.py), so the old ones go.
"""

from django.db import migrations
from django.db.models import Exists, OuterRef
from django.utils import timezone


def drop_tombstones_of_live_versions(apps, schema_editor):
    article_model = apps.get_model("articles", "Article")
    tombstone_model = apps.get_model("syndication", "Tombstone")
    now = timezone.now()
    for code in ("en", "km"):
        live = article_model.objects.filter(
            pk=OuterRef("article_id"),
            **{f"status_{code}": "published", f"published_at_{code}__lte": now},
        )
        tombstone_model.objects.filter(language=code).filter(Exists(live)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("syndication", "0001_partners_keys_tombstones"),
        ("articles", "0008_future_publication_is_scheduled"),
    ]

    operations = [
        migrations.RunPython(
            drop_tombstones_of_live_versions, migrations.RunPython.noop
        ),
    ]
