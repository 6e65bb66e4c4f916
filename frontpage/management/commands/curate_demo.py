from django.core.management.base import BaseCommand

from frontpage.demo import curate_demo


class Command(BaseCommand):
    help = (
        "Set up the demo's navigation, Hun Sen series and front-page lead "
        "(after load_demo)."
    )

    def handle(self, *args, **options):
        self.stdout.write(curate_demo())
