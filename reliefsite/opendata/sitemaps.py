"""sitemap.xml: an index of sections listing every public page in both interface languages, with
hreflang alternates and lastmod. Each section is paginated (`limit` addresses a page).

The sitemap view gets classes, not instances, so each request builds fresh ones and the lastmod
aggregates below are never remembered between requests.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Count, Max, QuerySet
from django.urls import reverse
from django.utils.functional import cached_property

from reliefsite.actions.models import Action
from reliefsite.campaigns.models import Campaign
from reliefsite.hotlines.models import Hotline
from reliefsite.organizations.models import Organization
from reliefsite.sources.models import Source

from .endpoints import ENDPOINTS


class LanguagePairs:
    """The (item, language) pairs Django's i18n sitemap paginates, without loading every item.

    Django builds the whole list of pairs for each request, even for the index's page count; this
    counts with one query and fetches only the rows of the page asked for.
    """

    def __init__(self, queryset, languages, count):
        self.queryset, self.languages, self.count_ = queryset, languages, count

    def __len__(self):
        return self.count_ * len(self.languages)

    def __getitem__(self, index):
        # Django's Paginator asks only for slices with non-negative bounds.
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        n = len(self.languages)
        first = index.start // n
        rows = self.queryset[first : -(-index.stop // n)]
        pairs = [(item, language) for item in rows for language in self.languages]
        return pairs[index.start - first * n : index.stop - first * n]


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    # Addresses per section page (about 0.1 s each to build at bench size); the index lists the pages.
    limit = 500

    def _items(self):
        items = self.items()
        if isinstance(items, QuerySet):
            return LanguagePairs(items, self._languages(), self.summary["count"])
        return super()._items()

    @cached_property
    def summary(self):
        """How many items and the newest change: one query for the index's page count and lastmod."""
        return self.items().aggregate(count=Count("*"), latest=Max("updated_at"))

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        # Django would call lastmod() on every item; the database gives the newest at once.
        return self.summary["latest"]


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


# Each list page changes when its records do; the home page and the data pages when any of them does.
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
        return [
            "core:home",
            *LIST_PAGES,
            "opendata_docs:index",
            *(f"opendata_docs:{name}" for name in ENDPOINTS),
        ]

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

    def get_latest_lastmod(self):
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
