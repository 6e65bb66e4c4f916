"""Each story commits on its own, and no download runs inside a transaction.

These tests use real transactions (transaction=True): inside pytest-django's
usual per-test transaction every block would be a savepoint of one big
transaction, which is exactly what the importer must not rely on.
"""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from articles.importers.jekyll import images, import_site, people
from articles.models import Article, ImportedPost, Section
from media_assets.models import Photo
from tests.factories import image_bytes

# serialized_rollback, like every transactional test here: its teardown then
# restores the migrated rows instead of re-running post_migrate, which would
# clash with the next serialized test (Django ticket #25251).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

POST = """\
---
title: Story {letter}
date: 2018-01-0{day}
categories: {section}
{extra}
---

Text of story {letter}.
"""


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    (root / "english/_posts").mkdir(parents=True)
    for day, letter in enumerate("abc", start=1):
        write(root, day, letter)
    return root


def write(root, day, letter, extra="", section="feature"):
    path = root / f"english/_posts/2018-01-0{day}-story-{letter}.md"
    path.write_text(
        POST.format(letter=letter, day=day, extra=extra, section=section), "utf-8"
    )


def test_an_unexpected_error_in_the_third_story_keeps_the_first_two(
    site, monkeypatch, capsys
):
    write(site, 3, "c", section="only-c")  # its section must vanish with it
    apply_profile = people.apply_profile

    def profile(article, *args):
        if article.slug == "story-c":  # after story c's rows were written
            raise RuntimeError("converter bug")
        apply_profile(article, *args)

    monkeypatch.setattr(people, "apply_profile", profile)
    with pytest.raises(CommandError, match="1 post"):
        call_command("import_jekyll", str(site), verbosity=0)
    out = capsys.readouterr().out
    assert (
        "english/_posts/2018-01-03-story-c.md: unexpected error "
        "(RuntimeError: converter bug)" in out
    )
    assert sorted(Article.objects.values_list("slug", flat=True)) == [
        "story-a",
        "story-b",
    ]
    assert not Section.objects.filter(slug_en="only-c").exists()
    assert ImportedPost.objects.count() == 2


def test_stories_after_a_failed_one_still_import(site, monkeypatch):
    apply_profile = people.apply_profile

    def profile(article, *args):
        if article.slug == "story-a":
            raise KeyError("first story")
        apply_profile(article, *args)

    monkeypatch.setattr(people, "apply_profile", profile)
    report = import_site(site)
    assert [path for path, _reason in report.failures] == [
        "english/_posts/2018-01-01-story-a.md"
    ]
    assert report.created == 2
    assert Article.objects.count() == 2


@pytest.mark.parametrize("dry_run", [False, True])
def test_remote_images_are_downloaded_with_no_transaction_open(
    site, monkeypatch, dry_run
):
    write(site, 1, "a", extra="image: https://gdb.example.org/a.jpg")
    write(site, 2, "b", extra='image: "https://gdb.example.org/b.jpg"')
    seen = []

    def download(url, **kwargs):
        seen.append((url, connection.in_atomic_block))
        return image_bytes(size=(30, 20 + len(seen)))  # two different files

    monkeypatch.setattr(images, "download", download)
    report = import_site(site, fetch_images=True, dry_run=dry_run)
    assert report.ok, report.failures
    assert seen == [
        ("https://gdb.example.org/a.jpg", False),
        ("https://gdb.example.org/b.jpg", False),
    ]
    stored = Photo.objects.exclude(image="")
    assert stored.count() == (0 if dry_run else 2)
