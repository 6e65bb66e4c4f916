"""The archive sample (../shared/fixtures/voa) searched as the issue describes it."""

import re

import pytest

from articles.importers.jekyll import import_site
from articles.models import Article
from search import khmer
from search.engine import documents_of, reader_results
from search.indexing import rebuild_index
from search.query import parse

pytestmark = [pytest.mark.django_db, pytest.mark.fixtures_voa]
SEED = "government-leans-on-civil-servants"
STANDARD, RO_FIRST = "មន្ត្រី", "មន្រ្តី"


@pytest.fixture
def archive(voa_fixtures):
    report = import_site(voa_fixtures)
    assert report.ok, report.failures
    for _progress in rebuild_index():
        pass
    return {a.pk: a for a in Article.objects.all()}


def khmer_text(article):
    """Everything Khmer readers see of a story: text, pullquotes, captions."""
    parts = [article.title_km, article.summary_km, article.body_km]
    parts += [q.text_km for q in article.pullquotes.all()]
    for placement in article.placements.select_related("photo"):
        parts += [placement.caption_km, placement.photo.cutline_km]
    return " ".join(p or "" for p in parts)


def found(archive, language, text):
    hits = reader_results(parse(text), language)
    return [archive[d.object_id].slug for d in documents_of(hits)]


def test_the_two_spellings_of_official_find_the_same_stories(archive):
    def with_bytes(spelling):
        return {a.slug for a in archive.values() if spelling in a.body_km}

    assert with_bytes(STANDARD) != with_bytes(RO_FIRST)  # the archive's mixture
    # The word itself, in either spelling; រដ្ឋមន្ត្រី ("minister") is another word.
    official = re.compile(f"(?<!រដ្ឋ){STANDARD}")
    expected = {
        a.slug for a in archive.values() if official.search(khmer.clean(khmer_text(a)))
    }
    assert len(expected) > len(with_bytes(STANDARD) | with_bytes(RO_FIRST)) / 2
    assert set(found(archive, "km", STANDARD)) == expected
    assert set(found(archive, "km", RO_FIRST)) == expected


def test_a_headline_typed_without_its_zero_width_spaces_finds_its_story(archive):
    seed = next(a for a in archive.values() if a.slug == SEED)
    assert "\u200b" in seed.title_km
    typed = seed.title_km.replace("\u200b", "")
    assert found(archive, "km", typed)[0] == SEED
    assert found(archive, "km", seed.title_km)[0] == SEED


def test_english_queries_rank_the_story_about_them_first(archive):
    assert found(archive, "en", "civil servants")[0] == SEED
    assert found(archive, "en", '"civil servants"')[0] == SEED
