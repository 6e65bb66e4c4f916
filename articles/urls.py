from django.urls import path

from . import listing_views, views

app_name = "articles"

urlpatterns = [
    # Before the section patterns: "authors" and "tags" are reserved section slugs.
    path("authors/<str:slug>/", listing_views.author_detail, name="author"),
    path("tags/<str:slug>/", listing_views.tag_page, name="tag"),
    path("<str:section_slug>/", listing_views.section_page, name="section"),
    path("<str:section_slug>/<str:slug>/", views.article_detail, name="detail"),
]
