"""Mounted inside i18n_patterns before articles: "series" and "credits"
are reserved section slugs."""

from django.urls import path

from frontpage import views

app_name = "frontpage"

urlpatterns = [
    path("", views.front, name="front"),
    path("series/<str:slug>/", views.series_page, name="series"),
    path("credits/", views.credits_page, name="credits"),
]
