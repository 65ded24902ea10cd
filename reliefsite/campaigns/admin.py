from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, router, transaction
from django.db.models import OuterRef, Subquery
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reliefsite.editorial.admin import (
    EditorialStackedInline,
    EditorialTabularInline,
    PublishableAdmin,
    RecordAdmin,
)
from reliefsite.editorial.permissions import can_publish
from reliefsite.editorial.resources import EditorialImportExportMixin
from reliefsite.publishing import Status
from reliefsite.quantities import format_quantity

from .admin_forms import DisbursementFormSet, RecordTotalForm, TotalReportFormSet
from .models import Campaign, Disbursement, GroupContribution, TotalReport
from .resources import DisbursementResource, TotalReportResource

IMPORT_HELP = gettext_lazy(
    "campaign 填募捐项目的网址标识，source 填来源标识，recipient 填组织的网址标识；金额可写 6957400 或 695.74万；"
    "时间写成 2020-02-03 17:00（北京时间）；限定词可写代码（yu）或汉字（余）。"
)


class TotalReportInline(EditorialTabularInline):
    show_change_link = True  # each part has its own page and history
    model = TotalReport
    formset = TotalReportFormSet
    fields = (*TotalReport.RECORDED_FIELDS, "status")
    autocomplete_fields = ("source",)


class GroupContributionInline(EditorialStackedInline):
    show_change_link = True
    model = GroupContribution
    fields = (
        ("group", "label"),
        ("as_of", "as_of_precision"),
        ("staff_count", "staff_qualifier"),
        ("gifts_count", "gifts_qualifier"),
        ("amount", "amount_qualifier"),
        "source",
        "note",
    )
    autocomplete_fields = ("group", "source")


class DisbursementInline(EditorialStackedInline):
    show_change_link = True
    model = Disbursement
    formset = DisbursementFormSet
    fields = (
        ("key", "status"),
        ("date", "date_qualifier"),
        ("recipient", "recipient_note"),
        ("amount", "amount_qualifier"),
        "purpose",
        "source",
        "note",
    )
    autocomplete_fields = ("recipient", "source")


