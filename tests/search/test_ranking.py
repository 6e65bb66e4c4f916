"""Ranking on the suite's engine: headline matches first, and pages of hits
that cross from the headline matches to the others (docs/search.md#ranking).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.engine import reader_results
from search.indexing import reindex
from search.models import SearchDocument
from search.query import parse
from tests.search.conftest import SEED_BODY_KM, story

pytestmark = pytest.mark.django_db

# Real sentences: the seed story's (../shared/fixtures/voa), said again and
# again in a body, against the same words once in another story's headline.
BODY_EN = "Civil servants say they were told to campaign for the CPP. "
QUERIES = {"en": "civil servants", "km": "ហ៊ុន សែន"}


@pytest.fixture
def ranked():
    """slug -> Article: two stories with the words in the headline, five with
    them only in the body (one saying them over and over)."""
    made = {
        "headline-1": story("headline-1", title_en="Civil servants", title_km="ហ៊ុន សែន"),
        "headline-2": story(
            "headline-2", title_en="Civil servants vote", title_km="លោក ហ៊ុន សែន"
        ),
        "repeats": story("repeats", body_en=BODY_EN * 40, body_km=SEED_BODY_KM * 40),
    }
    for n in range(4):
        made[f"body-{n}"] = story(f"body-{n}", body_en=BODY_EN, body_km=SEED_BODY_KM)
    reindex([article.pk for article in made.values()])
    return made


def slugs_of(stories, hits):
    by_pk = dict(
        SearchDocument.objects.filter(pk__in=[pk for pk, _rank in hits]).values_list(
            "pk", "object_id"
        )
    )
    names = {article.pk: slug for slug, article in stories.items()}
    return [names[by_pk[pk]] for pk, _rank in hits]


@pytest.mark.parametrize("language", ["en", "km"])
def test_headline_matches_rank_above_a_body_that_repeats_the_words(ranked, language):
    found = slugs_of(ranked, list(reader_results(parse(QUERIES[language]), language)))
    assert sorted(found[:2]) == ["headline-1", "headline-2"]
    assert found[2] == "repeats"  # the first of the others: it says them most
    assert len(found) == 7


@pytest.mark.parametrize("language", ["en", "km"])
@pytest.mark.parametrize("size", [1, 2, 3, 5])
def test_pages_of_hits_cross_from_headline_matches_to_the_others(
    ranked, language, size
):
    hits = reader_results(parse(QUERIES[language]), language)
    everything = list(hits)
    pages = [hits[start : start + size] for start in range(0, hits.count(), size)]
    assert [hit for page in pages for hit in page] == everything
    assert hits[size:size] == []
    assert hits[0] == everything[0]
    assert hits[len(everything) : len(everything) + size] == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plans")
@pytest.mark.parametrize(
    ("page", "ranks_the_rest"), [(slice(0, 2), False), (slice(0, 3), True)]
)
def test_postgresql_ranks_the_other_matches_only_when_the_page_reaches_them(
    ranked, page, ranks_the_rest
):
    hits = reader_results(parse("civil servants"), "en")
    with CaptureQueriesContext(connection) as captured:
        hits[page]
    (query,) = captured.captured_queries
    with connection.cursor() as cursor:
        cursor.execute(
            "EXPLAIN (ANALYZE, COSTS OFF) " + query["sql"].replace("%", "%%")
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    # the second branch scans the vector index; unrun, it says so
    rest = plan[plan.index("One-Time Filter") :]
    assert ("never executed" not in rest) is ranks_the_rest


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's storage")
def test_postgresql_headline_vector_is_the_vectors_headline_part_in_the_row(ranked):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), count(*) FILTER ("
            " WHERE headline_vector = ts_filter(vector, '{a}')"
            " AND length(headline_vector) > 0) "
            "FROM search_searchdocument WHERE kind = 'story' AND headline <> ''"
        )
        total, same = cursor.fetchone()
        assert total > 0 and same == total  # what migration 0004 filled them with
        cursor.execute(
            "SELECT attstorage FROM pg_attribute WHERE attname = 'headline_vector' "
            "AND attrelid = 'search_searchdocument'::regclass"
        )
        assert cursor.fetchone()[0] == "m"  # MAIN: kept in the row
        cursor.execute(
            "SELECT indexdef FROM pg_indexes "
            "WHERE indexname = 'search_document_headline_vector'"
        )
        assert "gin (headline_vector)" in cursor.fetchone()[0]
