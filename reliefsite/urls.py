from django.conf import settings
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("reliefsite.core.urls")),
    path("actions/", include("reliefsite.actions.urls")),
    path("organizations/", include("reliefsite.organizations.urls")),
    path("campaigns/", include("reliefsite.campaigns.urls")),
    path("hotlines/", include("reliefsite.hotlines.urls")),
    path("sources/", include("reliefsite.sources.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path(settings.ADMIN_URL, admin.site.urls),
]

admin.site.site_header = "工会抗疫信息发布 · 管理"
admin.site.site_title = "reliefsite 管理"
admin.site.index_title = "内容管理"
