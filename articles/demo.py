"""Demo set-up for `make run`: the demo content and an editor account.

load_demo() imports settings.NEWSROOM["DEMO_FIXTURES_DIR"] (../shared/fixtures/voa)
when it is there, otherwise the small site in articles/demo_site/ (the seed
story in English and Khmer). It is the Jekyll importer, so it is idempotent.
ensure_demo_editor() prints a fresh password each run.
"""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from articles.importers.jekyll import import_site

DEMO_SITE = Path(__file__).resolve().parent / "demo_site"

# Loaders apps above articles add in their AppConfig.ready(): each takes the
# demo source folder and returns a line for load_demo's output, or None when
# it had nothing to load there.
DEMO_LOADERS = []


def register_demo_loader(loader):
    if loader not in DEMO_LOADERS:
        DEMO_LOADERS.append(loader)


def run_demo_loaders(source):
    """The registered loaders' report lines, in registration order."""
    lines = (loader(source) for loader in DEMO_LOADERS)
    return [line for line in lines if line]


def demo_source():
    fixtures = settings.NEWSROOM.get("DEMO_FIXTURES_DIR")
    if fixtures and Path(fixtures).is_dir():
        return Path(fixtures)
    return DEMO_SITE


def load_demo(source=None, progress=False):
    """Import the demo site; returns the importer's report."""
    return import_site(source or demo_source(), progress=progress)


def ensure_demo_editor(username="editor", password=None):
    """Create or reset the demo editor; returns (user, password).

    A fresh random password each run keeps a guessable login out of the repo
    and out of a server someone forgot was a demo.
    """
    password = password or secrets.token_urlsafe(12)
    user, _created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org"}
    )
    user.is_staff = True
    user.is_active = True
    user.set_password(password)
    user.save()
    # The Editor role (workflow's data migration): edit, review, publish.
    user.groups.set(Group.objects.filter(name="Editor"))
    return user, password
