from django.urls import path

from workflow.views import shared_preview

app_name = "workflow"

urlpatterns = [
    path("preview/<str:token>/", shared_preview, name="shared-preview"),
]
