"""The one kind of link the context layer's models make: optional, cleared on delete.

A person outlives their portrait, a quote its source story: deleting the
other side empties the link and keeps the entry.
"""

from django.db import models


def optional_link(to, related_name="+", **options):
    return models.ForeignKey(
        to,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name=related_name,
        **options,
    )
