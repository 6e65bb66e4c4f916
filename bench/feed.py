"""Benchmark of the partner JSON feed over 10,000 stories (not a test).

    .venv/bin/python bench/feed.py            # throwaway SQLite file
    DATABASE_URL=postgres://…/bench_db .venv/bin/python bench/feed.py

Seeds 10,000 stories published in English and Khmer (two bylines, a Reuters
hero and a VOA inline photo, three tags each) with bulk_create, plus 200
tombstones, then times in-process requests (URL routing, middleware, view,
JSON writing) for: the first page, a page 9,000 stories deep reached by its
cursor, since= pages from the middle of the history and from the last hour,
asked again (a partner polling between changes), and since= pages with a new
since= every request (assembled each time; from the kept newest changes in
the last hour, from the database in the middle), each with the
built items kept per content version (the default) and built afresh
(PAGE_DATA_SECONDS=0), and one story page for comparison. Prints median and
p95 in milliseconds. A DATABASE_URL database must be empty: the script
refuses to add its 10,000 stories to one that already holds stories.
"""

import statistics
import sys
import time
from datetime import timedelta

from _setup import setup  # noqa: E402

_workdir = setup("feed-bench-")

from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import F  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402
from taggit.models import Tag, TaggedItem  # noqa: E402

from articles.models import (  # noqa: E402
    Article,
    Author,
    Byline,
    PhotoPlacement,
    Section,
    Status,
)
from articles.rendering import render_markdown  # noqa: E402
from media_assets.models import Photo  # noqa: E402
from syndication import pagination  # noqa: E402
from syndication.models import Tombstone  # noqa: E402
from syndication.partners import create_partner  # noqa: E402

STORIES = 10_000
RUNS = 40
BODY = "\n\n".join(
    ["[[dateline]] A paragraph with [a link](/en/feature/other/) in it."] * 8
    + ["[[photo 2]]", "Closing paragraph."]
)


def seed():
    if Article.objects.exists():
        sys.exit("This database already holds stories; give an empty one.")
    now = timezone.now()
    section, _ = Section.objects.get_or_create(
        slug_en="feature", defaults={"name_en": "Feature"}
    )
    authors = Author.objects.bulk_create(
        Author(display_name_en=f"Reporter {n}", sort_name=f"{n}, R", slug=f"r-{n}")
        for n in range(20)
    )
    body_html = render_markdown(BODY)
    articles = Article.objects.bulk_create(
        (
            Article(
                title_en=f"Story {n}",
                title_km=f"អត្ថបទ {n}",
                slug=f"story-{n}",
                section=section,
                summary_en="A summary.",
                summary_km="សេចក្តីសង្ខេប។",
                body_en=BODY,
                body_html_en=body_html,
                body_km=BODY,
                body_html_km=body_html,
                dateline_en="Phnom Penh",
                status_en=Status.PUBLISHED,
                status_km=Status.PUBLISHED,
                published_at_en=now - timedelta(minutes=STORIES - n),
                published_at_km=now - timedelta(minutes=STORIES - n),
            )
            for n in range(STORIES)
        ),
        batch_size=1000,
    )
    Article.objects.update(updated_at=F("published_at_en") + timedelta(seconds=30))
    reuters = Photo.objects.create(
        source_url="https://example.org/reuters.jpg", source="Reuters"
    )
    voa = Photo.objects.create(
        source_url="https://example.org/voa.jpg", source="VOA Khmer"
    )
    PhotoPlacement.objects.bulk_create(
        (
            PhotoPlacement(article=a, photo=photo, kind=kind, position=position)
            for a in articles
            for photo, kind, position in ((reuters, "hero", 1), (voa, "inline", 2))
        ),
        batch_size=2000,
    )
    Byline.objects.bulk_create(
        (
            Byline(article=a, author=authors[(a.pk + i) % 20], position=i)
            for a in articles
            for i in range(2)
        ),
        batch_size=2000,
    )
    tags = Tag.objects.bulk_create(
        Tag(name=f"tag {n}", slug=f"tag-{n}") for n in range(30)
    )
    content_type = ContentType.objects.get_for_model(Article)
    TaggedItem.objects.bulk_create(
        (
            TaggedItem(
                tag=tags[(a.pk + i) % 30], content_type=content_type, object_id=a.pk
            )
            for a in articles
            for i in range(3)
        ),
        batch_size=3000,
    )
    Tombstone.objects.bulk_create(
        Tombstone(
            article_id=STORIES * 2 + n,
            language="en",
            withdrawn_at=now - timedelta(minutes=STORIES - n * 50),
        )
        for n in range(200)
    )
    _partner, issued = create_partner("Bench partner")
    return articles, issued.plain


def measure(client, path, params, headers):
    """params: a dict, or a function of the request's number giving one."""
    ask = params if callable(params) else lambda _n: params
    for n in range(3):  # warm caches and connections
        client.get(path, ask(n), **headers)
    timings = []
    for n in range(3, RUNS + 3):
        query = ask(n)
        start = time.perf_counter()
        response = client.get(path, query, **headers)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.content[:200]
    return statistics.median(timings), statistics.quantiles(timings, n=20)[18]


def main():
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    articles, key = seed()
    if connection.vendor == "postgresql":
        # As autovacuum would within a minute of the bulk load: without
        # statistics the planner does not pick the sync order's index.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"seeded {STORIES} stories in {time.perf_counter() - started:.1f}s")
    deep = articles[STORIES - 9_000]  # 9,000 stories after the newest
    cases = {
        "first page (partner, 20)": {},
        "deep cursor page (9,000 in)": {
            "cursor": pagination.encode(pagination.latest_position(deep, "en"))
        },
        "since= page (middle of history)": {
            "since": articles[STORIES // 2].published_at_en.isoformat()
        },
        "since= page (last hour, typical)": {
            "since": articles[STORIES - 60].published_at_en.isoformat()
        },
        # A new since= every request, a millisecond on (stories are a minute
        # apart, so the items stay the same): the page is assembled each time
        # from kept items, as a partner's first poll after a change is.
        # The last hour is inside the newest changes the feed keeps
        # (syndication/recent_changes.py); the middle of history is read.
        "since= page (new each time, last hour)": lambda n: {
            "since": (
                articles[STORIES - 60].published_at_en + timedelta(milliseconds=n)
            ).isoformat()
        },
        "since= page (new each time, middle)": lambda n: {
            "since": (
                articles[STORIES // 2].published_at_en + timedelta(milliseconds=n)
            ).isoformat()
        },
    }
    cases["first page (public, 20)"] = {}
    client = Client()
    partner = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"database: {engine}; {RUNS} timed requests per case; median / p95 ms")
    print(f"{'case':40} {'items kept':>17} {'built afresh':>17}")
    story = articles[STORIES // 2].get_absolute_url("en")
    with override_settings(SYNDICATION_RATE_LIMIT=(10**9, 60), PAGE_CACHE_SECONDS=0):
        for label, params in cases.items():
            headers = {} if "public" in label else partner
            print(f"{label:40}", *both(client, "/en/feed.json", params, headers))
        print(f"{'story page (page cache off)':40}", *both(client, story, {}, {}))


def both(client, path, params, headers):
    """Timings with kept page data / feed items (the default) and without."""
    for seconds in (settings.PAGE_DATA_SECONDS, 0):
        with override_settings(PAGE_DATA_SECONDS=seconds):
            median, p95 = measure(client, path, params, headers)
        yield f"{median:7.1f} / {p95:7.1f}"


if __name__ == "__main__":
    main()
