"""import_site(): the Jekyll archive into articles, one transaction per story.

Everything that can be decided from the files alone (YAML, required keys,
coordinates, body constructs, pairing, new URLs) is decided before the
database is touched, so a broken post fails alone with its file and reason,
and its translation imports as a one-language story. Then, story by story:
its remote images are downloaded (no transaction open, so no lock is held
while waiting on the network), and its database work (one or two posts) runs
in its own committed atomic block. Any failure, expected or not, leaves
nothing of that story and nothing else undone: the stories before it stay.
"""

import logging
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from tqdm import tqdm

from articles import events
from articles.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES, localized
from articles.models import Article, Author, ImportedPost, Status
from articles.states import READABLE, change_state

from . import handlers
from .bylines import KhmerNameBook, regroup, split_names, split_sort_names
from .convert import convert_group
from .errors import PostError
from .frontmatter import text
from .images import ImageLibrary
from .links import LinkMap
from .pairing import pair_posts, post_files, primary_post, read_post
from .placements import image_refs
from .report import ImportReport, StoryReport
from .site import load_config

logger = logging.getLogger(__name__)
# The failures a story is expected to meet; anything else is also caught (and
# logged with its traceback), so one story's bug never undoes the others.
EXPECTED = (PostError, DatabaseError, ValidationError, ValueError)


@dataclass
class Context:
    site_dir: Path
    report: ImportReport
    config: object
    images: ImageLibrary
    links: LinkMap
    names: KhmerNameBook


def _selected(site_dir, files, all_files):
    if not files:
        return set(all_files)
    chosen = set()
    for name in files:
        path = Path(name)
        candidates = [path, site_dir / path]
        found = next((c.resolve() for c in candidates if c.is_file()), None)
        if found is None or found not in all_files:
            raise PostError(name, "is not a post in english/_posts or khmer/_posts")
        chosen.add(found)
    return chosen


def _unique_addresses(posts, selected, report):
    """Two posts with one legacy address cannot both redirect: the later one fails."""
    kept, seen = [], set()
    for post in posts:
        if post.legacy_path in seen:
            if post.path in selected:
                report.fail(
                    post.source_path,
                    f"another post already has the address {post.legacy_path}",
                )
            continue
        seen.add(post.legacy_path)
        kept.append(post)
    return kept


def _name_book(posts):
    entries = []
    for post in posts:
        if post.language == "km":
            sort_names = split_sort_names(text(post.data.get("metrics-byline")))
            names = split_names(text(post.data.get("byline")))
            entries.append((regroup(names, len(sort_names)), sort_names))
    known = dict(
        Author.objects.exclude(display_name_km="")
        .exclude(display_name_km=None)
        .values_list("sort_name", "display_name_km")
    )
    return KhmerNameBook.learn(entries, known)


def _existing(group):
    rows = []
    for language, post in group.items():
        row = (
            ImportedPost.objects.filter(language=language, source_path=post.source_path)
            .select_related("article__section")
            .first()
        )
        rows.append((post, row))
    return rows


