from django.core.management.base import BaseCommand

from workflow.scheduling import publish_due


class Command(BaseCommand):
    help = (
        "Publish every story language scheduled for now or earlier. Safe to run "
        "every minute and in several copies at once."
    )

    def handle(self, *args, **options):
        done = publish_due()
        for pk, language in done:
            self.stdout.write(f"Published story {pk} ({language}).")
        self.stdout.write(f"{len(done)} language version(s) published.")
