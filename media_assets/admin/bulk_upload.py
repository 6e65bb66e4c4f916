"""Upload many photos at once: each file goes through ingest(), with its result."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from media_assets import rights
from media_assets.admin.forms import BulkUploadForm
from media_assets.models import changes_by
from media_assets.services import Status, ingest


def view(model_admin, request):
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    results = None
    may_set_source = rights.is_photo_desk(request.user)
    form = BulkUploadForm(
        request.POST or None, request.FILES or None, may_set_source=may_set_source
    )
    if request.method == "POST" and form.is_valid():
        source = form.cleaned_data.get("source", "")
        with changes_by(request.user):
            results = [
                ingest(upload, upload.name, source=source)
                for upload in form.cleaned_data["files"]
            ]
        rejected = sum(result.status == Status.REJECTED for result in results)
        model_admin.message_user(
            request,
            f"{len(results) - rejected} of {len(results)} file(s) are in the "
            "library; see each file's result below.",
            messages.WARNING if rejected else messages.SUCCESS,
        )
        form = BulkUploadForm(may_set_source=may_set_source)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "Upload many photos",
        "form": form,
        "results": results,
    }
    return TemplateResponse(
        request, "admin/media_assets/photo/bulk_upload.html", context
    )
