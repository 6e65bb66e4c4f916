from django.urls import path

from live import pages, views

app_name = "live"

urlpatterns = [
    path("live/<int:story_id>/", views.live_story, name="story"),
    path("live/<int:story_id>/entries.json", views.entries_json, name="entries"),
    path("live/<int:story_id>/page/<int:number>/", pages.older_entries, name="page"),
    path("live/entry/<int:entry_id>/", pages.entry_permalink, name="entry"),
]
