from django.core.management.base import BaseCommand, CommandError

from articles.demo import demo_source, load_demo, run_demo_loaders


class Command(BaseCommand):
    help = (
        "Load the demo stories: the archive sample at NEWSROOM['DEMO_FIXTURES_DIR'] "
        "when present, else the seed story in articles/demo_site/. Safe to re-run."
    )

    def handle(self, *args, **options):
        source = demo_source()
        report = load_demo(source, progress=options["verbosity"] > 1)
        self.stdout.write(
            f"Demo from {source}: {report.created} created, {report.updated} updated, "
            f"{report.unchanged} unchanged."
        )
        if not report.ok:
            raise CommandError(
                "Some demo posts could not be imported: "
                + "; ".join(f"{path}: {reason}" for path, reason in report.failures)
            )
        for line in run_demo_loaders(source):
            self.stdout.write(line)
