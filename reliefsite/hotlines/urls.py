from django.urls import path

from . import views

app_name = "hotlines"
urlpatterns = [
    path("", views.index, name="list"),
    path("<slug:slug>/", views.detail, name="detail"),
]
