"""Benchmark of the search engines over 10,000 stories per language (not a test).

    .venv/bin/python bench/search.py            # throwaway SQLite file
    DATABASE_URL=postgres://…/bench_db .venv/bin/python bench/search.py
    … bench/search.py --again              # the same database, not reseeded
    … bench/search.py --again --compare    # PostgreSQL: before and after

Seeds 10,000 stories published in English and Khmer, each made of six
paragraphs drawn (with a fixed seed) from the archive sample's posts
(../shared/fixtures/voa; the seed story in articles/demo_site/ without it),
and indexes them: the paragraphs are analysed once (segmenting 20,000 Khmer
bodies would take minutes and measures nothing here). The same few hundred
paragraphs recur, so the queries below match thousands of stories: more
than a real archive would, which makes the ranking the expensive part.
Times, in process, what the search page asks the engine for (the count and
the first page of ten, ranked) and the whole page, and prints medians and
p95 in milliseconds. A DATABASE_URL database must be empty, or, with
--again, hold the stories an earlier run seeded (timed again, not reseeded).
--compare (PostgreSQL) times the engine call with every match ranked, as
before search/0004, and with the two-stage ranking, taking turns.
"""

import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

from _setup import ROOT, setup  # noqa: E402

_workdir = setup("search-bench-")

from django.conf import settings  # noqa: E402
from django.contrib.postgres.search import SearchQueryField, SearchRank  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import F, Value  # noqa: E402
from django.db.models.functions import Cast  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article, Section, Status  # noqa: E402
from articles.rendering import plain_text  # noqa: E402
from search import khmer  # noqa: E402
from search.analysis import index_text  # noqa: E402
from search.backends import get_backend  # noqa: E402
from search.backends.base import WEIGHTS, Hits  # noqa: E402
from search.backends.postgres import PostgresBackend, tsquery  # noqa: E402
from search.engine import documents_of, reader_results  # noqa: E402
from search.models import COLUMNS, SearchDocument  # noqa: E402
from search.query import parse  # noqa: E402
from search.views import PAGE_SIZE  # noqa: E402

STORIES = 10_000
PARAGRAPHS = 6
RUNS = 30
DEMO = ROOT / "articles" / "demo_site"
QUERIES = {
    "en": {
        "one word": "servants",
        "multi-word": "civil servants campaign",
        "phrase": '"civil servants"',
    },
    "km": {
        "Khmer word": "មន្ត្រី",
        "Khmer, no spaces": "មន្ត្រីរាជការបោះឆ្នោត",
        "Khmer, two words": "ហ៊ុន សែន",
    },
}


def paragraphs(language):
    """(terms, readable text) of every paragraph of the archive sample's posts
    in `language` (read from NEWSROOM['DEMO_FIXTURES_DIR'], never copied), or
    of the seed story in articles/demo_site/ when the sample is absent."""
    folder = {"en": "english", "km": "khmer"}[language]
    sample = Path(settings.NEWSROOM["DEMO_FIXTURES_DIR"]) / folder / "_posts"
    posts = sorted(sample.glob("*.md"))
    posts = posts or sorted((DEMO / folder / "_posts").glob("*.md"))
    found = []
    for post in posts:
        body = post.read_text("utf-8").split("---", 2)[2]
        for paragraph in body.split("\n\n"):
            text = plain_text(paragraph) if paragraph.strip()[:2] not in "[[{%" else ""
            if len(text) > 40:
                found.append((index_text(text), khmer.clean(text)))
    return found, len(posts)


