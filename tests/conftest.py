import os
from pathlib import Path

import pytest

# The checkout: tests that run manage.py or read its files start here.
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# NEWSROOM_DEMO_FIXTURES_DIR (the setting load_demo reads) also points tests at
# the sample, e.g. from a git worktree that has no ../shared beside it.
VOA_FIXTURES = Path(
    os.environ.get("NEWSROOM_DEMO_FIXTURES_DIR") or SHARED / "fixtures" / "voa"
)
SEEDS = SHARED / "seeds"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploads of a test land in its own folder, never in the checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def voa_fixtures():
    """../shared/fixtures/voa, required in CI, skipped with a reason elsewhere."""
    if VOA_FIXTURES.is_dir():
        return VOA_FIXTURES
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI needs the VOA archive sample at {VOA_FIXTURES}")
    pytest.skip(f"the VOA archive sample is not at {VOA_FIXTURES}")


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "editor", "editor@example.org", "correct horse battery staple"
    )


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def make_user(db):
    """make_user("Reporter") → a staff user in that workflow role."""
    from tests.factories import UserFactory

    def make(role, username=None):
        return UserFactory(username=username or role.lower(), roles=[role])

    return make


@pytest.fixture
def warm_renditions():
    """Generate every missing rendition, so a page render measures a warm site.

    A cold page may generate one photo's renditions in the request (by design);
    query-count tests compare warm pages. The people app's auto-link index,
    cached between changes, is filled too.
    """
    from media_assets.models import Photo
    from media_assets.renditions import create_renditions, missing_specs
    from people.context_index import context_index

    def warm():
        for photo in Photo.objects.prefetch_related("renditions"):
            create_renditions(photo, missing_specs(photo))
        context_index()

    return warm


@pytest.fixture(autouse=True)
def _default_language(settings):
    """Each test starts in the default language: a request leaves the language
    of its page active in the thread (LocaleMiddleware), and modeltranslation's
    plain fields (`youtube_id`) follow the active language."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: the database is rolled back between
    tests, so nothing cached from another test's rows (pages, the people app's
    auto-link index) may be served."""
    from django.core.cache import cache

    cache.clear()
