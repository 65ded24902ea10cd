"""The open-data documentation page, inside i18n_patterns: /data/ in Chinese, /en/data/ in English."""

from django.urls import path

from . import views

app_name = "opendata_docs"
urlpatterns = [path("", views.docs, name="index")]
