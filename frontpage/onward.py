"""What a story page offers next: the series' next part, related stories, more videos.

Registered as page panels (articles/panels.py), so article_detail stays the
story's own. Related stories are one query however many tags or stories there
are: same series first, then shared tags, then the same section, then the
newest stories, so every story leads on.
"""

from django.db.models import BooleanField, Case, Exists, OuterRef, Q, When

from articles import panels
from articles.cards import cards, newest_first
from articles.labels import label
from articles.languages import field_name
from articles.models import Article, Layout
from frontpage.models import SeriesPart
from frontpage.sharing import share_links

RELATED = 6
MORE_VIDEOS = 4


def related_stories(article, published, language):
    """RELATED published stories, ranked series > tags > section > newest: one query.

    The newest stories fill up the list, so no story is a dead end.
    """
    same_series = SeriesPart.objects.filter(
        article=OuterRef("pk"), series__parts__article=article
    )
    story_tags = Article.tags.through.objects.filter(
        content_type__app_label="articles",
        content_type__model="article",
        object_id=article.pk,
    ).values("tag_id")
    shared_tag = Article.tags.through.objects.filter(
        content_type__app_label="articles",
        content_type__model="article",
        object_id=OuterRef("pk"),
        tag_id__in=story_tags,
    )
    others = published.exclude(pk=article.pk)
    newest = (f"-{field_name('published_at', language)}", "-pk")

    def first(queryset):
        return queryset.order_by(*newest).values("pk")[:RELATED]

    # The top RELATED of the ranking are among these, so only they are ranked
    # (not every published story: 50 ms at 10,000 stories, under 1 ms so).
    series_mates = SeriesPart.objects.filter(series__parts__article=article)
    candidates = (
        Q(pk__in=series_mates.values("article_id"))
        | Q(pk__in=first(others.filter(Exists(shared_tag))))
        | Q(pk__in=first(others.filter(section_id=article.section_id)))
        | Q(pk__in=first(others))
    )
    return (
        others.filter(candidates)
        .annotate(
            in_series=Exists(same_series),
            shares_tag=Exists(shared_tag),
            same_section=Case(
                When(section_id=article.section_id, then=True),
                default=False,
                output_field=BooleanField(),
            ),
        )
        .select_related("section")
        .order_by("-in_series", "-shares_tag", "-same_section", *newest)
    )[:RELATED]


def series_parts(article, published):
    """The parts of the story's series published in the language: one query."""
    return list(
        SeriesPart.objects.filter(series__parts__article=article, article__in=published)
        .select_related("series", "article__section")
        .order_by("series_id", "position", "pk")
    )


def next_part(article, parts):
    """The part after this story in its (first) series, or None."""
    own = next((p for p in parts if p.article_id == article.pk), None)
    if own is None:
        return None
    later = [
        p for p in parts if p.series_id == own.series_id and p.position > own.position
    ]
    return later[0] if later else None


def onward_context(article, language):
    published = Article.objects.published(language)
    videos = []
    if article.layout == Layout.POST_VIDEO:
        videos = list(
            newest_first(published.filter(layout=Layout.POST_VIDEO), language).exclude(
                pk=article.pk
            )[:MORE_VIDEOS]
        )
    shown = published.exclude(pk__in=[video.pk for video in videos])
    related = list(related_stories(article, shown, language))
    parts = series_parts(article, published)
    following = next_part(article, parts)
    # One read of the cards' photos for all three blocks, then split in order.
    blocks = [
        ("next", "next_part", [following.article] if following else []),
        ("videos", "more_videos", videos),
        ("related", "related", related),
    ]
    all_cards = iter(
        cards([s for _key, _label, group in blocks for s in group], language)
    )
    sections = []
    for key, heading, group in blocks:
        group_cards = [next(all_cards) for _ in group]
        if group_cards:
            sections.append(
                {"key": key, "heading": label(heading, language), "cards": group_cards}
            )
    if following:
        numbers = [p.pk for p in parts if p.series_id == following.series_id]
        sections[0]["note"] = label(
            "part", language, number=numbers.index(following.pk) + 1
        )
    return {"language": language, "sections": sections}


PANELS = (
    ("frontpage.onward", "frontpage/onward.html", onward_context),
    ("frontpage.share", "frontpage/share.html", share_links),
)
for name, template, context in PANELS:
    panels.register(panels.Panel(name, "after_body", template, context))
