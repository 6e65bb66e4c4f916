from django.core.management.base import BaseCommand
from tqdm import tqdm

from search.indexing import BATCH, SOURCES, rebuild_index


def plural(kind):
    return SOURCES[kind]._meta.verbose_name_plural


class Command(BaseCommand):
    help = (
        "Rebuild the search index of every story, photo, author, person and party, "
        "in batches. "
        "Safe to run while the site serves: each batch replaces its own rows."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch",
            type=int,
            default=BATCH,
            help=f"How many objects to index per transaction (default {BATCH}).",
        )

    def handle(self, *args, **options):
        bars = {}
        show = options["verbosity"] > 0
        for kind, done, total in rebuild_index(batch=max(1, options["batch"])):
            bar = bars.get(kind)
            if bar is None:
                bar = bars[kind] = tqdm(
                    total=total, desc=plural(kind), unit="", disable=not show
                )
            bar.update(done - bar.n)
        for bar in bars.values():
            bar.close()
        counts = ", ".join(f"{bar.total} {plural(kind)}" for kind, bar in bars.items())
        self.stdout.write(f"Search index rebuilt: {counts}.")
