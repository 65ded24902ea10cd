"""The data endpoints: what each one publishes, how it is filtered, and how fresh it is.

Each endpoint goes through `.published()`; freshness() uses cheap aggregates (row count and the
newest updated_at of everything the output draws on) so ETag/Last-Modified cost a few tiny queries.
"""

from django.db.models import Count, Max, Prefetch
from django.utils.translation import gettext_lazy as _

from reliefsite.actions.models import Action, Category
from reliefsite.campaigns.models import Campaign, Disbursement, GroupContribution, TotalReport
from reliefsite.hotlines.models import Hotline
from reliefsite.organizations.models import District, Organization
from reliefsite.publishing import count_per_row
from reliefsite.sources.models import Source

from . import csvrows, hsds, serializers
from .params import BadParameter, choice, iso_date


def newest(queryset):
    """(row count, newest updated_at): changes when a row is added, edited, published or withdrawn."""
    return tuple(queryset.aggregate(n=Count("*"), latest=Max("updated_at")).values())


class Endpoint:
    name = ""
    title = ""
    description = ""
    filters = {}  # parameter -> help text

    def queryset(self):
        raise NotImplementedError

    def example(self, nested):
        """The first item, for the documentation's example: nested lists need only their first
        `nested` items. None when there is nothing published."""
        return self.queryset().first()

    def apply_filters(self, queryset, values):
        return queryset.filter(**values)

    def freshness(self):
        raise NotImplementedError

    def parse_filters(self, query):
        return {}

    def serialize(self, obj, absolute):
        raise NotImplementedError

    def csv_row(self, item):
        return csvrows.ROWS[self.name](item)


class Actions(Endpoint):
    name = "actions"
    title = _("救助行动")
    description = _("各级工会的救助行动，含数字（数值、限定词、单位）和信息来源。")
    filters = {
        "district": _("区域代码，如 dongcheng、citywide。"),
        "category": _("类别代码，如 funds、goods。"),
        "organization": _("行动组织的网址标识（slug）。"),
        "since": _("开始日期不早于此日（YYYY-MM-DD）。"),
        "until": _("开始日期不晚于此日（YYYY-MM-DD）。"),
    }

    def queryset(self):
        return (
            Action.objects.published()
            .prefetch_related("organizations", "recipients", "figures", "sources")
            .order_by("-start_date", "-pk")
        )

    def parse_filters(self, query):
        values = {}
        if "district" in query:
            values["district"] = choice("district", query["district"], District.values)
        if "category" in query:
            values["category"] = choice("category", query["category"], Category.values)
        if "organization" in query:
            slug = query["organization"]
            if not Organization.objects.filter(slug=slug).exists():
                raise BadParameter(
                    "organization", f"没有网址标识为“{slug}”的组织。", f"No organization with slug '{slug}'."
                )
            values["organizations__slug"] = slug
        if "since" in query:
            values["start_date__gte"] = iso_date("since", query["since"])
        if "until" in query:
            values["start_date__lte"] = iso_date("until", query["until"])
        return values

    def freshness(self):
        return (
            newest(Action.objects.published()),
            newest(Organization.objects.all()),
            newest(Source.objects.all()),
        )

    serialize = staticmethod(serializers.action)


class Organizations(Endpoint):
    name = "organizations"
    title = _("组织")
    description = _("工会及相关组织，含各自已发布的行动、募捐项目和热线数量。")
    filters = {
        "kind": _("组织类型代码，如 district_federation。"),
        "district": _("所在区代码。"),
    }

    def queryset(self):
        return (
            Organization.objects.with_parent()
            .annotate(
                published_actions=count_per_row(Action.objects.published(), "organizations"),
                published_campaigns=count_per_row(Campaign.objects.published(), "organizer"),
                published_hotlines=count_per_row(Hotline.objects.published(), "provider"),
            )
            .order_by("name")
        )

    def parse_filters(self, query):
        values = {}
        if "kind" in query:
            values["kind"] = choice("kind", query["kind"], Organization.Kind.values)
        if "district" in query:
            values["district"] = choice("district", query["district"], District.values)
        return values

    def freshness(self):
        return (
            newest(Organization.objects.all()),
            newest(Action.objects.published()),
            newest(Campaign.objects.published()),
            newest(Hotline.objects.published()),
        )

    serialize = staticmethod(serializers.organization)


