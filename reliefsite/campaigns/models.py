from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import (
    Q,
)
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from reliefsite.organizations.models import Organization
from reliefsite.publishing import status_field
from reliefsite.quantities import (
    AsOfPrecision,
    DateQualifier,
    Qualifier,
    format_as_of,
    format_date,
    format_quantity,
)
from reliefsite.sources.models import Source

from .ledger import CampaignQuerySet, DisbursementQuerySet, TotalReportQuerySet
from .validation import disbursement_errors, total_report_errors


def money_field(verbose_name, **kwargs):
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=2, **kwargs)


class Campaign(models.Model):
    """A public fundraising project registered with the charity authorities."""

    name = models.CharField(_("项目名称"), max_length=100, unique=True)
    slug = models.SlugField(_("网址标识"), max_length=80, unique=True)
    organizer = models.ForeignKey(
        Organization, verbose_name=_("发起机构"), on_delete=models.PROTECT, related_name="campaigns"
    )
    registration_number = models.CharField(_("公开募捐备案编号"), max_length=60, blank=True)
    registration_platform = models.CharField(_("备案平台"), max_length=60, blank=True, default="慈善中国")
    verify_url = models.URLField(_("备案查询网址"), blank=True)
    launched_at = models.DateTimeField(_("发布时间"))
    purpose = models.TextField(_("募捐目的"))
    sources = models.ManyToManyField(Source, verbose_name=_("信息来源"), related_name="campaigns")
    status = status_field()
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[sources])
    objects = CampaignQuerySet.as_manager()

    class Meta:
        verbose_name = _("募捐项目")
        verbose_name_plural = _("募捐项目")
        ordering = ["-launched_at", "name"]  # name is unique: a total order, so pages never overlap
        permissions = [("publish_campaign", _("可以发布或撤回募捐项目"))]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("campaigns:detail", kwargs={"slug": self.slug})


class TotalReport(models.Model):
    """The running total as reported at one moment: amount raised and donors so far."""

    # What an editor records for one total, in form order: the campaign page's inline, the
    # record-total form and the CSV/XLSX import all show these.
    RECORDED_FIELDS = (
        "as_of",
        "as_of_precision",
        "amount",
        "amount_qualifier",
        "donors",
        "donors_qualifier",
        "source",
        "is_correction",
        "correction_reason",
    )

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("募捐项目"), on_delete=models.CASCADE, related_name="reports"
    )
    as_of = models.DateTimeField(_("截至时间"))
    as_of_precision = models.CharField(
        _("时间精度"), max_length=10, choices=AsOfPrecision.choices, default=AsOfPrecision.MINUTE
    )
    amount = money_field(_("累计善款（元）"))
    amount_qualifier = models.CharField(
        _("金额限定词"), max_length=10, choices=Qualifier.choices, default=Qualifier.EXACT
    )
    donors = models.PositiveIntegerField(_("捐款人数"), null=True, blank=True)
    donors_qualifier = models.CharField(
        _("人数限定词"), max_length=10, choices=Qualifier.choices, default=Qualifier.EXACT
    )
    source = models.ForeignKey(
        Source, verbose_name=_("信息来源"), on_delete=models.PROTECT, related_name="total_reports"
    )
    is_correction = models.BooleanField(
        _("更正"), default=False, help_text=_("比上一次总额低时必须勾选并说明原因。")
    )
    correction_reason = models.CharField(_("更正原因"), max_length=200, blank=True)
    note = models.TextField(_("编辑说明"), blank=True)
    status = status_field()
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    history = HistoricalRecords()
    objects = TotalReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("累计总额")
        verbose_name_plural = _("累计总额")
        # campaign_id, not campaign: that would join campaigns to sort by their ordering
        ordering = ["campaign_id", "-as_of"]
        permissions = [("publish_totalreport", _("可以发布或撤回累计总额"))]
        get_latest_by = "as_of"
        constraints = [
            models.UniqueConstraint(fields=["campaign", "as_of"], name="report_unique_per_moment"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="report_amount_not_negative"),
            models.CheckConstraint(
                condition=Q(is_correction=False) | ~Q(correction_reason=""),
                name="report_correction_has_reason",
            ),
        ]
        # Counting a source's published totals reads only these index entries, not the rows
        # (sources list at 100,000 totals: 27 ms -> 2 ms for 50 sources, bench/).
        indexes = [models.Index(fields=["source", "status", "campaign"], name="report_by_source")]

    def __str__(self):
        return f"{self.campaign} 截至{self.as_of_display}：{self.amount_display}"

    def get_absolute_url(self):
        return self.campaign.get_absolute_url()

    @property
    def as_of_display(self):
        return format_as_of(self.as_of, self.as_of_precision)

    @property
    def amount_display(self):
        return format_quantity(self.amount, "元", self.amount_qualifier)

    @property
    def donors_display(self):
        return format_quantity(self.donors, "名", self.donors_qualifier) if self.donors is not None else ""

    def previous(self):
        if not self.campaign_id or not self.as_of:
            return None
        return (
            TotalReport.objects.filter(campaign_id=self.campaign_id, as_of__lt=self.as_of)
            .exclude(pk=self.pk)
            .order_by("-as_of")
            .first()
        )

    def following(self):
        if not self.campaign_id or not self.as_of:
            return None
        return (
            TotalReport.objects.filter(campaign_id=self.campaign_id, as_of__gt=self.as_of)
            .exclude(pk=self.pk)
            .order_by("as_of")
            .first()
        )

    def clean(self):
        errors = total_report_errors(self)
        if errors:
            raise ValidationError(errors)


