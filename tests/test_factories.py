"""Every project model has a factory, and each factory saves a valid instance."""

import importlib
import pkgutil
from pathlib import Path

import factory
import pytest
from django.apps import apps

from tests import factories
from tests.conftest import ROOT

# Every app whose folder sits at the top of the checkout: a new app needs factories.
PROJECT_APPS = tuple(
    app.label for app in apps.get_app_configs() if Path(app.path).parent == ROOT
)


def all_factories():
    # The package and every module in it (one per app): a new one counts at once.
    modules = [factories] + [
        importlib.import_module(f"tests.factories.{info.name}")
        for info in pkgutil.iter_modules(factories.__path__)
    ]
    found = {
        value
        for module in modules
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, factory.django.DjangoModelFactory)
        and value._meta.model is not None
    }
    return sorted(found, key=lambda f: f.__name__)


FACTORIES = all_factories()


def test_every_project_model_has_a_factory():
    models = {
        model
        for label in PROJECT_APPS
        for model in apps.get_app_config(label).get_models()
        if model._meta.managed  # not the FTS5 table the search migration makes
    }
    covered = {f._meta.get_model_class() for f in FACTORIES}
    assert sorted(m.__name__ for m in models - covered) == []


@pytest.mark.django_db
@pytest.mark.parametrize("factory_class", FACTORIES, ids=lambda f: f.__name__)
def test_factory_saves_an_instance_that_passes_full_clean(factory_class):
    instance = factory_class()
    model = factory_class._meta.get_model_class()
    stored = model.objects.get(pk=instance.pk)
    stored.full_clean()  # field validators, clean() and the model's constraints
    assert str(stored)
