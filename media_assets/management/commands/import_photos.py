from django.core.management.base import BaseCommand, CommandError

from media_assets.services import Status, ingest_paths


class Command(BaseCommand):
    help = (
        "Add image files or folders to the photo library through the same checks, "
        "metadata reading, rights and renditions as the admin upload."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="+", help="Image files, or folders searched recursively."
        )
        parser.add_argument(
            "--source",
            default="",
            help="Agency for files that name none (e.g. 'VOA Khmer'); decides "
            "default rights. A file's own credit line wins.",
        )

    def handle(self, *args, **options):
        results = ingest_paths(options["paths"], source=options["source"])
        for result in results:
            style = self.style.ERROR if not result.ok else self.style.SUCCESS
            self.stdout.write(
                style(f"{result.status:9} {result.name}: {result.message}")
            )
        rejected = sum(result.status == Status.REJECTED for result in results)
        if rejected:
            raise CommandError(
                f"{rejected} of {len(results)} file(s) were rejected; "
                "the others were imported."
            )
        if not results:
            raise CommandError("No image files were found at the given paths.")
