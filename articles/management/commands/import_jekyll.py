from django.core.management.base import BaseCommand, CommandError

from articles.importers.jekyll import ImportProblem, PostError, import_site


class Command(BaseCommand):
    help = (
        "Import the desk's Jekyll archive (english/_posts, khmer/_posts, img/, "
        "_config.yml) into stories. Each story is imported in its own transaction; "
        "a second run changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("site_dir", help="Folder of the Jekyll site.")
        parser.add_argument(
            "files",
            nargs="*",
            help="Only these posts (and their translations), relative to SITE_DIR.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Read and convert everything, print the report, write nothing.",
        )
        parser.add_argument(
            "--update",
            action="store_true",
            help="Re-import posts whose file changed since the last import.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="With --update, also overwrite stories editors changed in the CMS "
            "since their import (their edits are lost; revisions keep them).",
        )
        parser.add_argument(
            "--fetch-images",
            action="store_true",
            help="Download remote images (with timeouts); offline this only warns.",
        )

    def handle(self, *args, **options):
        try:
            report = import_site(
                options["site_dir"],
                options["files"],
                dry_run=options["dry_run"],
                update=options["update"],
                force=options["force"],
                fetch_images=options["fetch_images"],
                progress=options["verbosity"] > 0,
            )
        except PostError as error:
            raise CommandError(f"{error.path} {error.reason}.") from error
        except ImportProblem as error:
            raise CommandError(str(error)) from error
        self.stdout.write("\n".join(report.lines()))
        if not report.ok:
            raise CommandError(
                f"{len(report.failures)} post(s) could not be imported; see above."
            )
