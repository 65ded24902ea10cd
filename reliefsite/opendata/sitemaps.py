"""sitemap.xml: every public page in both interface languages, with hreflang alternates and lastmod.

The sitemap view gets classes, not instances, so each request builds fresh ones and the lastmod
aggregates below are never remembered between requests.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils.functional import cached_property

from reliefsite.actions.models import Action
from reliefsite.campaigns.models import Campaign
from reliefsite.hotlines.models import Hotline
from reliefsite.organizations.models import Organization
from reliefsite.sources.models import Source


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def lastmod(self, item):
        return item.updated_at


class ActionSitemap(I18nSitemap):
    def items(self):
        return Action.objects.published().order_by("pk")


class OrganizationSitemap(I18nSitemap):
    def items(self):
        return Organization.objects.order_by("pk")


class SourceSitemap(I18nSitemap):
    def items(self):
        return Source.objects.order_by("pk")


class CampaignSitemap(I18nSitemap):
    def items(self):
        return Campaign.objects.published().order_by("pk")


class CampaignReportsSitemap(CampaignSitemap):
    """Each campaign's page of every reported total."""

    def location(self, item):
        return reverse("campaigns:reports", kwargs={"slug": item.slug})


class HotlineSitemap(I18nSitemap):
    def items(self):
        return Hotline.objects.published().order_by("pk")


# Each list page changes when its records do; the home page and the data page when any of them does.
LIST_PAGES = {
    "actions:list": Action.objects.published,
    "organizations:list": Organization.objects.all,
    "campaigns:list": Campaign.objects.published,
    "hotlines:list": Hotline.objects.published,
    "sources:list": Source.objects.all,
}


class PageSitemap(I18nSitemap):
    priority = 0.8

    def items(self):
        return ["core:home", *LIST_PAGES, "opendata_docs:index"]

    def location(self, item):
        return reverse(item)

    @cached_property
    def latest(self):
        """One aggregate per list, computed once per request (lastmod is asked per page and language)."""
        return {
            name: records().aggregate(latest=Max("updated_at"))["latest"]
            for name, records in LIST_PAGES.items()
        }

    def lastmod(self, item):
        if item in self.latest:
            return self.latest[item]
        return max((stamp for stamp in self.latest.values() if stamp), default=None)


SITEMAPS = {
    "pages": PageSitemap,
    "actions": ActionSitemap,
    "organizations": OrganizationSitemap,
    "campaigns": CampaignSitemap,
    "campaign-reports": CampaignReportsSitemap,
    "hotlines": HotlineSitemap,
    "sources": SourceSitemap,
}