class GroupContribution(models.Model):
    """A sector's share of a campaign, e.g. the education unions' staff, gifts and amount."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("募捐项目"), on_delete=models.CASCADE, related_name="contributions"
    )
    group = models.ForeignKey(
        Organization, verbose_name=_("组织"), on_delete=models.PROTECT, related_name="contributions"
    )
    label = models.CharField(_("群体"), max_length=60, help_text=_("如 教育工会系统。"))
    as_of = models.DateTimeField(_("截至时间"))
    as_of_precision = models.CharField(
        _("时间精度"), max_length=10, choices=AsOfPrecision.choices, default=AsOfPrecision.MINUTE
    )
    staff_count = models.PositiveIntegerField(_("参与职工人数"), null=True, blank=True)
    staff_qualifier = models.CharField(
        _("人数限定词"), max_length=10, choices=Qualifier.choices, default=Qualifier.EXACT
    )
    gifts_count = models.PositiveIntegerField(_("捐款笔数"), null=True, blank=True)
    gifts_qualifier = models.CharField(
        _("笔数限定词"), max_length=10, choices=Qualifier.choices, default=Qualifier.EXACT
    )
    amount = money_field(_("金额（元）"))
    amount_qualifier = models.CharField(
        _("金额限定词"), max_length=10, choices=Qualifier.choices, default=Qualifier.EXACT
    )
    source = models.ForeignKey(
        Source, verbose_name=_("信息来源"), on_delete=models.PROTECT, related_name="contributions"
    )
    note = models.TextField(_("编辑说明"), blank=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("群体捐款")
        verbose_name_plural = _("群体捐款")
        # campaign_id: see TotalReport.Meta
        ordering = ["campaign_id", "group", "as_of"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "group", "as_of"], name="contribution_unique_per_moment"
            ),
            models.CheckConstraint(condition=Q(amount__gte=0), name="contribution_amount_not_negative"),
        ]

    def __str__(self):
        return f"{self.label} 截至{self.as_of_display}：{self.amount_display}"

    def clean(self):
        if self.amount is not None and self.amount < 0:
            raise ValidationError({"amount": _("金额不能为负数。")})

    @property
    def as_of_display(self):
        return format_as_of(self.as_of, self.as_of_precision)

    @property
    def amount_display(self):
        return format_quantity(self.amount, "元", self.amount_qualifier)

    @property
    def staff_display(self):
        return (
            format_quantity(self.staff_count, "名", self.staff_qualifier)
            if self.staff_count is not None
            else ""
        )

    @property
    def gifts_display(self):
        return (
            format_quantity(self.gifts_count, "笔", self.gifts_qualifier)
            if self.gifts_count is not None
            else ""
        )


class Disbursement(models.Model):
    """Money paid out of a campaign: the ledger's transactions."""

    key = models.SlugField(_("标识"), max_length=80, unique=True)
    campaign = models.ForeignKey(
        Campaign, verbose_name=_("募捐项目"), on_delete=models.CASCADE, related_name="disbursements"
    )
    date = models.DateField(_("拨付日期"))
    date_qualifier = models.CharField(
        _("日期精度"), max_length=15, choices=DateQualifier.choices, default=DateQualifier.EXACT
    )
    recipient = models.ForeignKey(
        Organization,
        verbose_name=_("接收组织"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="disbursements_received",
    )
    recipient_note = models.CharField(_("接收方说明"), max_length=200, blank=True)
    amount = money_field(_("金额（元）"))
    amount_qualifier = models.CharField(
        _("金额限定词"), max_length=10, choices=Qualifier.choices, default=Qualifier.EXACT
    )
    purpose = models.CharField(_("用途"), max_length=200, blank=True)
    source = models.ForeignKey(
        Source, verbose_name=_("信息来源"), on_delete=models.PROTECT, related_name="disbursements"
    )
    note = models.TextField(_("编辑说明"), blank=True)
    status = status_field()
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    history = HistoricalRecords()
    objects = DisbursementQuerySet.as_manager()

    class Meta:
        verbose_name = _("拨付")
        verbose_name_plural = _("拨付")
        # campaign_id: see TotalReport.Meta
        ordering = ["campaign_id", "date", "pk"]
        permissions = [("publish_disbursement", _("可以发布或撤回拨付"))]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="disbursement_amount_positive"),
        ]

    def __str__(self):
        return f"{self.date_display} {self.recipient_display} {self.amount_display}"

    def get_absolute_url(self):
        return self.campaign.get_absolute_url()

    @property
    def date_display(self):
        return format_date(self.date, self.date_qualifier)

    @property
    def recipient_display(self):
        return str(self.recipient) if self.recipient else (self.recipient_note or _("报道未写明接收方"))

    @property
    def amount_display(self):
        return format_quantity(self.amount, "元", self.amount_qualifier)

    def clean(self):
        errors = disbursement_errors(self)
        if errors:
            raise ValidationError(errors)
