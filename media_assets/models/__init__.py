"""The photo library's models: photos, their renditions and their change log.

Migrations name photo_upload_to, rendition_upload_to and ContentNamedImageField
by their path here, so they stay importable from this package.
"""

from .change import FILE_FIELDS, RIGHTS_FIELDS, PhotoChange, changes_by
from .kept import KeptPrefetchMixin
from .photo import (
    ContentNamedFieldFile,
    ContentNamedImageField,
    Photo,
    PhotoQuerySet,
    Rights,
    photo_upload_to,
)
from .rendition import Rendition, rendition_prefetch, rendition_upload_to

__all__ = [
    "FILE_FIELDS",
    "KeptPrefetchMixin",
    "RIGHTS_FIELDS",
    "ContentNamedFieldFile",
    "ContentNamedImageField",
    "Photo",
    "PhotoChange",
    "PhotoQuerySet",
    "Rendition",
    "Rights",
    "changes_by",
    "photo_upload_to",
    "rendition_prefetch",
    "rendition_upload_to",
]
