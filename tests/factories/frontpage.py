"""Factories for the frontpage app: curated front-page stories and series."""

import factory

from frontpage.models import (
    CreditsBlock,
    FrontPageItem,
    NavigationLink,
    Rail,
    Series,
    SeriesPart,
)
from frontpage.navigation_pages import Place
from tests.factories import ArticleFactory


class FrontPageItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FrontPageItem

    language = "en"
    rail = Rail.TOP
    article = factory.SubFactory(ArticleFactory, published=True)
    position = factory.Sequence(int)


class SeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Series

    # The archive's three-part interview (hun-sen-interview-part-1-puppet …).
    title_en = "The Hun Sen Interview"
    title_km = "បទសម្ភាសន៍ជាមួយលោក ហ៊ុន សែន"
    slug = factory.Sequence(lambda n: f"series-{n}")
    in_navigation = True


class SeriesPartFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SeriesPart

    series = factory.SubFactory(SeriesFactory)
    article = factory.SubFactory(ArticleFactory, published=True)
    position = factory.Sequence(lambda n: n + 1)


class NavigationLinkFactory(factory.django.DjangoModelFactory):
    """Migrate makes one row per registered page: factories change those."""

    class Meta:
        model = NavigationLink
        django_get_or_create = ("page",)

    page = "people"
    place = Place.FOOTER
    position = 110


class CreditsBlockFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CreditsBlock

    # The archive's credits posts (english/_posts/2014-01-01-credits.md, khmer/…).
    slug = factory.Sequence(lambda n: f"credits-{n}")
    title_en = "Project credits"
    title_km = "ក្រុមការងារ"
    body_en = "Web production: Brian Williamson"
    body_km = "អ្នករាយការណ៍៖ ខាន់ សុគុំមនោ, ឆេង ចន្នី"
