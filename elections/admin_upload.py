"""The admin screen that takes the election commission's CSV for one election."""

from django import forms
from django.contrib import messages
from django.contrib.admin import site
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from elections import csv_upload
from elections.models import Election


class UploadForm(forms.Form):
    table = forms.FileField(
        label="Results table (CSV, UTF-8)",
        help_text="Columns: " + ", ".join(csv_upload.COLUMNS) + " (docs/results.md).",
    )


def upload_view(request, pk):
    if not request.user.has_perm("elections.change_provinceresult"):
        raise PermissionDenied
    election = get_object_or_404(Election, pk=pk)
    form = UploadForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["table"]
        data = upload.read(csv_upload.MAX_BYTES + 1)
        report = csv_upload.upload_results(election, data, request.user)
        if report.ok:
            messages.success(
                request,
                f"{report.rows} rows applied to {election}: "
                f"{report.changes} figures changed.",
            )
            return redirect("admin:elections_election_change", election.pk)
    context = {
        **site.each_context(request),
        "title": f"Upload results: {election}",
        "election": election,
        "form": form,
        "report": report,
        "columns": csv_upload.COLUMNS,
        "opts": Election._meta,
    }
    return TemplateResponse(request, "elections/admin_upload.html", context)
