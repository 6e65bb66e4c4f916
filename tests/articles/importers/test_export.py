"""export_site(): the stories back to a Jekyll site that imports to the same stories."""

import io

import pytest
from django.core.management import CommandError, call_command

from articles.importers.jekyll import export_site, import_site
from articles.models import Article, Author, ImportedImage, Section
from media_assets.models import Photo
from people.models import Party, Person

pytestmark = pytest.mark.django_db


def test_export_refuses_a_folder_that_is_not_empty(site, tmp_path):
    """Exporting over an existing site (the archive itself) would overwrite it."""
    assert import_site(site).ok
    config = site / "_config.yml"
    config.write_text("title: the real site\n", encoding="utf-8")
    before = sorted(p for p in site.rglob("*"))
    with pytest.raises(CommandError, match="is not empty"):
        call_command("export_jekyll", str(site), stdout=io.StringIO())
    assert sorted(p for p in site.rglob("*")) == before
    assert config.read_text(encoding="utf-8") == "title: the real site\n"
    empty = tmp_path / "empty"
    empty.mkdir()
    call_command("export_jekyll", str(empty), stdout=io.StringIO())
    assert len(list(empty.glob("*/_posts/*.md"))) == 3


def snapshot():
    """Every stored field of every story, without ids and timestamps."""
    keys = dict(ImportedImage.objects.values_list("photo_id", "key"))
    skip = {"id", "created_at", "updated_at", "section"}
    stories = []
    for article in (
        Article.objects.for_page().prefetch_related("imported_posts").order_by("slug")
    ):
        fields = {
            f.attname: getattr(article, f.attname)
            for f in Article._meta.concrete_fields
            if f.attname not in skip and f.name not in skip
        }
        fields["section"] = (
            article.section.slug_en,
            article.section.name_en,
            article.section.name_km,
        )
        fields["bylines"] = [
            (
                b.position,
                b.role,
                b.author.sort_name,
                b.author.display_name_en,
                b.author.display_name_km,
            )
            for b in article.bylines.all()
        ]
        fields["placements"] = [
            (p.position, p.kind, p.caption_en, p.caption_km, keys[p.photo_id])
            + (p.photo.credit, p.photo.source, p.photo.cutline_en)
            + (p.photo.cutline_km, p.photo.alt_text_en)
            for p in article.placements.all()
        ]
        fields["pullquotes"] = [
            (q.position, q.text_en, q.text_km) for q in article.pullquotes.all()
        ]
        profile = getattr(article, "profile", None)
        fields["profile"] = profile and (
            profile.name_en,
            profile.age,
            profile.persona_en,
            profile.persona_km,
            profile.occupation_km,
            profile.party_en,
        )
        fields["tags"] = sorted(t.name for t in article.tags.all())
        fields["imported"] = sorted(
            (
                p.language,
                p.source_path,
                p.legacy_path,
                p.categories,
                p.options,
                p.raw_metadata,
            )
            for p in article.imported_posts.all()
        )
        stories.append(fields)
    return stories


@pytest.mark.fixtures_voa
def test_import_export_import_round_trip(imported, tmp_path):
    first = snapshot()
    # biography, party and quote posts became people's records: 8 stories
    assert export_site(tmp_path / "site") == 16
    Article.objects.all().delete()
    # people's biography photos protect theirs like stories' placements (issue 11)
    Person.objects.all().delete()
    Party.objects.all().delete()
    Photo.objects.all().delete()
    Author.objects.all().delete()
    Section.objects.all().delete()
    report = import_site(tmp_path / "site")
    assert report.ok, report.failures
    assert report.created == 8
    second = snapshot()
    assert len(second) == len(first)
    for before, after in zip(first, second, strict=True):
        assert after == before, before["slug"]
