from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from reliefsite.editorial.admin import EditorialTabularInline, PublishableAdmin
from reliefsite.editorial.resources import EditorialImportExportMixin

from .models import Action, Figure
from .resources import ActionResource


class FigureInline(EditorialTabularInline):
    model = Figure
    fields = ("value", "qualifier", "unit", "counts", "position")


@admin.register(Action)
class ActionAdmin(EditorialImportExportMixin, PublishableAdmin):
    resource_classes = [ActionResource]
    import_help = _(
        "每行一项行动，以 slug 识别（已有则更新）。organizations、recipients 填组织的网址标识，sources 填来源标识，"
        "多个用逗号分隔。figures 列填全部数字，用分号分隔，每个写成 数值|单位|计数对象|限定词，"
        "如 1597|份|慰问品; 200|个|暖手宝|多; 4.4万|人|职工|余；有这一列时行动原有的数字会被替换。"
    )
    list_display = (
        "title",
        "category",
        "district",
        "start_date",
        "organization_names",
        "status",
        "updated_at",
    )
    list_filter = ("status", "category", "district", "date_qualifier")
    search_fields = ("title", "slug", "summary", "beneficiaries", "organizations__name")
    date_hierarchy = "start_date"
    autocomplete_fields = ("organizations", "recipients", "sources")
    inlines = [FigureInline]
    fieldsets = (
        (None, {"fields": ("title", "slug", "status")}),
        (_("组织与类别"), {"fields": ("organizations", "recipients", "district", "category")}),
        (_("日期"), {"fields": ("start_date", "end_date", "date_qualifier", "date_note")}),
        (_("内容"), {"fields": ("summary", "beneficiaries", "sources")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("organizations")

    @admin.display(description=_("行动组织"))
    def organization_names(self, action):
        return "、".join(org.display_name for org in action.organizations.all())
