from django.urls import path

from . import views

app_name = "campaigns"
urlpatterns = [
    path("", views.index, name="list"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/reports/", views.reports, name="reports"),
]
