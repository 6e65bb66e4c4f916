"""The demo: the sample (or the seed story) loaded, and an editor to log in with."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.demo import DEMO_SITE, ensure_demo_editor, load_demo
from articles.models import Article

pytestmark = pytest.mark.django_db


def test_demo_editor_gets_a_fresh_password_each_time(client):
    user, first = ensure_demo_editor()
    _user, second = ensure_demo_editor()
    assert first != second
    assert client.login(username=user.username, password=second)
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 200


def test_create_demo_editor_prints_the_login():
    out = StringIO()
    call_command("create_demo_editor", "--password", "a-known-one-for-test", stdout=out)
    assert "editor / a-known-one-for-test" in out.getvalue()


def test_load_demo_from_the_sample_is_idempotent(voa_fixtures, settings):
    settings.NEWSROOM = {**settings.NEWSROOM, "DEMO_FIXTURES_DIR": str(voa_fixtures)}
    call_command("load_demo", verbosity=0)
    assert Article.objects.count() == 8  # and 3 pairs became people's records
    call_command("load_demo", verbosity=0)
    assert Article.objects.count() == 8  # and 3 pairs became people's records


def test_load_demo_falls_back_to_the_seed_story(settings, tmp_path, client):
    settings.NEWSROOM = {
        **settings.NEWSROOM,
        "DEMO_FIXTURES_DIR": str(tmp_path / "absent"),
    }
    first = load_demo()
    assert first.ok and first.created == 1 and first.pairs == 1
    again = load_demo()
    assert (again.created, again.unchanged) == (0, 1)
    article = Article.objects.get()
    assert article.latitude is not None and article.longitude is not None
    assert article.placements.filter(kind="hero").exists()
    assert article.pullquotes.exclude(text_km=None).exclude(text_km="").exists()
    names = [b.author.display_name_km for b in article.bylines.all()]
    assert names == ["ស៊ុន ណារិន", "ទុំ ម្លិះ"]
    assert article.dateline_km == "ភ្នំពេញ"
    for language in ("en", "km"):
        assert client.get(article.get_absolute_url(language)).status_code == 200
    assert (DEMO_SITE / "english/_posts").is_dir()
