import json
from collections import Counter

from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from reliefsite.choices import choice_label
from reliefsite.organizations.models import District, Organization
from reliefsite.publishing import PublishableQuerySet, count_per_row, status_field
from reliefsite.quantities import DateQualifier, Qualifier, format_quantity
from reliefsite.sources.models import Source


class Category(models.TextChoices):
    FUNDS = "funds", _("资金与慰问金")
    GOODS = "goods", _("物资与慰问品")
    COMMUNITY = "community", _("社区防控")
    PSYCHOLOGICAL = "psychological", _("心理支持")
    LEGAL = "legal", _("法律服务")
    INSURANCE = "insurance", _("保险保障")
    VOLUNTEERS = "volunteers", _("志愿服务")
    PUBLICITY = "publicity", _("宣传动员")
    FUNDRAISING = "fundraising", _("募捐")
    WORKPLACE = "workplace", _("单位内部防控")
    WELLBEING = "wellbeing", _("文体与关爱")
    POLICY = "policy", _("政策措施")


MONEY_UNIT = "元"


# What an action card shows besides the action itself (includes/action_card.html).
CARD_RELATIONS = ("organizations", "figures")


class ActionQuerySet(PublishableQuerySet):
    def for_listing(self):
        return self.prefetch_related(*CARD_RELATIONS)

    def search(self, text):
        """Substring search; works for Chinese, which has no word boundaries to index.

        Every word must appear somewhere: in the title, summary, beneficiaries, a figure, an
        organization's name, or the name of the district or category ("门头沟" finds 门头沟区).
        Figures and organizations are searched in subqueries, not joins: a join repeats each action
        once per figure and organization, and every repeat is matched again (2x faster in bench/).
        On SQLite, words of three characters or more are looked up in the trigram index that
        migration 0005 keeps (actions_search): the same matches, without reading every action.
        """
        query = Q()
        for word in text.split():
            districts = [code for code, label in District.choices if word in str(label)]
            categories = [code for code, label in Category.choices if word in str(label)]
            query &= self._text_matches(word) | Q(district__in=districts) | Q(category__in=categories)
        return self.filter(query)

    def _text_matches(self, word):
        if connections[self.db].vendor == "sqlite" and len(word) >= 3:
            # The word as one quoted phrase (every character literal, quotes doubled) is the run of its
            # trigrams: found from the index's positions alone, where LIKE '%word%' also reads each
            # candidate's text (1,356 matches of 20,000: 2.7 -> 0.4 ms, bench/).
            phrase = '"' + word.replace('"', '""') + '"'
            return Q(
                pk__in=RawSQL("SELECT rowid FROM actions_search WHERE actions_search MATCH %s", (phrase,))
            )
        organizations = Organization.objects.filter(Q(name__icontains=word) | Q(short_name__icontains=word))
        return (
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(beneficiaries__icontains=word)
            | Q(pk__in=Figure.objects.filter(counts__icontains=word).values("action"))
            | Q(
                pk__in=self.model.organizations.through.objects.filter(organization__in=organizations).values(
                    "action"
                )
            )
        )

    def matching(self, q="", district="", organization=None, category="", date_from=None, date_to=None):
        """The list page's filters; a date range keeps actions that overlap it."""
        qs = self
        if q:
            qs = qs.search(q)
        if district:
            qs = qs.filter(district=district)
        if organization:
            qs = qs.filter(pk__in=organization.actions.values("pk"))
        if category:
            qs = qs.filter(category=category)
        if date_from:
            qs = qs.filter(Q(end_date__gte=date_from) | Q(end_date__isnull=True, start_date__gte=date_from))
        if date_to:
            qs = qs.filter(start_date__lte=date_to)
        return qs

    def among(self, ids):
        """Only the actions whose ids are listed, passed as one parameter (a JSON or array value):
        an IN list of 1,300 ids costs ~3 ms to compile and bind in every statement (bench/)."""
        if connections[self.db].vendor == "postgresql":
            listed = RawSQL("SELECT unnest(%s::bigint[])", (list(ids),))
        else:
            listed = RawSQL("SELECT value FROM json_each(%s)", (json.dumps(list(ids)),))
        return self.filter(pk__in=listed)

    def count_by_district_and_category(self, district="", category=""):
        """({district: n}, {category: n}) from one GROUP BY over both columns (one index read instead
        of two). Each facet counts the actions in the other facet's selected value, if any."""
        # No DISTINCT: search() and matching() filter with subqueries, never joins, so rows are unique.
        rows = self.order_by().values_list("district", "category").annotate(n=Count("*"))
        by_district, by_category = Counter(), Counter()
        for row_district, row_category, n in rows:
            if category in ("", row_category):
                by_district[row_district] += n
            if district in ("", row_district):
                by_category[row_category] += n
        return by_district, by_category

    def count_by_organization(self, limit=None):
        """[(slug, name, number of actions)], most active first, the first `limit`; two queries.

        Counted on the link table, where each (action, organization) pair is unique, so no
        COUNT(DISTINCT) over the action x organization join is needed; grouped by the id alone,
        which the link table's index holds, and only the `limit` winners' names are read after
        (at 20,000 actions: 98 ms with the join and DISTINCT, 40 ms grouped by name, 10 ms so).
        """
        links = self.model.organizations.through.objects.filter(action__in=self.order_by().values("pk"))
        counts = links.values_list("organization").annotate(n=Count("*")).order_by("-n", "organization")
        return self._named(dict(counts[:limit]))

    def count_published_by_organization(self, limit=None):
        """count_by_organization() of all published actions, from the other side: every link, less
        the links of unpublished actions, which are few. Checking 40,000 links' actions one by one
        takes 18 ms; the link table's organization index and the drafts' links take 3 ms (bench/)."""
        links = self.model.organizations.through.objects.order_by()
        unpublished = self.model.objects.unpublished().values("pk")
        counts = Counter(dict(links.values_list("organization").annotate(n=Count("*"))))
        counts.subtract(
            dict(links.filter(action__in=unpublished).values_list("organization").annotate(n=Count("*")))
        )
        busiest = sorted((pk for pk, n in counts.items() if n > 0), key=lambda pk: (-counts[pk], pk))
        return self._named({pk: counts[pk] for pk in busiest[:limit]})

    def _named(self, counts):
        names = Organization.objects.filter(pk__in=counts).values_list("pk", "slug", "name")
        rows = [(slug, name, counts[pk]) for pk, slug, name in names]
        return sorted(rows, key=lambda row: (-row[2], row[1]))

    def related_to(self, action, limit=5):
        """Other actions by the same organizations first (the more shared, the earlier), then of the
        same category. The links are matched by subqueries, not a join grouped over every candidate
        (16 -> 3 ms at 20,000 actions, bench/)."""
        organization_ids = [organization.pk for organization in action.organizations.all()]
        links = self.model.organizations.through.objects.filter(organization__in=organization_ids)
        return (
            self.exclude(pk=action.pk)
            .filter(Q(pk__in=links.values("action")) | Q(category=action.category))
            .annotate(shared=count_per_row(links, "action"))
            .order_by("-shared", "-start_date", "-pk")
            .prefetch_related("organizations")[:limit]
        )

    def with_money(self):
        """Only actions that report amounts of money (unit 元, not rates such as 元/小时), each with
        those figures in .money_figures."""
        money = Figure.objects.filter(unit=MONEY_UNIT)
        # EXISTS per action, through the figures' action index: IN (every money figure) read all
        # 20,000 figures for an organization with 62 actions (4 ms -> under 1, bench/).
        return self.filter(Exists(money.filter(action=OuterRef("pk")))).prefetch_related(
            Prefetch("figures", queryset=money, to_attr="money_figures")
        )

    def totals(self):
        """{"actions": n, "organizations": n taking part in them}: two cheap statements, not one
        COUNT(DISTINCT) over the action x organization join. An organization counts if one of these
        actions exists for it, which stops at the first (at 20,000 actions: 27 ms -> 2 ms, bench/)."""
        taking_part = self.order_by().filter(organizations=OuterRef("pk"))
        return {
            "actions": self.count(),
            "organizations": Organization.objects.filter(Exists(taking_part)).count(),
        }


