from django.core.management.base import BaseCommand

from articles.demo import ensure_demo_editor


class Command(BaseCommand):
    help = "Create (or reset) the demo editor account and print its login."

    def add_arguments(self, parser):
        parser.add_argument(
            "--username", default="editor", help="Login name (default: editor)."
        )
        parser.add_argument(
            "--password",
            help="Password to set; a random one is made and printed when omitted.",
        )

    def handle(self, *args, username, password, **options):
        user, password = ensure_demo_editor(username, password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo editor login: {user.username} / {password}  (admin at /admin/)"
            )
        )
