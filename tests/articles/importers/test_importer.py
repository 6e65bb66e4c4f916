"""Importer behaviour on small sites written by the tests: failures, update, dry run."""

from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from articles.importers.jekyll import import_site
from articles.models import Article, ImportedPost, PhotoPlacement, Section
from media_assets.models import Photo
from tests.articles.importers.small_site import BROKEN, GOOD_EN, OTHER_EN, write

pytestmark = pytest.mark.django_db


def media_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_small_site_imports_pairs_and_links(site, client):
    report = import_site(site)
    assert report.ok, report.failures
    assert (report.created, report.pairs) == (2, 1)
    good = Article.objects.get(slug="good-story")
    assert good.title_km == "រឿង\u200bល្អ"
    other = Article.objects.get(slug="other")
    assert f"[the other]({other.get_absolute_url('en')})" in good.body_en
    # A bare name in the front matter and a /img/ path in the body: one Photo.
    assert Photo.objects.count() == 1
    photo = Photo.objects.get()
    assert photo.image and photo.width == 64
    assert (photo.credit, photo.source) == ("Sun Narin", "VOA Khmer")
    kinds = sorted(good.placements.values_list("kind", flat=True))
    assert kinds == [PhotoPlacement.Kind.HERO, PhotoPlacement.Kind.INLINE]
    page = client.get(good.get_absolute_url("en")).content.decode()
    assert 'data-include="graphic-totals-static.html"' in page
    assert "<script>alert" not in page
    assert client.get(good.get_absolute_url("km")).status_code == 200


def test_broken_posts_fail_alone_with_their_reason(broken_site, settings):
    report = import_site(broken_site)
    failures = dict(report.failures)
    assert set(failures) == {f"english/_posts/{name}" for name in BROKEN}
    assert "not valid YAML" in failures["english/_posts/2018-02-01-bad-yaml.md"]
    assert "no title" in failures["english/_posts/2018-02-02-no-title.md"]
    assert "out of range" in failures["english/_posts/2018-02-03-far-away.md"]
    assert report.created == 2
    assert not Section.objects.filter(slug_en="faraway").exists()
    assert not ImportedPost.objects.filter(source_path__contains="2018-02").exists()


def test_command_exits_non_zero_when_a_post_fails(broken_site, capsys):
    with pytest.raises(CommandError, match="3 post"):
        call_command("import_jekyll", str(broken_site), verbosity=0)
    assert "far-away.md: coordinates" in capsys.readouterr().out
    assert Article.objects.count() == 2


def test_a_bad_image_fails_its_story_and_leaves_nothing(site, settings):
    (site / "img/animals/cow.jpg").write_bytes(b"not an image at all")
    report = import_site(site)
    failed = dict(report.failures)
    assert "english/_posts/2018-01-01-good-story.md" in failed
    assert "not an image" in failed["english/_posts/2018-01-01-good-story.md"]
    assert "its translation" in failed["khmer/_posts/2018-01-03-good-story.md"]
    assert list(Article.objects.values_list("slug", flat=True)) == ["other"]
    assert Photo.objects.count() == 0
    assert media_files(settings) == []


def test_dry_run_writes_nothing(site, settings):
    report = import_site(site, dry_run=True)
    assert report.created == 2 and report.photos_local == 1
    assert Article.objects.count() == 0
    assert Photo.objects.count() == 0
    assert media_files(settings) == []


def test_update_refreshes_changed_files_only_when_asked(site):
    import_site(site)
    good = Article.objects.get(slug="good-story")
    path = site / "english/_posts/2018-01-01-good-story.md"
    path.write_text(
        GOOD_EN.replace("title: Good Story", "title: Better Story"), "utf-8"
    )
    report = import_site(site)
    assert (report.updated, report.unchanged) == (0, 3 - 1)
    assert any("use --update" in w for w in report.warnings)
    report = import_site(site, update=True)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    good.refresh_from_db()
    assert good.title_en == "Better Story"
    assert good.title_km == "រឿង\u200bល្អ"
    assert good.placements.count() == 2
    assert Photo.objects.count() == 1


def test_selected_files_bring_their_translation(site):
    report = import_site(site, ["english/_posts/2018-01-01-good-story.md"])
    assert report.posts_read == 1
    assert report.created == 1 and report.pairs == 1
    assert Article.objects.get().title_km == "រឿង\u200bល្អ"


def test_a_file_that_is_not_a_post_is_refused(site):
    with pytest.raises(CommandError, match="is not a post"):
        call_command("import_jekyll", str(site), "nowhere.md", verbosity=0)
    with pytest.raises(CommandError, match="neither english/_posts"):
        call_command("import_jekyll", str(site / "img"), verbosity=0)


def test_two_posts_with_one_address_fail_clearly(site):
    write(site / "english/_posts/2019-05-05-other.md", OTHER_EN)
    report = import_site(site)
    assert dict(report.failures) == {
        "english/_posts/2019-05-05-other.md": "another post already has the address "
        "/english/feature/other.html"
    }