def import_site(
    site_dir,
    files=(),
    *,
    dry_run=False,
    update=False,
    force=False,
    fetch_images=False,
    progress=False,
):
    """Import the Jekyll site at `site_dir` (or only `files` and their translations).

    Returns an ImportReport; failures are in report.failures, never raised,
    except a missing site folder (SiteError) or a FILE that is not a post.
    """
    site_dir = Path(site_dir).resolve()
    report = ImportReport(dry_run=dry_run)
    all_files = [p.resolve() for p in post_files(site_dir)]
    selected = _selected(site_dir, files, set(all_files))
    posts = []
    for path in all_files:
        try:
            posts.append(read_post(site_dir, path))
        except PostError as error:
            if path in selected:
                report.fail(error.path, error.reason)
    report.posts_read = sum(1 for p in all_files if p in selected)
    posts = _unique_addresses(posts, selected, report)
    config = load_config(site_dir)
    images = ImageLibrary(site_dir, fetch=fetch_images)
    ctx = Context(site_dir, report, config, images, LinkMap(config.base_urls), None)
    ctx.names = _name_book(posts)
    plans = []
    for group in pair_posts(posts, report):
        existing = _existing(group)
        article = next((row.article for _p, row in existing if row), None)
        primary = primary_post(group)
        handler = handlers.post_handler_for(primary)
        if handler is not None:
            ctx.links.add_handed_over(group)
        elif article is not None:
            section = article.section.url_slug(DEFAULT_LANGUAGE)
            ctx.links.add_group(group, section, article.slug)
        else:
            ctx.links.add_group(group, primary.section_slug, primary.slug)
        if any(post.path in selected for post in group.values()):
            plans.append((group, existing, article, handler))
    for group, existing, article, handler in tqdm(
        plans, desc="Importing", unit="story", disable=not progress
    ):
        stale = stale_story(existing, article, handler)
        if stale is not None:
            if not _convertible(report, group, existing, stale, force):
                continue
        elif not _wanted(report, group, existing, article, update, force, handler):
            continue
        if handler is None:
            _build(ctx, group, article)
        else:
            _hand_over(ctx, group, handler, stale)
    if not files:
        for site_handler in handlers.site_handlers():
            _run_site_handler(ctx, site_handler)
    return report


def edited_in_cms(article, existing):
    """'3 → 5' when `article` was saved through the CMS since its import, else ""."""
    versions = {row.article_version for _post, row in existing if row is not None}
    versions.discard(None)
    if versions and article.version > max(versions):
        return f"{max(versions)} → {article.version}"
    return ""


def stale_story(existing, article, handler):
    """The story an earlier import made of posts a handler now takes over, or None.

    Once converted, its rows keep pointing at it (withdrawn) with the new
    address in `redirect_to`, so a later run leaves it alone.
    """
    if handler is None or article is None:
        return None
    if any(row is not None and not row.redirect_to for _post, row in existing):
        return article
    return None


def _convertible(report, group, existing, stale, force):
    """Whether the stale story is converted now (editors' changes need --force)."""
    if len(group) == 2:
        report.pairs += 1
    edited = edited_in_cms(stale, existing)
    if edited and not force:
        report.unchanged += 1
        for post in group.values():
            report.warn(
                post.source_path,
                "was imported as a story, which editors changed in the CMS since "
                f"(version {edited}); not converted (--force converts it)",
            )
        return False
    return True


def withdraw_stale(article):
    """Withdraw every readable language of a story its posts no longer make."""
    for language in LANGUAGE_CODES:
        if localized(article, "status", language) in READABLE:
            change_state(article, language, Status.WITHDRAWN)


def _wanted(report, group, existing, article, update, force, handler=None):
    """Whether the story is built now; the report says why when it is not."""
    if len(group) == 2:
        report.pairs += 1
    is_new = any(row is None for _p, row in existing)
    changed = any(
        row is not None and row.digest != post.digest for post, row in existing
    )
    if is_new or (article is None and handler is None):
        return True
    if not changed:
        report.unchanged += 1
        return False
    if not update:
        report.unchanged += 1
        for post, row in existing:
            if row.digest != post.digest:
                report.warn(post.source_path, "changed since import; use --update")
        return False
    edited = edited_in_cms(article, existing) if article is not None else ""
    if edited and not force:
        report.unchanged += 1
        for post, _row in existing:
            report.warn(
                post.source_path,
                "changed since import, but editors changed the story in the "
                f"CMS since then (version {edited}); not overwritten "
                "(--force overwrites)",
            )
        return False
    return True


