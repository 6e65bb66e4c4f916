"""Factories for the articles models that few tests need: archive provenance
and a profile story's subject."""

import factory

from articles.models import ImportedImage, ImportedPost, PersonProfile
from tests.factories import ArticleFactory, PhotoFactory


class ImportedPostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportedPost

    article = factory.SubFactory(ArticleFactory)
    language = "en"
    source_path = factory.LazyAttribute(
        lambda post: f"english/_posts/2018-07-20-{post.article.slug}.md"
    )
    legacy_path = factory.LazyAttribute(
        lambda post: f"english/feature/{post.article.slug}.html"
    )
    categories = "feature"
    digest = factory.Sequence(lambda n: f"{n:064x}")


class ImportedImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportedImage

    key = factory.Sequence(lambda n: f"img/archive-{n}.jpg")
    photo = factory.SubFactory(PhotoFactory)


class PersonProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PersonProfile

    article = factory.SubFactory(ArticleFactory)
    # Only the name: each test gives the facts (persona, age…) it looks for.
    name_en = "Sok Eysan"
    name_km = "សុខ ឥសាន"
