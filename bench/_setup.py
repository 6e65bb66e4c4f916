"""The environment every benchmark starts from: a throw-away SQLite database
unless DATABASE_URL names one, a throw-away cache folder, local-only settings,
Django set up."""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup(prefix):
    """Set up Django for a benchmark; returns its temporary folder (keep it alive)."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("NEWSROOM_ALLOW_INSECURE_KEY", "1")
    os.environ.setdefault("NEWSROOM_PLAIN_STATIC", "1")  # no collectstatic manifest
    workdir = tempfile.TemporaryDirectory(prefix=prefix)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir.name}/bench.sqlite3")
    # Never the checkout's var/cache: its pages and items are another database's.
    os.environ.setdefault("NEWSROOM_CACHE_DIR", f"{workdir.name}/cache")
    import django

    django.setup()
    return workdir
