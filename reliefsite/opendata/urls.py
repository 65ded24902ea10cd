"""Machine-readable addresses, outside i18n_patterns: one address per resource, in no language."""

from django.contrib.sitemaps.views import index, sitemap
from django.urls import path

from . import feeds, views
from .endpoints import ENDPOINTS
from .sitemaps import SITEMAPS

app_name = "opendata"
urlpatterns = [
    *(
        path(f"data/{name}.{fmt}", views.data, {"name": name, "fmt": fmt}, name=f"{name}-{fmt}")
        for name in ENDPOINTS
        for fmt in ("json", "csv")
    ),
    path("feeds/actions/", feeds.ActionsFeed(), name="actions-feed"),
    path(
        "feeds/actions/district/<slug:district>/",
        feeds.DistrictActionsFeed(),
        name="district-actions-feed",
    ),
    path(
        "feeds/actions/organization/<slug:slug>/",
        feeds.OrganizationActionsFeed(),
        name="organization-actions-feed",
    ),
    path("feeds/campaigns/", feeds.CampaignTotalsFeed(), name="campaigns-feed"),
    path("feeds/campaigns/<slug:slug>/", feeds.CampaignTotalsFeed(), name="campaign-feed"),
    # An index of the sections: one sitemap of every page would be megabytes at full size.
    path(
        "sitemap.xml",
        index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "opendata:sitemap-section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("robots.txt", views.robots_txt, name="robots"),
]
