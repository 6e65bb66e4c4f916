"""Shared builders for the syndication tests: the seed story, partners, the feed."""

import json
from pathlib import Path

import jsonschema
from django.core.cache import cache

from articles.models import Article, Byline, PhotoPlacement
from syndication.partners import create_partner
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    PhotoFactory,
    PhotoPlacementFactory,
    PullquoteFactory,
    RemotePhotoFactory,
    SectionFactory,
)

SCHEMAS = Path(__file__).parent / "schemas"
JSON_FEED_SCHEMA = json.loads((SCHEMAS / "jsonfeed-1.1.schema.json").read_text())
EXTENSION_SCHEMA = json.loads((SCHEMAS / "newsroom-extension.schema.json").read_text())

# The archive's seed story (2018-07-20): its hero is a Reuters photo.
REUTERS_URL = (
    "https://gdb.voanews.com/F96A8E04-E2DE-4BC6-A822-982D174A5D8D_w1023_575_s.jpg"
)
REUTERS_CUTLINE = (
    "Garment workers, a powerful voting block long aligned with the opposition, "
    "greet Cambodia's Prime Minister Hun Sen at a provincial rally on May 30, 2018."
)
REUTERS_CREDIT = "Samrang Pring"
WINDOW_URL = "https://gdb.voanews.com/8509378C-4296-470D-9E16-0E1B074A3FFF_w1023_s.jpg"
INLINE_URL = "https://gdb.voanews.com/46909EB8-5736-40F0-8A0F-B1FC4186695E_w1023_s.jpg"
INLINE_CUTLINE = (
    "The ruling Cambodian People's Party launches the official campaign season "
    "for the sixth general election in Phnom Penh, on July 7, 2018."
)
AP_CUTLINE = "An agency picture partners may not have."

SEED_BODY = f"""[[dateline]] On July 7, [campaigning kicked off](https://www.voacambodia.com/a/4475011.html) for Cambodia’s national elections.

[[photo 1]]

Read [the garment story](/en/feature/phnom-penh-garment-industry/) and [the notes](#footnote1).

[[photo 2]]

[[pullquote 1]]

[[photo 3]]

![hand placed]({REUTERS_URL})

[[video youtube=dQw4w9WgXcQ caption="Campaign video"]]

[[map]]
"""  # noqa: E501


def seed_story(**overrides):
    """The seed story with its Reuters hero, a VOA window, VOA and AP inlines."""
    section = SectionFactory()
    fields = {
        "published": True,
        "title_en": "Cambodian Government Leans on Civil Servants for Votes",
        "slug": "government-leans-on-civil-servants",
        "section": section,
        "body_en": SEED_BODY,
        "body_km": "[[dateline]] កថាខណ្ឌទីមួយ។\n\n[[photo 2]]\n\n[[photo 1]]",
        "location_name": "Phnom Penh",
        "latitude": "11.556062",
        "longitude": "104.936943",
        "editors_note_en": "Names of civil servants were withheld.",
    }
    fields.update(overrides)
    article = ArticleFactory(**fields)
    reuters = RemotePhotoFactory(
        source_url=REUTERS_URL,
        cutline_en=REUTERS_CUTLINE,
        credit=REUTERS_CREDIT,
        source="Reuters",
    )
    PhotoPlacementFactory(
        article=article, photo=reuters, kind=PhotoPlacement.Kind.HERO, position=1
    )
    PhotoPlacementFactory(
        article=article,
        photo=RemotePhotoFactory(source_url=WINDOW_URL, source="VOA Khmer"),
        kind=PhotoPlacement.Kind.WINDOW,
        position=4,
    )
    PhotoPlacementFactory(
        article=article,
        photo=RemotePhotoFactory(
            source_url=INLINE_URL, cutline_en=INLINE_CUTLINE, source="VOA Khmer"
        ),
        kind=PhotoPlacement.Kind.LARGE,
        position=2,
    )
    PhotoPlacementFactory(
        article=article,
        photo=RemotePhotoFactory(
            cutline_en=AP_CUTLINE, credit="Heng Sinith", source="AP"
        ),
        position=3,
    )
    PhotoPlacementFactory(article=article, photo=PhotoFactory(), position=5)
    for position, name in enumerate(("Sun Narin", "Malis Tum")):
        BylineFactory(
            article=article,
            author=AuthorFactory(display_name_en=name),
            position=position,
        )
    BylineFactory(
        article=article,
        author=AuthorFactory(display_name_en="Chun Chanboth"),
        role=Byline.Role.TRANSLATOR,
        position=5,
    )
    PullquoteFactory(article=article, position=1, attribution_en="A civil servant")
    article.tags.add("election", "civil servants")
    return article


def make_partner(name="Partner Daily", languages="en,km", sections=()):
    partner, issued = create_partner(
        name, languages=languages, section_slugs=list(sections)
    )
    return partner, issued.plain


def bearer(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def validate_feed(data):
    """Raise unless `data` is JSON Feed 1.1 with valid _newsroom objects."""
    jsonschema.validate(data, JSON_FEED_SCHEMA)
    for item in data["items"]:
        if "_newsroom" in item:
            jsonschema.validate(item["_newsroom"], EXTENSION_SCHEMA)


def clear_cache():
    cache.clear()


def voa_hero_story(**fields):
    """A published story whose hero is a VOA photo partners may have."""
    story = ArticleFactory(published=True, **fields)
    PhotoPlacementFactory(article=story, kind=PhotoPlacement.Kind.HERO, position=1)
    return story


def get_feed(client, path="/en/feed.json", key=None, **params):
    headers = bearer(key) if key else {}
    response = client.get(path, params, **headers)
    assert response.status_code == 200, response.content
    data = json.loads(response.content)
    validate_feed(data)
    return data


def set_times(article, updated_at=None, **published):
    """Place a story in time (auto_now would otherwise stamp 'now')."""
    fields = {"updated_at": updated_at} if updated_at else {}
    fields.update({f"published_at_{lang}": when for lang, when in published.items()})
    Article.objects.filter(pk=article.pk).update(**fields)