def test_update_never_rebuilds_a_story_without_its_translation(site):
    import_site(site)
    km = site / "khmer/_posts/2018-01-03-good-story.md"
    km.write_text("---\ntitle: [broken\n---\n", "utf-8")
    en = site / "english/_posts/2018-01-01-good-story.md"
    en.write_text(GOOD_EN.replace("Good Story", "Changed"), "utf-8")
    report = import_site(site, update=True)
    failures = dict(report.failures)
    assert "not valid YAML" in failures["khmer/_posts/2018-01-03-good-story.md"]
    assert "was left as it was" in failures["english/_posts/2018-01-01-good-story.md"]
    good = Article.objects.get(slug="good-story")
    assert (good.title_en, good.title_km) == ("Good Story", "រឿង\u200bល្អ")


def test_a_bad_date_falls_back_to_the_file_name_with_a_warning(site):
    write(
        site / "english/_posts/2018-03-04-odd-date.md",
        "---\ntitle: Odd Date\ndate: 2018-13-45\ncategories: feature\n---\nText.\n",
    )
    report = import_site(site)
    assert report.ok, report.failures
    article = Article.objects.get(slug="odd-date")
    assert timezone.localtime(article.published_at_en).date() == date(2018, 3, 4)
    assert any(
        "2018-03-04-odd-date.md" in w and "'2018-13-45' is not a date" in w
        for w in report.warnings
    ), report.warnings


def test_a_byte_order_mark_or_an_empty_front_matter_is_read_like_jekyll(site):
    write(
        site / "english/_posts/2018-03-05-bom.md",
        "\ufeff---\ntitle: Saved on Windows\ncategories: feature\n---\nText.\n",
    )
    write(site / "english/_posts/2018-03-06-bare.md", "---\n---\nText.\n")
    report = import_site(site)
    assert Article.objects.get(slug="bom").title_en == "Saved on Windows"
    assert dict(report.failures) == {
        "english/_posts/2018-03-06-bare.md": "the post has no title"
    }


def test_two_posts_claiming_one_translation_share_nothing(site):
    """The first claim pairs; the second post is imported without a translation."""
    link = "translation: /khmer/feature/khmer-only.html\n"
    for name, title in (("05-first", "First"), ("06-second", "Second")):
        write(
            site / f"english/_posts/2018-01-{name}.md",
            f"---\ntitle: {title}\ncategories: feature\n{link}---\nText.\n",
        )
    write(
        site / "khmer/_posts/2018-01-07-khmer-only.md",
        "---\ntitle: ខ្មែរ\ncategories: feature\n---\nអត្ថបទ។\n",
    )
    report = import_site(site)
    assert report.ok, report.failures
    holders = Article.objects.filter(title_km="ខ្មែរ")
    assert list(holders.values_list("slug", flat=True)) == ["first"]
    second = Article.objects.get(slug="second")
    assert second.title_km in (None, "")
    assert list(second.imported_posts.values_list("language", flat=True)) == ["en"]
    assert any(
        "2018-01-06-second.md" in w and "already" in w for w in report.warnings
    ), report.warnings


def test_update_never_overwrites_what_editors_changed_in_the_cms(site):
    """A story edited (or withdrawn) in the CMS after its import keeps that work."""
    from workflow.versioning import claim_version

    import_site(site)
    good = Article.objects.get(slug="good-story")
    # An editor saves the story through the admin: the edit version moves on.
    good.title_en = "Headline fixed by the desk"
    good.save()
    claim_version(good, good.version)
    path = site / "english/_posts/2018-01-01-good-story.md"
    path.write_text(
        GOOD_EN.replace("title: Good Story", "title: Archive Retitle"), "utf-8"
    )
    report = import_site(site, update=True)
    assert report.ok and report.updated == 0
    good.refresh_from_db()
    assert good.title_en == "Headline fixed by the desk"
    assert any(
        "2018-01-01-good-story.md" in w and "editors changed the story in the CMS" in w
        for w in report.warnings
    ), report.warnings
    # Only an explicit --force overwrites, and the next --update is free again.
    report = import_site(site, update=True, force=True)
    assert report.updated == 1
    good.refresh_from_db()
    assert good.title_en == "Archive Retitle"


@pytest.mark.django_db
def test_an_attribute_line_with_no_block_after_it_is_dropped_with_a_warning(
    tmp_path,
):
    site = tmp_path / "site"
    posts = site / "english/_posts"
    posts.mkdir(parents=True)
    (posts / "2018-01-01-dangling.md").write_text(
        "---\ntitle: Dangling\ncategories: feature\n---\n\nText.\n\n{:.pullquote}\n",
        encoding="utf-8",
    )
    report = import_site(site)
    assert report.ok, report.failures
    assert "{:" not in Article.objects.get(slug="dangling").body_en
    assert any("dangling.md" in w and "{:.pullquote}" in w for w in report.warnings), (
        report.warnings
    )
