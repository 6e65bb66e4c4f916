from django.apps import AppConfig
from django.core.signals import request_started
from django.db.models.signals import post_delete, post_migrate


class MediaAssetsConfig(AppConfig):
    name = "media_assets"
    verbose_name = "Photo library"

    def ready(self):
        from media_assets import pictures, rights, signals

        post_delete.connect(
            signals.delete_file_on_commit,
            sender=self.get_model("Photo"),
            dispatch_uid="media_assets.photo_file",
        )
        post_delete.connect(
            signals.delete_file_on_commit,
            sender=self.get_model("Rendition"),
            dispatch_uid="media_assets.rendition_file",
        )
        # Each request may generate one missing rendition set synchronously.
        request_started.connect(
            pictures.reset_budget, dispatch_uid="media_assets.rendition_budget"
        )
        # A changed agency or source list applies to stored photos.
        post_migrate.connect(
            rights.refresh_decisions,
            sender=self,
            dispatch_uid="media_assets.refresh_rights",
        )
