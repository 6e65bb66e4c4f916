"""Editors enter and correct results here; every save goes through services.

Saving a result or turnout row in the admin writes ResultChange rows (who,
when, old and new); the keys of a saved row (election, province, party) are
fixed, so a correction is always a change of figures. An election's page
has "Upload the commission's table (CSV)" (elections/admin_upload.py).
"""

from django.contrib import admin
from django.urls import path, reverse
from django.utils.html import format_html
from modeltranslation.admin import TabbedTranslationAdmin

from elections import services
from elections.admin_upload import upload_view
from elections.models import (
    Election,
    Province,
    ProvinceResult,
    ProvinceTurnout,
    ResultChange,
)

SOURCE = ResultChange.Source.ADMIN


@admin.register(Election)
class ElectionAdmin(TabbedTranslationAdmin):
    list_display = ("__str__", "date", "kind", "slug")
    readonly_fields = ("results_tools",)

    def get_urls(self):
        upload = self.admin_site.admin_view(upload_view)
        return [
            path("<int:pk>/upload/", upload, name="elections_election_upload"),
            *super().get_urls(),
        ]

    @admin.display(description="Results")
    def results_tools(self, election):
        if not election.pk:
            return "Save the election first."
        return format_html(
            '<a href="{}">Upload the commission\'s table (CSV)</a> · '
            '<a href="{}">Change log</a> · <a href="{}">Public page</a>',
            reverse("admin:elections_election_upload", args=[election.pk]),
            reverse("admin:elections_resultchange_changelist")
            + f"?election__id__exact={election.pk}",
            election.get_absolute_url(),
        )


@admin.register(Province)
class ProvinceAdmin(TabbedTranslationAdmin):
    list_display = ("__str__", "name_km", "slug")
    search_fields = ("name_en", "name_km", "slug")


class VersionedAdmin(admin.ModelAdmin):
    """Saves and deletes through elections.services, so each one is logged."""

    key_fields = ()
    list_select_related = True

    def get_readonly_fields(self, request, obj=None):
        return self.key_fields if obj is not None else ()

    def save_model(self, request, obj, form, change):
        keys = {name: getattr(obj, name) for name in self.key_fields}
        values = {name: form.cleaned_data.get(name) for name in self.value_fields}
        row, _changes = self.service(**keys, source=SOURCE, user=request.user, **values)
        obj.pk = row.pk

    def save_related(self, request, form, formsets, change):
        """Nothing related to save; form.save_m2m would write the row again."""


@admin.register(ProvinceResult)
class ProvinceResultAdmin(VersionedAdmin):
    key_fields = ("election", "province", "party")
    value_fields = services.RESULT_FIELDS
    list_display = ("election", "province", "party", "votes", "seats")
    list_filter = ("election", "province", "party")
    service = staticmethod(services.set_result)

    def delete_model(self, request, obj):
        services.delete_result(obj, source=SOURCE, user=request.user)

    def delete_queryset(self, request, queryset):
        for row in queryset.select_related("election", "province", "party"):
            services.delete_result(row, source=SOURCE, user=request.user)


@admin.register(ProvinceTurnout)
class ProvinceTurnoutAdmin(VersionedAdmin):
    key_fields = ("election", "province")
    value_fields = services.TURNOUT_FIELDS
    list_display = (
        "election",
        "province",
        "registered_voters",
        "ballots_cast",
        "counted_percent",
    )
    list_filter = ("election", "province")
    service = staticmethod(services.set_turnout)


@admin.register(ResultChange)
class ResultChangeAdmin(admin.ModelAdmin):
    """The results' history: read only."""

    list_display = (
        "changed_at",
        "election",
        "province",
        "party",
        "field",
        "old_value",
        "new_value",
        "source",
        "changed_by",
    )
    list_filter = ("election", "source", "province")
    list_select_related = ("election", "province", "party", "changed_by")
    date_hierarchy = "changed_at"

    def refuse(self, request, obj=None):
        return False

    has_add_permission = has_change_permission = has_delete_permission = refuse
