"""The engine of the database the suite runs on (SQLite or PostgreSQL), against
one table of queries and expected stories: `make test` runs it on both, so
both engines return the same stories in the same order.
"""

import pytest
from django.db import connection

from search.analysis import index_text
from search.backends import get_backend
from search.engine import documents_of, reader_results
from search.models import SearchDocument
from search.query import Option, Query, Term, parse

pytestmark = pytest.mark.django_db


def found(stories, language, text):
    slugs = {article.pk: slug for slug, article in stories.items()}
    hits = reader_results(parse(text), language)
    return [slugs[d.object_id] for d in documents_of(hits)]


QUERIES = [
    ("en", "civil servants", {"seed"}),
    ("en", '"civil servants"', {"seed"}),
    ("en", '"servants civil"', set()),  # a phrase keeps its order
    ("en", "Civil SERVANT", {"seed"}),  # case and stemming
    ("en", "rescue party", {"cnrp"}),
    ("en", "elections", {"election"}),
    ("en", "election", {"election"}),
    ("en", "tonle sap", {"a", "b", "c", "d"}),
    ("en", "មន្ត្រី", set()),  # no Khmer words in English stories
    ("km", "មន្ត្រី", {"seed"}),  # the standard spelling finds the other one
    ("km", "មន្រ្តី", {"seed"}),
    ("km", "មន្ត្រីរាជការ", {"seed"}),  # typed without spaces, stored with ZWSP
    ("km", "មន្ត្រី\u200bរាជការ", {"seed"}),  # typed with one
    ("km", "មន្ត្រី រាជការ", {"seed"}),  # typed as two words
    ("km", "ហ៊ុន សែន", {"seed"}),
    ("km", "សង្គ្រោះជាតិ", {"cnrp"}),
    ("km", "សង្រ្គោះ", {"cnrp"}),
    ("km", "ឲ្យ", {"give"}),
    ("km", "ឱ្យ", {"give"}),
    ("km", "បោះឆ្នោត", {"election"}),  # inside ការបោះឆ្នោត
    ("km", "ការ បោះឆ្នោត", {"election"}),
    ("km", "២០១៨ ទន្លេសាប", set()),
    ("km", "ទន្លេសាប", {"a", "b", "c", "d"}),
    ("km", "civil", set()),  # no English words in Khmer stories
]


@pytest.mark.parametrize(("language", "text", "expected"), QUERIES)
def test_query_table(stories, language, text, expected):
    assert set(found(stories, language, text)) == expected


@pytest.mark.parametrize(("language", "text"), [("en", "tonle sap"), ("km", "ទន្លេសាប")])
def test_headline_ranks_above_summary_above_body_above_captions(
    stories, language, text
):
    assert found(stories, language, text) == ["a", "b", "c", "d"]


def test_drafts_are_not_found_by_readers_but_are_indexed(stories):
    draft = stories["draft"]
    assert "draft" not in found(stories, "en", "civil servants")
    assert SearchDocument.objects.filter(object_id=draft.pk, kind="story").count() == 2


@pytest.mark.parametrize(
    "text", ["it's", 'say "no"', "back\\slash", "a:*", "x & y | !z <-> w", "'"]
)
def test_terms_are_quoted_for_the_engine_whatever_they_hold(stories, text):
    # analysis never makes such terms; the engines must still read them as
    # words, never as their query syntax (which would raise an error here)
    query = Query(text=text, clauses=[(Option("all", (Term(text, prefix=True),)),)])
    documents = SearchDocument.objects.all()
    matched = {d.object_id for d in get_backend().match(documents, query)}
    assert stories["cnrp"].pk not in matched
    phrase = Query(text=text, clauses=[(Option("phrase", (Term(text), Term("x"))),)])
    assert list(get_backend().hits(documents, phrase)) == []


def test_the_engine_index_follows_updates_and_deletes(stories):
    document = SearchDocument.objects.get(object_id=stories["cnrp"].pk, language="en")
    document.headline = index_text("renamed")
    get_backend().prepare([document])
    document.save()
    assert "cnrp" not in found(stories, "en", "rescue")
    assert found(stories, "en", "renamed") == ["cnrp"]
    document.delete()
    assert found(stories, "en", "renamed") == []


def test_rebuild_recreates_the_engine_index(stories):
    get_backend().rebuild()
    assert found(stories, "km", "ទន្លេសាប") == ["a", "b", "c", "d"]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's planner and storage"
)
def test_postgresql_ranks_from_uncompressed_vectors_found_through_the_index():
    """The two settings the Khmer common-word benchmark depends on."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert float(cursor.fetchone()[0]) == 1.1
        cursor.execute(
            "SELECT attstorage FROM pg_attribute WHERE attname = 'vector' "
            "AND attrelid = 'search_searchdocument'::regclass"
        )
        assert cursor.fetchone()[0] == "e"  # EXTERNAL: stored out of line, uncompressed