class Campaigns(Endpoint):
    name = "campaigns"
    title = _("募捐项目")
    description = _("公开募捐项目：每次报道的累计总额、群体捐款、已拨付合计和结余。")

    def queryset(self, with_reports=True):
        contributions = GroupContribution.objects.select_related("group", "source")
        prefetches = [Prefetch("contributions", queryset=contributions), "sources"]
        if with_reports:
            prefetches.append(Prefetch("reports", queryset=self.reports(), to_attr="published_reports"))
        return (
            Campaign.objects.published()
            .with_totals()
            .prefetch_related(*prefetches)
            .order_by("-launched_at", "pk")
        )

    def reports(self):
        return TotalReport.objects.published().select_related("source").order_by("as_of")

    def example(self, nested):
        """The first campaign with its first `nested` reports, read with a LIMIT: a sliced prefetch
        would number all of the campaign's reports with a window function (2,000: 8 ms, bench/)."""
        campaign = self.queryset(with_reports=False).first()
        if campaign is not None:
            campaign.published_reports = list(self.reports().filter(campaign=campaign)[:nested])
        return campaign

    def freshness(self):
        return (
            newest(Campaign.objects.published()),
            newest(TotalReport.objects.published()),
            newest(Disbursement.objects.published()),
            newest(GroupContribution.objects.all()),
            newest(Organization.objects.all()),
            newest(Source.objects.all()),
        )

    serialize = staticmethod(serializers.campaign)


class Transactions(Endpoint):
    name = "campaign-transactions"
    title = _("募捐拨付（交易）")
    description = _("募捐善款的每一笔拨付，参照 IATI 交易格式：类型、日期、金额、币种、提供方和接收方。")
    filters = {"campaign": _("募捐项目的网址标识（slug）。")}

    def queryset(self):
        return (
            Disbursement.objects.published()
            .filter(campaign__in=Campaign.objects.published())
            .select_related("campaign__organizer", "recipient", "source")
            .order_by("date", "pk")
        )

    def parse_filters(self, query):
        if "campaign" not in query:
            return {}
        slug = query["campaign"]
        if not Campaign.objects.published().filter(slug=slug).exists():
            raise BadParameter(
                "campaign", f"没有网址标识为“{slug}”的募捐项目。", f"No campaign with slug '{slug}'."
            )
        return {"campaign__slug": slug}

    def freshness(self):
        return (
            newest(Disbursement.objects.published()),
            newest(Campaign.objects.published()),
            newest(Organization.objects.all()),
            newest(Source.objects.all()),
        )

    serialize = staticmethod(serializers.transaction)


class Hotlines(Endpoint):
    name = "hotlines"
    title = _("求助热线")
    description = _("求助热线，按 Open Referral 人类服务数据规范（HSDS 3）的 service 对象输出。")
    filters = {"need": _("需求类别代码：psychological、legal、medical、general。")}

    def queryset(self):
        return (
            Hotline.objects.published()
            .select_related("provider")
            .prefetch_related("numbers", "hours")
            .order_by("need", "name", "pk")
        )

    def parse_filters(self, query):
        if "need" not in query:
            return {}
        return {"need": choice("need", query["need"], Hotline.Need.values)}

    def freshness(self):
        return (newest(Hotline.objects.published()), newest(Organization.objects.all()))

    serialize = staticmethod(hsds.service)


ENDPOINTS = {e.name: e for e in (Actions(), Organizations(), Campaigns(), Transactions(), Hotlines())}
