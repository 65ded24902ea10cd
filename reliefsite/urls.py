from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from reliefsite.directory import urls as directory

# Public pages: Chinese at /, English interface at /en/. The language lives in the URL (not a
# cookie) so cached pages, shared links and crawlers all see one language per address.
urlpatterns = [
    path("healthz", include("reliefsite.core.health_urls")),
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("reliefsite.opendata.urls")),  # /data/*.json|csv, /feeds/, sitemap.xml, robots.txt
    *i18n_patterns(
        path("", include("reliefsite.core.urls")),
        path("actions/", include("reliefsite.actions.urls")),
        path("organizations/", include(directory.organization_patterns)),
        path("campaigns/", include("reliefsite.campaigns.urls")),
        path("hotlines/", include("reliefsite.hotlines.urls")),
        path("sources/", include(directory.source_patterns)),
        path("data/", include("reliefsite.opendata.docs_urls")),
        prefix_default_language=False,
    ),
]

admin.site.site_header = "工会抗疫信息发布 · 管理"
admin.site.site_title = "reliefsite 管理"
admin.site.index_title = "内容管理"
