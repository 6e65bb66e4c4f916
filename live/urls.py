from django.urls import path

from live import views

app_name = "live"

urlpatterns = [
    path("live/<int:story_id>/", views.live_story, name="story"),
    path("live/<int:story_id>/entries.json", views.entries_json, name="entries"),
]
