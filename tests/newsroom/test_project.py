"""Project wiring: migrations committed, health check, settings from the environment."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.urls import reverse

from articles.demo import ensure_demo_editor
from tests.conftest import ROOT


@pytest.mark.django_db
def test_no_missing_migrations():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)


@pytest.mark.django_db
def test_healthz_ok(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_healthz_reports_an_unreachable_database(client, monkeypatch):
    from django.db import connection

    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


@pytest.mark.django_db
def test_demo_editor_gets_a_fresh_password_each_time(client):
    user, first = ensure_demo_editor()
    _user, second = ensure_demo_editor()
    assert first != second
    assert client.login(username=user.username, password=second)
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 200


@pytest.mark.django_db
def test_create_demo_editor_prints_the_login():
    out = StringIO()
    call_command("create_demo_editor", "--password", "a-known-one-for-test", stdout=out)
    assert "editor / a-known-one-for-test" in out.getvalue()


def test_root_redirects_to_english(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.url == "/en/"


@pytest.mark.django_db
def test_standard_sections_exist_in_both_languages():
    from articles.models import Section

    feature = Section.objects.get(slug_en="feature")
    assert feature.name_km == "អត្ថបទពិសេស"
    assert (
        Section.objects.filter(slug_en__in=["mainbar", "profile", "data"]).count() == 3
    )


def test_compose_file_runs_web_worker_and_scheduler_on_postgres():
    import yaml

    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert "gunicorn newsroom.wsgi" in services["web"]["command"]
    assert services["worker"]["command"] == ["python", "manage.py", "db_worker"]
    assert "publish_scheduled" in " ".join(services["scheduler"]["command"])
    for name in ("web", "worker", "scheduler"):
        env = services[name]["environment"]
        assert env["DATABASE_URL"].startswith("postgres://")
        assert env["SECRET_KEY"].startswith("${")  # from the environment, never here
