from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from reliefsite.choices import choice_label


class District(models.TextChoices):
    CITYWIDE = "citywide", _("全市")
    DONGCHENG = "dongcheng", "东城区"
    XICHENG = "xicheng", "西城区"
    CHAOYANG = "chaoyang", "朝阳区"
    HAIDIAN = "haidian", "海淀区"
    FENGTAI = "fengtai", "丰台区"
    SHIJINGSHAN = "shijingshan", "石景山区"
    MENTOUGOU = "mentougou", "门头沟区"
    FANGSHAN = "fangshan", "房山区"
    TONGZHOU = "tongzhou", "通州区"
    SHUNYI = "shunyi", "顺义区"
    CHANGPING = "changping", "昌平区"
    DAXING = "daxing", "大兴区"
    HUAIROU = "huairou", "怀柔区"
    PINGGU = "pinggu", "平谷区"
    MIYUN = "miyun", "密云区"
    YANQING = "yanqing", "延庆区"
    OUTSIDE = "outside", _("京外")


class OrganizationQuerySet(models.QuerySet):
    def with_parent(self):
        return self.select_related("parent")

    def _grouping(self, group_by):
        if group_by == "district":
            return "district", District.choices
        return "kind", self.model.Kind.choices

    def for_directory(self, group_by="kind"):
        """Ordered for the directory page: by kind (national first) or by district, then by name."""
        field, choices = self._grouping(group_by)
        rank = models.Case(
            *[
                models.When(**{field: value}, then=models.Value(i))
                for i, (value, _label) in enumerate(choices)
            ],
            default=models.Value(len(choices)),
        )
        return self.annotate(group_rank=rank).order_by("group_rank", "name", "pk")

    def group_sizes(self, group_by="kind"):
        """[(value, label, number of organizations)] in directory order, in one query; values
        outside the choices (a blank district) come last as one group with the value ""."""
        field, choices = self._grouping(group_by)
        counts = dict(self.order_by().values_list(field).annotate(n=models.Count("*")))
        groups = [(value, label, counts.pop(value)) for value, label in choices if value in counts]
        rest = sum(counts.values())
        return [*groups, ("", None, rest)] if rest else groups


class Organization(models.Model):
    class Kind(models.TextChoices):
        NATIONAL_FEDERATION = "national_federation", _("全国总工会")
        CITY_FEDERATION = "city_federation", _("市级工会")
        DISTRICT_FEDERATION = "district_federation", _("区总工会")
        STREET_UNION = "street_union", _("街道（乡镇）工会")
        INDUSTRY_UNION = "industry_union", _("产业（系统）工会")
        ENTERPRISE_UNION = "enterprise_union", _("基层单位工会")
        FOUNDATION = "foundation", _("基金会")
        SERVICE_CENTER = "service_center", _("工会服务机构")
        GOVERNMENT = "government", _("政府部门")
        MEDICAL = "medical", _("医疗卫生机构")
        COMMUNITY = "community", _("社区与村镇")
        OTHER = "other", _("其他")

    name = models.CharField(_("名称"), max_length=120, unique=True)
    short_name = models.CharField(_("简称"), max_length=60, blank=True)
    slug = models.SlugField(_("网址标识"), max_length=80, unique=True)
    kind = models.CharField(_("类型"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    district = models.CharField(_("所在区"), max_length=20, choices=District.choices, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级组织"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    description = models.TextField(_("简介"), blank=True)
    note = models.TextField(_("编辑说明"), blank=True, help_text=_("例如某项信息是如何推定的。"))
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    history = HistoricalRecords()
    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("组织")
        verbose_name_plural = _("组织")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")), name="organization_not_own_parent"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organizations:detail", kwargs={"slug": self.slug})

    def get_kind_display(self):
        return choice_label(self.Kind, self.kind)

    def get_district_display(self):
        return choice_label(District, self.district)

    def clean(self):
        # Mirrors the organization_not_own_parent constraint and also refuses longer loops, which
        # the database cannot see but which would make "上级组织" chains endless.
        ancestor, seen = self.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk is not None and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("上级组织不能是它自己或它的下级组织。")})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent

    @property
    def display_name(self):
        return self.short_name or self.name
