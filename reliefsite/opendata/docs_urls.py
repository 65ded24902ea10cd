"""The open-data documentation, inside i18n_patterns: /data/ in Chinese, /en/data/ in English, and
one page per endpoint (/data/actions/ documents /data/actions.json and .csv)."""

from django.urls import path

from . import views
from .endpoints import ENDPOINTS

app_name = "opendata_docs"
urlpatterns = [
    path("", views.docs, name="index"),
    *(path(f"{name}/", views.endpoint_docs, {"name": name}, name=name) for name in ENDPOINTS),
]
