"""Per-language feeds, mounted inside i18n_patterns: /en/feed.json, /km/rss.xml …"""

from django.urls import path

from syndication import views
from syndication.feeds import LatestStoriesAtom, LatestStoriesRSS

app_name = "syndication"

urlpatterns = [
    path("feed.json", views.json_feed, name="json-feed"),
    path("rss.xml", LatestStoriesRSS(), name="rss"),
    path("atom.xml", LatestStoriesAtom(), name="atom"),
]
