"""Factories for partners, their keys and withdrawn stories.

Tests that need a working key call syndication.partners.create_partner (through
tests.syndication_support.make_partner): only it knows the key behind a digest.
"""

import hashlib

import factory
from django.utils import timezone

from syndication.models import Partner, PartnerKey, Tombstone
from tests.factories import ArticleFactory


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Partner Daily {n}")
    contact = "desk@partner.example"
    languages = factory.LazyFunction(lambda: ["en", "km"])


class PartnerKeyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerKey

    partner = factory.SubFactory(PartnerFactory)
    prefix = factory.Sequence(lambda n: f"nrk_{n:08d}")
    digest = factory.Sequence(
        lambda n: hashlib.sha256(f"factory key {n}".encode()).hexdigest()
    )


class TombstoneFactory(factory.django.DjangoModelFactory):
    """A withdrawn language version; the story is made only to take its ids."""

    class Meta:
        model = Tombstone

    class Params:
        article = factory.SubFactory(ArticleFactory)

    article_id = factory.LazyAttribute(lambda t: t.article.pk)
    section_id = factory.LazyAttribute(lambda t: t.article.section_id)
    language = "en"
    withdrawn_at = factory.LazyFunction(timezone.now)
