from django.urls import path

from . import views

# Included twice by reliefsite/urls.py, under the namespaces the models' get_absolute_url() use.
organization_patterns = (
    [
        path("", views.organization_list, name="list"),
        path("<slug:slug>/", views.organization_detail, name="detail"),
    ],
    "organizations",
)
source_patterns = (
    [
        path("", views.source_list, name="list"),
        path("<slug:key>/", views.source_detail, name="detail"),
    ],
    "sources",
)
