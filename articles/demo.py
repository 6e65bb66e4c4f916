"""The demo content `make run` shows: the archive sample, or the seed story.

load_demo() imports settings.NEWSROOM["DEMO_FIXTURES_DIR"] (../shared/fixtures/voa)
when it is there, otherwise the small site in articles/demo_site/ (the seed
story in English and Khmer). It is the Jekyll importer, so it is idempotent.
"""

from pathlib import Path

from django.conf import settings

from articles.importers.jekyll import import_site

DEMO_SITE = Path(__file__).resolve().parent / "demo_site"


def demo_source():
    fixtures = settings.NEWSROOM.get("DEMO_FIXTURES_DIR")
    if fixtures and Path(fixtures).is_dir():
        return Path(fixtures)
    return DEMO_SITE


def load_demo(source=None, progress=False):
    """Import the demo site; returns the importer's report."""
    return import_site(source or demo_source(), progress=progress)
