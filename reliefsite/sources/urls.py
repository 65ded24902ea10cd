from django.urls import path

from . import views

app_name = "sources"
urlpatterns = [
    path("", views.index, name="list"),
    path("<slug:key>/", views.detail, name="detail"),
]
