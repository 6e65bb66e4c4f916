from django.core.management.base import BaseCommand, CommandError

from articles.importers.jekyll import export_site
from articles.importers.jekyll.errors import SiteError


class Command(BaseCommand):
    help = (
        "Write every story back as a Jekyll site (english/_posts, khmer/_posts, "
        "img/, _config.yml) that import_jekyll reads again."
    )

    def add_arguments(self, parser):
        parser.add_argument("out_dir", help="Folder to write the site into.")

    def handle(self, *args, **options):
        try:
            count = export_site(options["out_dir"])
        except SiteError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Wrote {count} post(s) to {options['out_dir']}.")
