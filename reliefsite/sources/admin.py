from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from reliefsite.editorial.admin import RecordAdmin

from .models import Source


@admin.register(Source)
class SourceAdmin(RecordAdmin):
    list_display = ("headline", "publication", "published_on", "page", "reporters", "key")
    list_filter = ("publication", "headline_supplied")
    search_fields = ("headline", "subheadline", "key", "reporters", "correspondents", "seed_file")
    date_hierarchy = "published_on"
    fieldsets = (
        (None, {"fields": ("key", "publication", "published_on", "page")}),
        (
            _("标题与署名"),
            {
                "fields": (
                    "headline",
                    "subheadline",
                    "headline_supplied",
                    "reporters",
                    "correspondents",
                    "photographers",
                )
            },
        ),
        (_("出处"), {"fields": ("seed_file", "url", "note")}),
    )
