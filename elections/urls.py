"""Results pages, mounted inside i18n_patterns: /en/results/, /km/results/2013/ …"""

from django.urls import path

from elections import api, views

app_name = "elections"

urlpatterns = [
    path("results/", views.results_index, name="index"),
    path("results/provinces/<slug:slug>/", views.province_detail, name="province"),
    path("results/<slug:slug>.json", api.election_results_json, name="json"),
    path("results/<slug:slug>/", views.election_detail, name="election"),
]
