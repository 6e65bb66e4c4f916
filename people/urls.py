from django.urls import path

from . import views

app_name = "people"

# Included before articles' "<section>/<slug>/" pattern, so "people", "parties",
# "timeline" and "quotes" are reserved as section slugs.
urlpatterns = [
    path("people/", views.person_index, name="people"),
    path("people/<str:slug>/", views.person_detail, name="person"),
    path("parties/", views.party_index, name="parties"),
    path("parties/<str:slug>/", views.party_detail, name="party"),
    path("timeline/", views.timeline, name="timeline"),
    path("quotes/", views.quote_list, name="quotes"),
]
