from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.article_index, name="index"),
    # Before the story pattern: "authors" is reserved as a section slug.
    path("authors/<str:slug>/", views.author_detail, name="author"),
    path("<str:section_slug>/<str:slug>/", views.article_detail, name="detail"),
]
