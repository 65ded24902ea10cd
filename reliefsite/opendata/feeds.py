"""Atom feeds: new relief actions (all, per district, per organization) and campaign total updates."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from reliefsite.actions.models import Action
from reliefsite.campaigns.models import Campaign, TotalReport
from reliefsite.organizations.models import District, Organization

LIMIT = 50
SITE = "北京工会抗疫信息"


class ActionsFeed(Feed):
    feed_type = Atom1Feed

    def title(self, obj=None):
        return _("%(site)s：救助行动") % {"site": SITE}

    def subtitle(self, obj=None):
        return _("北京各级工会新发布的抗疫救助行动，每条注明出处。")

    def link(self, obj=None):
        return reverse("actions:list")

    def items(self, obj=None):
        return self.actions(obj).prefetch_related("organizations").order_by("-created_at", "-pk")[:LIMIT]

    def actions(self, obj):
        return Action.objects.published()

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return "、".join(o.name for o in item.organizations.all())

    def item_categories(self, item):
        return [item.get_district_display(), item.get_category_display()]


class DistrictActionsFeed(ActionsFeed):
    def get_object(self, request, district):
        if district not in District.values:
            raise Http404("Unknown district.")
        return district

    def title(self, obj):
        return _("%(site)s：%(district)s的救助行动") % {"site": SITE, "district": District(obj).label}

    def link(self, obj):
        return f"{reverse('actions:list')}?district={obj}"

    def actions(self, obj):
        return Action.objects.published().filter(district=obj)


class OrganizationActionsFeed(ActionsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Organization, slug=slug)

    def title(self, obj):
        return _("%(site)s：%(organization)s的救助行动") % {"site": SITE, "organization": obj.name}

    def link(self, obj):
        return obj.get_absolute_url()

    def actions(self, obj):
        return Action.objects.published().filter(organizations=obj)


class CampaignTotalsFeed(Feed):
    """Each published running total is one entry: "温暖武汉：截至2020年2月6日下午累计1698万元"."""

    feed_type = Atom1Feed

    def get_object(self, request, slug=None):
        if slug is None:
            return None
        return get_object_or_404(Campaign.objects.published(), slug=slug)

    def title(self, obj):
        if obj is None:
            return _("%(site)s：募捐总额更新") % {"site": SITE}
        return _("%(site)s：%(campaign)s募捐总额更新") % {"site": SITE, "campaign": obj.name}

    def subtitle(self, obj):
        return _("公开募捐项目每次报道的累计善款和捐款人数。")

    def link(self, obj):
        return obj.get_absolute_url() if obj else reverse("campaigns:list")

    def items(self, obj):
        reports = TotalReport.objects.published().filter(campaign__in=Campaign.objects.published())
        if obj is not None:
            reports = reports.filter(campaign=obj)
        return reports.select_related("campaign").order_by("-as_of", "-pk")[:LIMIT]

    def item_title(self, item):
        title = _("%(campaign)s：截至%(as_of)s累计%(amount)s") % {
            "campaign": item.campaign.name,
            "as_of": item.as_of_display,
            "amount": item.amount_display,
        }
        if item.donors is not None:
            title += _("，%(donors)s捐款人") % {"donors": item.donors_display}
        return title

    def item_description(self, item):
        parts = [self.item_title(item)]
        if item.is_correction:
            parts.append(_("更正：%(reason)s") % {"reason": item.correction_reason})
        return "。".join(parts)

    def item_link(self, item):
        # The fragment makes each entry's link (and so its Atom id) unique on the one campaign page.
        return f"{item.campaign.get_absolute_url()}#report-{item.pk}"

    def item_pubdate(self, item):
        return item.as_of

    def item_updateddate(self, item):
        return item.updated_at
