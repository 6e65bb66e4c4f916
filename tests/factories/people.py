"""Factories for the context layer: people and parties, with real archive names."""

import datetime

import factory

from people.models import (
    AutoLinkOptOut,
    Party,
    PartyPhoto,
    Person,
    PersonPhoto,
    Quote,
    TimelineEvent,
)
from tests.factories import PhotoFactory


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


class TimelineEventFactory(factory.django.DjangoModelFactory):
    """The archive's July 29, 2018 event, in both languages."""

    class Meta:
        model = TimelineEvent

    date = datetime.date(2018, 7, 29)
    anchor = "july_29_2018"
    headline_en = "Cambodia set to become one-party state"
    headline_km = "គណបក្សប្រជាជនកម្ពុជាអះអាងថា ខ្លួនឈ្នះអាសនៈទាំងអស់នៃរដ្ឋសភា"
    text_en = (
        "Prime Minister Hun Sen’s ruling party says it now controls all 125 seats "
        "in the National Assembly."
    )
    text_km = "គណបក្ស​ប្រជាជន​កម្ពុជា​របស់​លោក​នាយករដ្ឋមន្ត្រី ហ៊ុន សែន"


class QuoteFactory(factory.django.DjangoModelFactory):
    """Nou Sari, a farmer from Kampot, as the archive's quote post has her."""

    class Meta:
        model = Quote

    slug = factory.Sequence(lambda n: f"nou-sari-{n}")
    speaker_name_en = "Nou Sari"
    speaker_name_km = "នូ សារី"
    age_en = "58"
    age_km = "៥៨"
    occupation_en = "Farmer"
    occupation_km = "កសិករ"
    location_en = "Kampot"
    location_km = "ខេត្តកំពត"
    words_en = "“I voted for Prime Minister Hun Sen.”"
    words_km = "ខ្ញុំបោះឆ្នោតឲ្យតែ ហ៊ុន សែន។"


class AutoLinkOptOutFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AutoLinkOptOut

    article = factory.SubFactory("tests.factories.ArticleFactory")
    reason = "An obituary: no links in the text."


def archive_cpp(**fields):
    """The CPP as the archive names it in both scripts."""
    return PartyFactory(
        **{
            "slug": "cpp",
            "name_en": "Cambodian People's Party",
            "name_km": "គណបក្សប្រជាជនកម្ពុជា",
            "aliases": "CPP",
            "summary_en": "The ruling party since 1979.",
            "summary_km": "គណបក្សកាន់អំណាច",
            **fields,
        }
    )


def archive_hun_sen(party, **fields):
    """Hun Sen with the biography's summary and credit (2015-07-01-hun-sen.md)."""
    return PersonFactory(
        **{
            "slug": "hun-sen",
            "name_en": "Hun Sen",
            "name_km": "ហ៊ុន សែន",
            "aliases": "Samdech Hun Sen",
            "role_en": "Prime Minister",
            "role_km": "នាយករដ្ឋមន្ត្រី",
            "party": party,
            "summary_en": "One of the longest-serving leaders in world history.",
            "summary_km": "លោក ហ៊ុន សែន ជានាយករដ្ឋមន្ត្រី",
            "credit_en": "Researched and written by Chenda Hong and Ten Soksreinith",
            "credit_km": "ស្រាវជ្រាវ និងសរសេរដោយ ហុង ចិន្តា និង ទេព សុខស្រីនិត",
            **fields,
        }
    )


class PersonPhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PersonPhoto

    person = factory.SubFactory(PersonFactory)
    photo = factory.SubFactory(PhotoFactory)
    position = factory.Sequence(lambda n: n + 1)
    # the sample's Khmer biography of Hun Sen (khmer/_posts/2018-05-02-hun-sen.md)
    caption_km = "រូបឯកសារ​៖ លោក ហ៊ុន សែន ជក់​បារីក្នុង​​អំឡុងពេល​​នៃ​​សន្និសីទ​សារព័ត៌មាន"


class PartyPhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartyPhoto

    party = factory.SubFactory(PartyFactory)
    photo = factory.SubFactory(PhotoFactory)
    position = factory.Sequence(lambda n: n + 1)