class Action(models.Model):
    title = models.CharField(_("标题"), max_length=120)
    slug = models.SlugField(_("网址标识"), max_length=100, unique=True)
    organizations = models.ManyToManyField(Organization, verbose_name=_("行动组织"), related_name="actions")
    recipients = models.ManyToManyField(
        Organization,
        verbose_name=_("受赠组织"),
        related_name="actions_received",
        blank=True,
        help_text=_("收到资金或物资的组织。"),
    )
    district = models.CharField(_("区域"), max_length=20, choices=District.choices, db_index=True)
    category = models.CharField(_("类别"), max_length=20, choices=Category.choices, db_index=True)
    start_date = models.DateField(_("日期"), db_index=True)
    end_date = models.DateField(_("结束日期"), null=True, blank=True)
    date_qualifier = models.CharField(
        _("日期精度"), max_length=15, choices=DateQualifier.choices, default=DateQualifier.EXACT
    )
    date_note = models.CharField(_("日期说明"), max_length=200, blank=True)
    summary = models.TextField(_("摘要"), help_text=_("用自己的话概括，不照抄原文。"))
    beneficiaries = models.CharField(_("受益对象"), max_length=200, blank=True)
    sources = models.ManyToManyField(Source, verbose_name=_("信息来源"), related_name="actions")
    status = status_field()
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[organizations, recipients, sources])
    objects = ActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("救助行动")
        verbose_name_plural = _("救助行动")
        ordering = ["-start_date", "-pk"]
        permissions = [("publish_action", _("可以发布或撤回救助行动"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="action_end_after_start",
            ),
        ]
        # The public list (published, newest first) and its district/category facet counts read
        # only these index entries: at 20,000 actions, 14 ms -> 1 ms and 10 ms -> 2 ms (bench/).
        indexes = [
            models.Index(fields=["status", "-start_date", "-id"], name="action_published_by_date"),
            # Both orders, so each facet count is answered from an index whichever filter is set.
            models.Index(fields=["status", "district", "category"], name="action_published_district"),
            models.Index(fields=["status", "category", "district"], name="action_published_category"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("actions:detail", kwargs={"slug": self.slug})

    def get_district_display(self):
        return choice_label(District, self.district)

    def get_category_display(self):
        return choice_label(Category, self.category)

    def clean(self):
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("结束日期不能早于开始日期。")})


class Figure(models.Model):
    """One number of an action, kept as printed: "1597份慰问品", "200多个暖手宝"."""

    action = models.ForeignKey(
        Action, verbose_name=_("救助行动"), on_delete=models.CASCADE, related_name="figures"
    )
    value = models.DecimalField(
        _("数值"), max_digits=16, decimal_places=2, help_text=_("完整数值：4.4万填 44000。")
    )
    qualifier = models.CharField(
        _("限定词"), max_length=10, choices=Qualifier.choices, default=Qualifier.EXACT
    )
    unit = models.CharField(_("单位"), max_length=20, help_text=_("如 元、份、个、名、户。"))
    counts = models.CharField(_("计数对象"), max_length=60, blank=True, help_text=_("如 慰问品、暖手宝。"))
    position = models.PositiveSmallIntegerField(_("顺序"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("数字")
        verbose_name_plural = _("数字")
        # action_id, not action: that would join actions to sort by their ordering
        ordering = ["action_id", "position", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(value__gte=0), name="figure_value_not_negative"),
        ]

    def __str__(self):
        return f"{self.as_printed}{self.counts}"

    def clean(self):
        if self.value is not None and self.value < 0:
            raise ValidationError({"value": _("数值不能为负数。")})

    @property
    def as_printed(self):
        return format_quantity(self.value, self.unit, self.qualifier)
