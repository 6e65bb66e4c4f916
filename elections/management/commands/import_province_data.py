from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from elections.importer import ProvinceDataError, import_province_data


class Command(BaseCommand):
    help = (
        "Import Cambodia's provinces (names from _config.yml), their figures and "
        "the 1998-2013 seats from data/data.merged.json. Safe to re-run."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "site_dir",
            nargs="?",
            help="The archive folder holding _config.yml and data/ "
            "(default: NEWSROOM['DEMO_FIXTURES_DIR']).",
        )

    def handle(self, *args, **options):
        site_dir = Path(options["site_dir"] or settings.NEWSROOM["DEMO_FIXTURES_DIR"])
        try:
            report = import_province_data(site_dir)
        except ProvinceDataError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(report.summary())
