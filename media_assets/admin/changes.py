"""The photo desk's log of file and rights changes in the admin."""

from django.contrib import admin


class PhotoChangeAdmin(admin.ModelAdmin):
    """Searchable and read-only: nobody edits the record."""

    list_display = ("at", "user_name", "photo", "field", "old", "new")
    list_filter = ("field", "at")
    search_fields = ("user_name", "old", "new")
    date_hierarchy = "at"
    list_select_related = ("photo",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
