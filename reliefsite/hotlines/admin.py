from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from reliefsite.editorial.admin import EditorialStackedInline, EditorialTabularInline, PublishableAdmin
from reliefsite.editorial.forms import EditorialForm

from .models import Channel, Holiday, Hotline, OpeningHours, PhoneNumber
from .phones import normalise_area_code, normalise_number


class PhoneNumberForm(EditorialForm):
    # Normalised in the form too, so "400-015-1123" and "4000151123" on one page count as duplicates.
    def clean_number(self):
        return normalise_number(self.cleaned_data.get("number", ""))

    def clean_area_code(self):
        return normalise_area_code(self.cleaned_data.get("area_code", ""))


class PhoneNumberInline(EditorialTabularInline):
    model = PhoneNumber
    form = PhoneNumberForm
    fields = ("number", "area_code", "label", "position")


class ChannelInline(EditorialStackedInline):
    model = Channel
    fields = (("kind", "name"), "instructions", ("url", "round_the_clock"), "position")


class OpeningHoursInline(EditorialTabularInline):
    model = OpeningHours
    fields = ("weekday", "opens", "closes")


@admin.register(Hotline)
class HotlineAdmin(PublishableAdmin):
    list_display = ("name", "provider", "need", "mode", "round_the_clock", "status", "updated_at")
    list_filter = ("status", "need", "mode", "cost", "round_the_clock")
    search_fields = ("name", "slug", "provider__name", "numbers__number", "eligibility", "offers")
    list_select_related = ("provider",)
    autocomplete_fields = ("provider", "sources")
    inlines = [PhoneNumberInline, OpeningHoursInline, ChannelInline]
    fieldsets = (
        (None, {"fields": ("name", "slug", "status", "provider", "operator_note", "need")}),
        (_("服务内容"), {"fields": ("offers", "eligibility", "what_to_have_ready", "how_it_works")}),
        (_("接听与费用"), {"fields": ("mode", "session_length", "cost", "cost_note", "confidentiality")}),
        (
            _("时间"),
            {
                "fields": (
                    "starts_on",
                    "start_note",
                    "round_the_clock",
                    "closed_on_public_holidays",
                    "hours_note",
                )
            },
        ),
        (None, {"fields": ("sources",)}),
    )


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    list_display = ("date", "name")
    search_fields = ("name",)
    date_hierarchy = "date"
