"""Partners and their keys in the admin; a new key is shown once, in a message."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages

from syndication.models import Partner, PartnerKey
from syndication.partners import issue_key


class PartnerForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Feed languages this partner may read.",
    )

    class Meta:
        model = Partner
        fields = ("name", "contact", "languages", "sections", "is_active")


class PartnerKeyInline(admin.TabularInline):
    model = PartnerKey
    extra = 0
    can_delete = False
    fields = ("prefix", "created_at", "last_used_at", "revoked_at")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False  # keys are issued by the action, which shows them once


def show_key_once(request, partner, issued):
    messages.warning(
        request,
        f"New API key for {partner}: {issued.plain} — copy it now; it is stored "
        "only as a hash and cannot be shown again.",
    )


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    form = PartnerForm
    list_display = ("name", "contact", "languages", "is_active", "created_at")
    list_filter = ("is_active",)
    search_fields = ("name", "contact")
    filter_horizontal = ("sections",)
    inlines = [PartnerKeyInline]
    actions = ["issue_new_key"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            show_key_once(request, obj, issue_key(obj))

    @admin.action(description="Issue a new API key (shown once)")
    def issue_new_key(self, request, queryset):
        for partner in queryset:
            show_key_once(request, partner, issue_key(partner))


@admin.register(PartnerKey)
class PartnerKeyAdmin(admin.ModelAdmin):
    list_display = ("prefix", "partner", "created_at", "last_used_at", "revoked_at")
    list_filter = ("partner", "revoked_at")
    readonly_fields = ("partner", "prefix", "created_at", "last_used_at", "revoked_at")
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False  # issue keys from the partner page

    @admin.action(description="Revoke selected keys")
    def revoke(self, request, queryset):
        keys = list(queryset.filter(revoked_at__isnull=True))
        for key in keys:
            key.revoke()
        messages.success(request, f"Revoked {len(keys)} key(s).")
