import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from reliefsite.choices import choice_label
from reliefsite.organizations.models import Organization
from reliefsite.publishing import PublishableQuerySet, status_field
from reliefsite.sources.models import Source

from .phones import normalise_area_code, normalise_number, tel_uri


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("周一")
    TUESDAY = 1, _("周二")
    WEDNESDAY = 2, _("周三")
    THURSDAY = 3, _("周四")
    FRIDAY = 4, _("周五")
    SATURDAY = 5, _("周六")
    SUNDAY = 6, _("周日")


class HotlineQuerySet(PublishableQuerySet):
    def for_listing(self):
        return self.select_related("provider").prefetch_related("numbers", "channels", "hours", "sources")

    def in_need_order(self):
        """Grouped by need in the order Hotline.Need lists them (psychological first), then by name."""
        order = Case(
            *(When(need=value, then=Value(index)) for index, value in enumerate(Hotline.Need.values)),
            default=Value(len(Hotline.Need.values)),
        )
        return self.alias(need_order=order).order_by("need_order", "name", "pk")


class Hotline(models.Model):
    class Need(models.TextChoices):
        PSYCHOLOGICAL = "psychological", _("心理支持")
        LEGAL = "legal", _("法律咨询")
        MEDICAL = "medical", _("医疗健康")
        GENERAL = "general", _("综合服务")

    class Mode(models.TextChoices):
        BOOKING = "booking", _("电话预约，咨询师回电")
        LIVE = "live", _("直接接听")

    class Cost(models.TextChoices):
        FREE = "free", _("免费")
        CHARGED = "charged", _("收费")
        UNKNOWN = "unknown", _("报道未说明")

    name = models.CharField(_("名称"), max_length=100)
    slug = models.SlugField(_("网址标识"), max_length=80, unique=True)
    provider = models.ForeignKey(
        Organization, verbose_name=_("提供方"), on_delete=models.PROTECT, related_name="hotlines"
    )
    operator_note = models.CharField(_("运营说明"), max_length=200, blank=True)
    need = models.CharField(_("需求类别"), max_length=20, choices=Need.choices, db_index=True)
    offers = models.TextField(_("提供的帮助"))
    eligibility = models.CharField(_("服务对象"), max_length=200)
    what_to_have_ready = models.CharField(_("需准备"), max_length=200, blank=True)
    how_it_works = models.TextField(_("使用方法"), blank=True)
    mode = models.CharField(_("接听方式"), max_length=10, choices=Mode.choices, default=Mode.LIVE)
    session_length = models.CharField(_("每次时长"), max_length=40, blank=True)
    cost = models.CharField(_("费用"), max_length=10, choices=Cost.choices, default=Cost.UNKNOWN)
    cost_note = models.CharField(_("费用说明"), max_length=200, blank=True)
    confidentiality = models.CharField(_("保密"), max_length=200, blank=True)
    starts_on = models.DateField(_("开通日期"), null=True, blank=True)
    start_note = models.CharField(_("开通日期说明"), max_length=200, blank=True)
    round_the_clock = models.BooleanField(_("24小时服务"), default=False)
    closed_on_public_holidays = models.BooleanField(_("法定节假日不服务"), default=False)
    hours_note = models.CharField(_("时间说明"), max_length=200, blank=True)
    sources = models.ManyToManyField(Source, verbose_name=_("信息来源"), related_name="hotlines")
    status = status_field()
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[sources])
    objects = HotlineQuerySet.as_manager()

    class Meta:
        verbose_name = _("求助热线")
        verbose_name_plural = _("求助热线")
        ordering = ["need", "name"]
        permissions = [("publish_hotline", _("可以发布或撤回求助热线"))]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("hotlines:detail", kwargs={"slug": self.slug})

    def get_need_display(self):
        return choice_label(self.Need, self.need)

    def get_mode_display(self):
        return choice_label(self.Mode, self.mode)

    def get_cost_display(self):
        return choice_label(self.Cost, self.cost)


