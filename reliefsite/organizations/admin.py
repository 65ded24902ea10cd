from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from reliefsite.editorial.admin import RecordAdmin

from .models import Organization


@admin.register(Organization)
class OrganizationAdmin(RecordAdmin):
    list_display = ("name", "short_name", "kind", "district", "parent")
    list_filter = ("kind", "district")
    search_fields = ("name", "short_name", "slug")
    list_select_related = ("parent",)
    autocomplete_fields = ("parent",)
    fieldsets = (
        (None, {"fields": ("name", "short_name", "slug", "kind", "district", "parent")}),
        (_("说明"), {"fields": ("description", "note")}),
    )
