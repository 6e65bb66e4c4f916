from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.article_index, name="index"),
    path("<str:section_slug>/<str:slug>/", views.article_detail, name="detail"),
]