def seed():
    if "--again" in sys.argv:
        if SearchDocument.objects.filter(kind="story").count() != 2 * STORIES:
            sys.exit("--again needs the database an earlier run seeded.")
        return
    if Article.objects.exists():
        sys.exit("This database already holds stories; give an empty one.")
    now = timezone.now()
    section, _ = Section.objects.get_or_create(
        slug_en="feature", defaults={"name_en": "Feature"}
    )
    articles = Article.objects.bulk_create(
        (
            Article(
                title_en=f"Story {n}",
                title_km=f"អត្ថបទ {n}",
                slug=f"story-{n}",
                section=section,
                status_en=Status.PUBLISHED,
                status_km=Status.PUBLISHED,
                published_at_en=now - timedelta(minutes=n),
                published_at_km=now - timedelta(minutes=n),
            )
            for n in range(STORIES)
        ),
        batch_size=1000,
    )
    chance = random.Random(12)  # the same stories on every run
    for language in ("en", "km"):
        pool, posts = paragraphs(language)
        print(f"{language}: {len(pool)} paragraphs from {posts} posts")
        documents = []
        for article in articles:
            chosen = chance.sample(pool, PARAGRAPHS)
            documents.append(
                SearchDocument(
                    kind="story",
                    object_id=article.pk,
                    language=language,
                    headline=chosen[0][0][:80],
                    summary=chosen[1][0],
                    body=" ".join(terms for terms, _text in chosen[2:]),
                    text=" ".join(text for _terms, text in chosen[1:]),
                )
            )
        get_backend().prepare(documents)
        SearchDocument.objects.bulk_create(documents, batch_size=500)
    if connection.vendor == "postgresql":
        # What autovacuum does soon after a bulk load: without statistics and
        # a visibility map the planner scans every vector instead of the GIN index.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def timed(function, runs=RUNS):
    for _ in range(3):  # warm caches and connections
        function()
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), statistics.quantiles(timings, n=20)[18]


def engine_call(language, query):
    def run():
        results = reader_results(parse(query), language)
        assert results.count() > 0
        documents_of(results[:PAGE_SIZE])

    return run


class SingleStage(PostgresBackend):
    """PostgreSQL's ranking before search/0004, for --compare: ts_rank over
    every match, then the page."""

    def hits(self, documents, query):
        weights = [WEIGHTS[column] for column in reversed(COLUMNS)]
        exact = Cast(Value(tsquery(query)), output_field=SearchQueryField())
        matches = self.match(documents, query)
        rank = SearchRank(F("vector"), exact, weights=weights)
        ranked = matches.annotate(rank=rank).order_by("-rank", "-pk")
        return Hits(matches, ranked.values_list("pk", "rank"))


def compare():
    """Both rankings' engine calls, taking turns (the machine's load hits both
    alike), and whether they give the same first page."""
    engines = {"single-stage": f"{__name__}.SingleStage", "now": None}
    for language, cases in QUERIES.items():
        for label, query in cases.items():
            timings, pages = {}, {}
            for _ in range(RUNS):
                for name, path in engines.items():
                    with override_settings(SEARCH_BACKEND=path):
                        run = engine_call(language, query)
                        start = time.perf_counter()
                        run()
                        timings.setdefault(name, []).append(
                            (time.perf_counter() - start) * 1000
                        )
                        hits = reader_results(parse(query), language)
                        pages[name] = [pk for pk, _rank in hits[:PAGE_SIZE]]
            medians = "   ".join(
                f"{name} {statistics.median(times):6.1f} ms"
                for name, times in timings.items()
            )
            same = pages["single-stage"] == pages["now"]
            print(f"{label:18} engine medians: {medians}   same first page: {same}")


def main():
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    seed()
    seconds = time.perf_counter() - started
    if "--again" not in sys.argv:
        print(f"seeded {STORIES} stories per language in {seconds:.1f}s")
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"database: {engine}; {RUNS} timed runs per case")
    if "--compare" in sys.argv:
        return compare()
    client = Client()
    for language, cases in QUERIES.items():
        for label, query in cases.items():
            count = reader_results(parse(query), language).count()
            median, p95 = timed(engine_call(language, query))
            page_median, _ = timed(
                lambda q=query, lang=language: client.get(f"/{lang}/search/", {"q": q})
            )
            print(
                f"{label:18} {count:6} matches   engine median {median:6.1f} ms"
                f"  p95 {p95:6.1f} ms   whole page median {page_median:6.1f} ms"
            )


if __name__ == "__main__":
    main()
