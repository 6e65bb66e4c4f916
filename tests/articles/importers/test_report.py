"""articles/importers/jekyll/report.py: a story counts only once it commits.

Each story is counted in its own StoryReport and merged into the run's
report after its transaction, so a story that fails halfway (its photos,
pullquotes and warnings already counted) leaves only its failure behind.
"""

from collections import Counter

import pytest

from articles.importers.jekyll import import_site, tags
from articles.importers.jekyll.report import ImportReport, StoryReport
from tests.factories import image_bytes

pytestmark = pytest.mark.django_db

POST = """\
---
title: Story {letter}
date: 2018-01-0{day}
categories: feature
image: {letter}.jpg
status: {status}
---

Text of story {letter}.

{{:.pullquote}}
A quote from story {letter}.

{{% include promo-video.html %}}
"""


def write_site(root, statuses):
    (root / "english/_posts").mkdir(parents=True)
    (root / "img").mkdir()
    for day, (letter, status) in enumerate(statuses.items(), start=1):
        (root / f"img/{letter}.jpg").write_bytes(image_bytes(size=(40, 30 + day)))
        text = POST.format(letter=letter, day=day, status=status)
        (root / f"english/_posts/2018-01-0{day}-story-{letter}.md").write_text(
            text, "utf-8"
        )
    return root


def test_merge_adds_counts_counters_and_warnings():
    run = ImportReport(photos_local=1, embeds=Counter(map=1), warnings=["a: one"])
    story = StoryReport(photos_local=2, pullquotes=1, embeds=Counter(map=1, video=1))
    story.warn("b", "two")
    run.merge(story)
    assert run.photos_local == 3
    assert run.pullquotes == 1
    assert run.embeds == Counter(map=2, video=1)
    assert run.warnings == ["a: one", "b: two"]
    # The story's own report is left as it was.
    assert story.photos_local == 2 and story.warnings == ["b: two"]


def test_a_failed_story_leaves_only_its_failure_in_the_report(tmp_path, monkeypatch):
    site = write_site(tmp_path / "site", {"a": "published", "b": "bogus"})
    alone = import_site(
        write_site(tmp_path / "alone", {"a": "published"}), dry_run=True
    )
    build_tags = tags.apply_tags

    def failing_tags(article, group):
        if article.slug == "story-b":  # after its photo, pullquote and warning
            raise RuntimeError("converter bug")
        build_tags(article, group)

    monkeypatch.setattr(tags, "apply_tags", failing_tags)
    report = import_site(site)
    assert [path for path, _ in report.failures] == [
        "english/_posts/2018-01-02-story-b.md"
    ]
    assert report.created == 1
    counted = ("photos_local", "photos_remote", "photos_reused", "pullquotes")
    assert {name: getattr(report, name) for name in counted} == {
        name: getattr(alone, name) for name in counted
    }
    assert (report.photos_local, report.pullquotes) == (1, 1)
    assert report.embeds == alone.embeds == Counter({"related-videos": 1})
    assert report.warnings == alone.warnings == []


def test_a_committed_story_brings_its_warnings(tmp_path):
    report = import_site(write_site(tmp_path / "site", {"a": "bogus"}))
    assert report.ok, report.failures
    assert report.warnings == [
        "english/_posts/2018-01-01-story-a.md: status 'bogus' is unknown; "
        "published instead"
    ]
    assert (report.photos_local, report.pullquotes) == (1, 1)
