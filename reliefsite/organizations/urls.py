from django.urls import path

from . import views

app_name = "organizations"
urlpatterns = [
    path("", views.index, name="list"),
    path("<slug:slug>/", views.detail, name="detail"),
]
