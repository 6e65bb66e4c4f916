from django.core.management.base import BaseCommand, CommandError

from syndication.partners import PartnerError, revoke_key


class Command(BaseCommand):
    help = "Revoke a partner's API key; requests with it then get 401."

    def add_arguments(self, parser):
        parser.add_argument(
            "key", help="The whole key, or the prefix the admin shows (nrk_…)."
        )

    def handle(self, *args, **options):
        try:
            key = revoke_key(options["key"])
        except PartnerError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Revoked key {key.prefix}… of {key.partner}.")
