"""The photo library in the admin: grid or list, bulk upload, focal point, history.

Rights, source, credit and copyright are the photo desk's (media_assets.rights
says who that is): without it they are read-only (a forged POST of them is
ignored, being no form field). A file readers see is frozen without
`replace_published_photo`; which photos readers see is the story layer's
answer (articles.admin_photos overrides `shown_to_readers`), and fails closed here.
The stories a photo is used in (column, field, page, delete message) are the
story layer's too: articles.admin_photos adds them to a subclass.

One module per part: photo (PhotoAdmin), forms, display (thumbnails, previews,
tables), grid, bulk_upload (its page), changes (the audit log).
"""

from django.contrib import admin

from media_assets.admin.changes import PhotoChangeAdmin
from media_assets.admin.photo import PhotoAdmin
from media_assets.models import Photo, PhotoChange

admin.site.register(Photo, PhotoAdmin)
admin.site.register(PhotoChange, PhotoChangeAdmin)
