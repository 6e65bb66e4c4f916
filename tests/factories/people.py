"""Factories for the context layer: people and parties, with real archive names."""

import factory

from people.models import Party, Person


class PartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Party

    name_en = factory.Sequence(lambda n: f"Cambodian People's Party {n}")
    name_km = "គណបក្សប្រជាជនកម្ពុជា"
    slug = factory.Sequence(lambda n: f"cpp-{n}")
    abbreviation_en = "CPP"
    colour = "#1f4e9c"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name_en = factory.Sequence(lambda n: f"Hun Sen {n}")
    name_km = "ហ៊ុន សែន"
    slug = factory.Sequence(lambda n: f"hun-sen-{n}")
    aliases = "Samdech Hun Sen"
    role_en = "Prime Minister"
    party = factory.SubFactory(PartyFactory)
