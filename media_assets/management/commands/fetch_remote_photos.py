from django.core.management.base import BaseCommand, CommandError

from media_assets.remote import fetch_remote_photos
from media_assets.services import Status


class Command(BaseCommand):
    help = (
        "Download the originals of photos known only by a remote address, so the "
        "site serves its own renditions from then on."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--timeout",
            type=float,
            default=10.0,
            help="Seconds one download may take in all (lookups, connections, "
            "redirects, reading and retries).",
        )
        parser.add_argument(
            "--retries", type=int, default=2, help="Extra tries after a failure."
        )

    def handle(self, *args, **options):
        report = fetch_remote_photos(options["timeout"], options["retries"])
        if report.all_unreachable:
            raise CommandError(
                "No remote server answered: this machine seems to be offline. "
                "Nothing was changed; run the command again with a network."
            )
        for result in report.results:
            style = self.style.ERROR if not result.ok else self.style.SUCCESS
            self.stdout.write(
                style(f"{result.status:9} {result.name}: {result.message}")
            )
        failed = sum(r.status == Status.REJECTED for r in report.results)
        if failed:
            raise CommandError(f"{failed} of {len(report.results)} download(s) failed.")
        self.stdout.write(f"{len(report.results)} remote photo(s) processed.")
