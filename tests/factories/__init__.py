"""factory_boy factories; images are made in memory with Pillow.

The factories most tests use are here; the rest, per app, in
tests/factories/{articles,media_assets,workflow,syndication}.py.
tests/test_factories.py checks that every project model has one.
"""

import io
from datetime import timedelta

import factory
from django.contrib.auth.hashers import make_password
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from articles.models import (
    Article,
    Author,
    Byline,
    PhotoPlacement,
    Pullquote,
    Section,
    Status,
)
from media_assets.models import Photo

# Real strings from the archive's seed story (English 2018-07-20, Khmer 2018-07-24).
KHMER_TITLE = (
    "រដ្ឋាភិបាល\u200bកម្ពុជា\u200bពឹង\u200bផ្អែក\u200bលើ\u200bមន្រ្តី\u200bរាជការ"
    "\u200bដើម្បី\u200b\u200bសំឡេង\u200bឆ្នោត"
)
KHMER_BYLINE_NAMES = ("ស៊ុន ណារិន", "ទុំ ម្លិះ")


def image_bytes(size=(64, 48), color=(200, 30, 30), image_format="JPEG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, image_format)
    return buffer.getvalue()


def uploaded_image(name="photo.jpg", **kwargs):
    return SimpleUploadedFile(name, image_bytes(**kwargs), content_type="image/jpeg")


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ("slug_en",)

    name_en = "Feature"
    name_km = "អត្ថបទពិសេស"
    slug_en = "feature"


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    display_name_en = factory.Sequence(lambda n: f"Reporter {n}")
    display_name_km = factory.Sequence(lambda n: f"អ្នកយកព័ត៌មាន {n}")
    sort_name = factory.Sequence(lambda n: f"{n}, Reporter")
    slug = factory.Sequence(lambda n: f"reporter-{n}")


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Photo

    image = factory.LazyFunction(uploaded_image)
    cutline_en = factory.Sequence(lambda n: f"Cutline {n}")
    cutline_km = factory.Sequence(lambda n: f"ពិពណ៌នារូបភាព {n}")
    credit = "Sun Narin"
    source = "VOA Khmer"


class RemotePhotoFactory(PhotoFactory):
    image = ""
    source_url = factory.Sequence(
        lambda n: f"https://gdb.voanews.com/{n:08d}-0000_w1023_s.jpg"
    )


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title_en = factory.Sequence(lambda n: f"Story number {n}")
    title_km = KHMER_TITLE
    slug = factory.Sequence(lambda n: f"story-{n}")
    section = factory.SubFactory(SectionFactory)
    summary_en = "A summary."
    summary_km = "សេចក្តីសង្ខេប។"
    body_en = "First paragraph.\n\nSecond paragraph."
    body_km = "កថាខណ្ឌទីមួយ។\n\nកថាខណ្ឌទីពីរ។"
    dateline_en = "Phnom Penh"
    dateline_km = "ភ្នំពេញ"
    status_en = Status.DRAFT
    status_km = Status.DRAFT

    class Params:
        published = factory.Trait(
            status_en=Status.PUBLISHED,
            status_km=Status.PUBLISHED,
            published_at_en=factory.LazyFunction(
                lambda: timezone.now() - timedelta(days=2)
            ),
            published_at_km=factory.LazyFunction(
                lambda: timezone.now() - timedelta(days=1)
            ),
        )
        english_only = factory.Trait(
            status_en=Status.PUBLISHED,
            published_at_en=factory.LazyFunction(
                lambda: timezone.now() - timedelta(days=2)
            ),
        )


class BylineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Byline

    article = factory.SubFactory(ArticleFactory)
    author = factory.SubFactory(AuthorFactory)
    position = factory.Sequence(int)


class PhotoPlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PhotoPlacement

    article = factory.SubFactory(ArticleFactory)
    photo = factory.SubFactory(PhotoFactory)
    kind = PhotoPlacement.Kind.INLINE
    position = factory.Sequence(lambda n: n + 1)


class PullquoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pullquote

    article = factory.SubFactory(ArticleFactory)
    position = factory.Sequence(lambda n: n + 1)
    text_en = "“If we don’t go campaign the boss will notice.”"
    text_km = "«បើ​សិន​ជា​យើង​មិន​ចូល​រួម​ឃោសនា​ទេ មេ​នឹង​ចំណាំ​មុខ»"


class UserFactory(factory.django.DjangoModelFactory):
    """A staff user; `roles=["Editor"]` puts them in the workflow's groups."""

    class Meta:
        model = "auth.User"
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    # As an account made without a password has: never "", which no login matches.
    password = factory.LazyFunction(lambda: make_password(None))
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    is_staff = True

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            from django.contrib.auth.models import Group

            self.groups.add(*Group.objects.filter(name__in=extracted))


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "workflow.Assignment"

    article = factory.SubFactory(ArticleFactory)
    user = factory.SubFactory(UserFactory)
    role = "reporter"
    language = ""
