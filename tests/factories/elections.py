"""Factories for results: elections, provinces, rows and their change log."""

import datetime

import factory
from django.utils import timezone

from elections.models import (
    Election,
    Province,
    ProvinceResult,
    ProvinceTurnout,
    ResultChange,
)
from tests.factories.people import PartyFactory


class ElectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Election

    slug = factory.Sequence(lambda n: str(2018 + n))
    date = datetime.date(2018, 7, 29)
    name_en = "2018 National Assembly election"
    name_km = "ការបោះឆ្នោតជ្រើសតាំងតំណាងរាស្ត្រឆ្នាំ២០១៨"


class ProvinceFactory(factory.django.DjangoModelFactory):
    """Real names from the archive's _config.yml."""

    class Meta:
        model = Province

    slug = factory.Sequence(lambda n: f"kampot-{n}")
    name_en = "Kampot"
    name_km = "កំពត"
    figures = factory.LazyFunction(
        lambda: {"population": {"total": 611557, "annual_growth": 0.68}}
    )


class ProvinceResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProvinceResult

    election = factory.SubFactory(ElectionFactory)
    province = factory.SubFactory(ProvinceFactory)
    party = factory.SubFactory(PartyFactory)
    votes = 120000
    seats = 3


class ProvinceTurnoutFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProvinceTurnout

    election = factory.SubFactory(ElectionFactory)
    province = factory.SubFactory(ProvinceFactory)
    registered_voters = 400000
    ballots_cast = 330000
    counted_percent = 100


class ResultChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResultChange

    election = factory.SubFactory(ElectionFactory)
    province = factory.SubFactory(ProvinceFactory)
    party = factory.SubFactory(PartyFactory)
    field = "seats"
    old_value = "2"
    new_value = "3"
    source = ResultChange.Source.ADMIN
    changed_at = factory.LazyFunction(timezone.now)
