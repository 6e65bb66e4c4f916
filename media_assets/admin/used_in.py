"""The stories a photo is placed in, with each story's state."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from modeltranslation.utils import build_localized_fieldname

from media_assets.admin.display import (
    LANGUAGE_NAMES,
    change_url,
    published_languages_label,
    story_change_url,
)
from media_assets.models import Photo


def view(model_admin, request, photo_id):
    photo = get_object_or_404(Photo, pk=photo_id)
    if not model_admin.has_view_or_change_permission(request, photo):
        raise PermissionDenied
    title_fields = [build_localized_fieldname("title", c) for c in LANGUAGE_NAMES]
    rows = [
        {
            "placement": placement,
            "titles": [getattr(placement.article, f) for f in title_fields],
            "state": published_languages_label(placement.article),
            "url": story_change_url(placement),
        }
        for placement in model_admin.placements(photo)
    ]
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": f"Stories using “{photo}”",
        "photo": photo,
        "photo_url": change_url(photo),
        "rows": rows,
    }
    return TemplateResponse(request, "admin/media_assets/photo/used_in.html", context)