@admin.register(Campaign)
class CampaignAdmin(PublishableAdmin):
    list_display = ("name", "organizer", "launched_at", "latest_total", "status", "record_total_link")
    list_filter = ("status",)
    search_fields = ("name", "slug", "registration_number", "organizer__name")
    list_select_related = ("organizer",)
    autocomplete_fields = ("organizer", "sources")
    date_hierarchy = "launched_at"
    inlines = [TotalReportInline, GroupContributionInline, DisbursementInline]
    fieldsets = (
        (None, {"fields": ("name", "slug", "status", "organizer", "launched_at", "purpose")}),
        (
            gettext_lazy("公开募捐备案"),
            {"fields": ("registration_number", "registration_platform", "verify_url")},
        ),
        (None, {"fields": ("sources",)}),
    )

    def get_queryset(self, request):
        latest = TotalReport.objects.filter(campaign=OuterRef("pk")).order_by("-as_of")
        return (
            super()
            .get_queryset(request)
            .annotate(
                latest_amount=Subquery(latest.values("amount")[:1]),
                latest_amount_qualifier=Subquery(latest.values("amount_qualifier")[:1]),
            )
        )

    @admin.display(description=gettext_lazy("最新累计总额（含草稿）"))
    def latest_total(self, campaign):
        if campaign.latest_amount is None:
            return "—"
        return format_quantity(campaign.latest_amount, "元", campaign.latest_amount_qualifier)

    @admin.display(description=gettext_lazy("记录新总额"))
    def record_total_link(self, campaign):
        url = reverse("admin:campaigns_campaign_record_total", args=[campaign.pk])
        return format_html('<a href="{}" class="addlink">{}</a>', url, _("记录新总额"))

    def get_urls(self):
        return [
            path(
                "<path:object_id>/record-total/",
                self.admin_site.admin_view(self.record_total_view),
                name="campaigns_campaign_record_total",
            ),
            *super().get_urls(),
        ]

    def record_total_view(self, request, object_id):
        """The frequent task in one short form: a new running total for this campaign."""
        campaign = self.get_object(request, unquote(object_id))
        if campaign is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.admin_site.get_model_admin(TotalReport).has_add_permission(request):
            raise PermissionDenied
        may_publish = can_publish(request.user, TotalReport)
        latest = campaign.reports.select_related("source").order_by("-as_of").first()
        if request.method == "POST":
            form = RecordTotalForm(
                request.POST, instance=TotalReport(campaign=campaign), may_publish=may_publish
            )
            report = self._save_total(request, campaign, form)
            if report is not None:
                state = _("已发布") if report.status == Status.PUBLISHED else _("草稿，待发布人发布")
                self.message_user(
                    request,
                    _("已记录“%(campaign)s”截至%(when)s的累计总额%(amount)s（%(state)s）。")
                    % {
                        "campaign": campaign,
                        "when": report.as_of_display,
                        "amount": report.amount_display,
                        "state": state,
                    },
                    messages.SUCCESS,
                )
                return redirect("admin:campaigns_campaign_change", campaign.pk)
        else:
            initial = {}
            if latest:
                initial = {
                    "as_of_precision": latest.as_of_precision,
                    "amount_qualifier": latest.amount_qualifier,
                    "donors_qualifier": latest.donors_qualifier,
                }
            form = RecordTotalForm(initial=initial, may_publish=may_publish)
        context = {
            **self.admin_site.each_context(request),
            "title": _("记录新的累计总额：%(campaign)s") % {"campaign": campaign},
            "opts": self.opts,
            "original": campaign,
            "form": form,
            "latest": latest,
            "may_publish": may_publish,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/campaigns/campaign/record_total.html", context)

    def _save_total(self, request, campaign, form):
        with transaction.atomic(using=router.db_for_write(TotalReport)):
            # Lock the campaign so two people recording totals at once are checked one after the other.
            Campaign.objects.select_for_update().filter(pk=campaign.pk).exists()
            if not form.is_valid():
                return None
            report = form.save(commit=False)
            report.status = Status.PUBLISHED if form.cleaned_data.get("publish_now") else Status.DRAFT
            try:
                with transaction.atomic(using=router.db_for_write(TotalReport)):
                    report.save()
            except IntegrityError:
                form.add_error(None, _("保存失败：这条累计总额与已有记录冲突，请刷新后重试。"))
                return None
            self.admin_site.get_model_admin(TotalReport).log_addition(request, report, [{"added": {}}])
            return report


@admin.register(TotalReport)
class TotalReportAdmin(EditorialImportExportMixin, PublishableAdmin):
    resource_classes = [TotalReportResource]
    import_help = IMPORT_HELP
    list_display = (
        "campaign",
        "as_of",
        "amount_display",
        "donors_display",
        "is_correction",
        "status",
        "source",
    )
    list_filter = ("status", "is_correction", "as_of_precision", "campaign")
    search_fields = ("campaign__name", "note", "correction_reason", "source__headline")
    list_select_related = ("campaign", "source")
    autocomplete_fields = ("campaign", "source")
    date_hierarchy = "as_of"
    # Grouped by campaign in the campaigns' own order, newest first. The models order by
    # campaign_id instead, which spares every prefetch of a campaign's rows a join to campaigns.
    ordering = ("campaign", "-as_of")

    @admin.display(description=gettext_lazy("累计善款"), ordering="amount")
    def amount_display(self, report):
        return report.amount_display

    @admin.display(description=gettext_lazy("捐款人数"), ordering="donors")
    def donors_display(self, report):
        return report.donors_display


@admin.register(GroupContribution)
class GroupContributionAdmin(RecordAdmin):
    list_display = ("label", "campaign", "group", "as_of", "amount_display", "staff_display")
    list_filter = ("campaign",)
    search_fields = ("label", "group__name", "campaign__name", "note")
    list_select_related = ("campaign", "group")
    autocomplete_fields = ("campaign", "group", "source")
    date_hierarchy = "as_of"
    ordering = ("campaign", "group", "as_of")  # newest campaign first, as in TotalReportAdmin

    @admin.display(description=gettext_lazy("金额"), ordering="amount")
    def amount_display(self, contribution):
        return contribution.amount_display

    @admin.display(description=gettext_lazy("参与职工人数"), ordering="staff_count")
    def staff_display(self, contribution):
        return contribution.staff_display


@admin.register(Disbursement)
class DisbursementAdmin(EditorialImportExportMixin, PublishableAdmin):
    resource_classes = [DisbursementResource]
    import_help = IMPORT_HELP
    list_display = ("date", "campaign", "recipient_display", "amount_display", "purpose", "status")
    list_filter = ("status", "date_qualifier", "campaign")
    search_fields = ("key", "purpose", "recipient__name", "recipient_note", "campaign__name")
    list_select_related = ("campaign", "recipient", "source")
    autocomplete_fields = ("campaign", "recipient", "source")
    date_hierarchy = "date"
    ordering = ("campaign", "date", "pk")  # newest campaign first, as in TotalReportAdmin

    @admin.display(description=gettext_lazy("接收方"))
    def recipient_display(self, disbursement):
        return disbursement.recipient_display

    @admin.display(description=gettext_lazy("金额"), ordering="amount")
    def amount_display(self, disbursement):
        return disbursement.amount_display
