"""The project as a whole, no one module: migrations committed, the compose file."""

from io import StringIO

import pytest
from django.core.management import call_command

from tests.conftest import ROOT


@pytest.mark.django_db
def test_no_missing_migrations():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)


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
