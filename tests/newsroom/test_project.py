"""The project as a whole, no one module: migrations committed, the compose file,
the import-linter layers naming every app."""

import tomllib
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
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


def test_the_layers_contract_names_every_app_of_the_project():
    """A new app outside the layers would escape `make test`'s lint-imports."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    config = pyproject["tool"]["importlinter"]
    (layers,) = (c for c in config["contracts"] if c["type"] == "layers")
    # Apps whose folder sits at the top of the checkout (not in .venv).
    ours = {app.name for app in apps.get_app_configs() if Path(app.path).parent == ROOT}
    ours.add("newsroom")  # the project package: settings, URLs, wiring
    assert set(config["root_packages"]) == ours
    listed = [name.strip() for layer in layers["layers"] for name in layer.split("|")]
    assert sorted(listed) == sorted(config["root_packages"])
