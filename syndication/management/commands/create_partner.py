from django.core.management.base import BaseCommand, CommandError

from syndication.partners import PartnerError, create_partner


class Command(BaseCommand):
    help = "Create a syndication partner and print its new API key (shown once)."

    def add_arguments(self, parser):
        parser.add_argument("name", help="The partner outlet's name.")
        parser.add_argument(
            "--languages",
            help="Comma-separated feed languages it may read, e.g. en,km "
            "(default: all site languages).",
        )
        parser.add_argument(
            "--sections",
            default="",
            help="Comma-separated English section slugs it may read "
            "(default: all sections).",
        )
        parser.add_argument("--contact", default="", help="Who to call about it.")

    def handle(self, *args, **options):
        slugs = [slug.strip() for slug in options["sections"].split(",") if slug]
        try:
            partner, issued = create_partner(
                options["name"],
                languages=options["languages"],
                section_slugs=slugs,
                contact=options["contact"],
            )
        except PartnerError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Created partner {partner} (languages: {', '.join(partner.languages)})."
        )
        self.stdout.write("API key (store it now; it will not be shown again):")
        self.stdout.write(issued.plain)