def _build(ctx, group, article):
    """Fetch the story's images, then write it in its own transaction.

    The transaction commits on its own (rolled back on a dry run): a later
    story's failure cannot undo it, and this one's leaves nothing, not even
    counts or warnings: they are merged into the run's report only after it. The story
    is announced once, with what was public before, when it commits.
    """
    report, story = ctx.report, StoryReport()

    def work():
        was_public = events.public_versions(article) if article else ()
        built = convert_group(ctx, group, article or Article(), story)
        tools = handlers.ImportTools(ctx.site_dir, ctx.images, ctx.links, story)
        for story_handler in handlers.story_handlers():
            story_handler.handle(built, group, tools)
        events.announce(built, events.EDITED, was_public=was_public)

    try:
        for post in group.values():
            ctx.images.fetch_remote(image_refs(post), post.source_path, story)
        _committed(ctx, story, work)
    except Exception as error:  # noqa: BLE001 - reported per story, see EXPECTED
        _report_failure(report, group, error)
        return
    finally:
        ctx.images.fetched.clear()
    if article is None:
        report.created += 1
    else:
        report.updated += 1


def _committed(ctx, story, work):
    """Run `work()` in its own transaction (rolled back on a dry run).

    A failure leaves nothing of it (rows, files, counts) and is raised; the
    counts and warnings in `story` reach the run's report only once it is done.
    """
    try:
        with transaction.atomic():
            work()
            if ctx.report.dry_run:
                transaction.set_rollback(True)
    except Exception:
        ctx.images.discard_written()
        raise
    if ctx.report.dry_run:
        ctx.images.discard_written()
    ctx.images.written.clear()
    ctx.report.merge(story)


def _hand_over(ctx, group, handler, stale=None):
    """A group an upper app's handler takes over: its records, no Article.

    A `stale` story an earlier import made of these posts is withdrawn; its
    rows keep pointing at it, so its address answers 301 to the new page
    (articles/legacy.py `moved_to`).
    """
    story = StoryReport()
    tools = handlers.ImportTools(ctx.site_dir, ctx.images, ctx.links, story)

    def work():
        addresses = handler.handle(group, tools) or {}
        if stale is not None:
            withdraw_stale(Article.objects.select_for_update().get(pk=stale.pk))
            story.handed_over["stories converted (withdrawn, 301)"] += 1
        for language, post in group.items():
            ImportedPost.objects.update_or_create(
                language=language,
                source_path=post.source_path,
                defaults={
                    "article": stale,
                    "redirect_to": addresses.get(language, ""),
                    "legacy_path": post.legacy_path,
                    "categories": " ".join(post.categories),
                    "digest": post.digest,
                    "options": {},
                    "raw_metadata": {},
                    "article_version": None,
                },
            )
        story.handed_over[handler.name] += 1

    try:
        _committed(ctx, story, work)
    except Exception as error:  # noqa: BLE001 - reported per group, see EXPECTED
        _report_failure(ctx.report, group, error)


def _run_site_handler(ctx, handler):
    story = StoryReport()
    tools = handlers.ImportTools(ctx.site_dir, ctx.images, ctx.links, story)
    try:
        _committed(ctx, story, lambda: handler.handle(ctx.site_dir, tools))
    except Exception as error:  # noqa: BLE001 - reported per handler
        culprit = getattr(error, "path", None) or handler.name
        if not isinstance(error, EXPECTED):
            logger.exception("import handler %s failed", handler.name)
        ctx.report.fail(culprit, getattr(error, "reason", None) or str(error))


def _report_failure(report, group, error):
    if isinstance(error, PostError):
        reason = error.reason
    elif isinstance(error, ValidationError):
        reason = " ".join(error.messages)
    elif isinstance(error, EXPECTED):
        reason = str(error)
    else:
        logger.exception(
            "import of %s failed",
            ", ".join(post.source_path for post in group.values()),
        )
        reason = f"unexpected error ({type(error).__name__}: {error}); not imported"
    culprit = getattr(error, "path", None)
    for post in group.values():
        if culprit in (None, post.source_path):
            report.fail(post.source_path, reason)
        else:
            report.fail(post.source_path, f"its translation {culprit} failed: {reason}")