class PhoneNumber(models.Model):
    hotline = models.ForeignKey(
        Hotline, verbose_name=_("热线"), on_delete=models.CASCADE, related_name="numbers"
    )
    number = models.CharField(_("号码"), max_length=20, help_text=_("可带空格或短横线，保存时统一为数字。"))
    area_code = models.CharField(_("区号"), max_length=5, blank=True, help_text=_("固定电话填区号，如 010。"))
    label = models.CharField(_("说明"), max_length=60, blank=True)
    position = models.PositiveSmallIntegerField(_("顺序"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("电话号码")
        verbose_name_plural = _("电话号码")
        # hotline_id, not hotline: that would join hotlines to sort by their ordering
        ordering = ["hotline_id", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["hotline", "number"], name="phone_unique_per_hotline"),
        ]

    def __str__(self):
        return self.number

    def save(self, *args, **kwargs):
        # Normalise on every path (admin, import, seeds), not only through forms.
        self.number = normalise_number(self.number)
        self.area_code = normalise_area_code(self.area_code)
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        try:
            self.number = normalise_number(self.number)
        except ValidationError as error:
            errors["number"] = error
        try:
            self.area_code = normalise_area_code(self.area_code)
        except ValidationError as error:
            errors["area_code"] = error
        if errors:
            raise ValidationError(errors)

    @property
    def tel_uri(self):
        return tel_uri(self.number, self.area_code)


class Channel(models.Model):
    class Kind(models.TextChoices):
        APP = "app", _("手机APP")
        WECHAT = "wechat", _("微信公众号")
        WECHAT_GROUP = "wechat_group", _("微信群")
        WEBSITE = "website", _("网站")
        OTHER = "other", _("其他")

    hotline = models.ForeignKey(
        Hotline, verbose_name=_("热线"), on_delete=models.CASCADE, related_name="channels"
    )
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("名称"), max_length=100, blank=True)
    instructions = models.TextField(_("使用方法"))
    url = models.URLField(_("网址"), blank=True)
    round_the_clock = models.BooleanField(_("24小时"), default=False)
    position = models.PositiveSmallIntegerField(_("顺序"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("其他渠道")
        verbose_name_plural = _("其他渠道")
        # hotline_id: see PhoneNumber.Meta
        ordering = ["hotline_id", "position", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.name}".strip()


class OpeningHours(models.Model):
    """One weekday's opening period in the site's time zone; round-the-clock lines need none."""

    hotline = models.ForeignKey(
        Hotline, verbose_name=_("热线"), on_delete=models.CASCADE, related_name="hours"
    )
    weekday = models.PositiveSmallIntegerField(_("星期"), choices=Weekday.choices)
    opens = models.TimeField(_("开始"))
    closes = models.TimeField(_("结束"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("服务时间")
        verbose_name_plural = _("服务时间")
        # hotline_id: see PhoneNumber.Meta
        ordering = ["hotline_id", "weekday", "opens"]
        constraints = [
            models.CheckConstraint(condition=Q(closes__gt=F("opens")), name="hours_close_after_open"),
            models.CheckConstraint(condition=Q(weekday__lte=6), name="hours_weekday_valid"),
            models.UniqueConstraint(fields=["hotline", "weekday", "opens"], name="hours_unique_period"),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self):
        if self.opens is not None and self.closes is not None and self.closes <= self.opens:
            raise ValidationError({"closes": _("结束时间必须晚于开始时间；跨午夜的时段请分成两天填写。")})


class Holiday(models.Model):
    """Public holidays, when lines marked "法定节假日除外" are closed."""

    date = models.DateField(_("日期"), unique=True)
    name = models.CharField(_("名称"), max_length=40)

    class Meta:
        verbose_name = _("法定节假日")
        verbose_name_plural = _("法定节假日")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.name}"

    @classmethod
    def dates_between(cls, start: datetime.date, end: datetime.date):
        return set(cls.objects.filter(date__range=(start, end)).values_list("date", flat=True))
