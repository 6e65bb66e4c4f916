"""Story cards for lists (front page, sections, tags, series, authors, onward links).

A card is what a list shows of a story: its address, title, summary, section,
date (none for evergreen layouts) and a thumbnail. cards() reads every
card's photo in two queries, however many cards there are.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404

from articles.dates import format_date
from articles.languages import field_name, localized
from articles.models import EVERGREEN_LAYOUTS, Layout, PhotoPlacement
from media_assets.models import rendition_prefetch

PAGE_SIZE = 20
THUMBNAIL_KINDS = (PhotoPlacement.Kind.HERO, PhotoPlacement.Kind.MUGSHOT)


def newest_first(queryset, language):
    """`queryset` newest first in `language`, with what a card reads."""
    return queryset.select_related("section").order_by(
        f"-{field_name('published_at', language)}", "-pk"
    )


def thumbnails(article_ids):
    """{article id: its hero placement, else its mugshot} in two queries."""
    placements = (
        PhotoPlacement.objects.filter(
            article_id__in=article_ids, kind__in=THUMBNAIL_KINDS
        )
        .select_related("photo")
        .prefetch_related(rendition_prefetch("photo__renditions"))
        .order_by("kind", "position", "pk")  # "hero" sorts before "mugshot"
    )
    found = {}
    for placement in placements:
        found.setdefault(placement.article_id, placement)
    return found


def card(article, language, thumbnail=None):
    published_at = localized(article, "published_at", language)
    evergreen = article.layout in EVERGREEN_LAYOUTS
    return {
        "url": article.get_absolute_url(language),
        "title": localized(article, "title", language),
        "summary": localized(article, "summary", language),
        "section_name": localized(article.section, "name", language, fallback=True),
        "published_at": None if evergreen else published_at,
        "date_display": "" if evergreen else format_date(published_at, language),
        "is_video": article.layout == Layout.POST_VIDEO or bool(article.youtube_id),
        "photo": thumbnail.photo if thumbnail else None,
        "alt": (localized(thumbnail.photo, "alt_text", language) or "")
        if thumbnail
        else "",
    }


def cards(articles, language, photos=True):
    """Cards for `articles` (stories with their section loaded), in order."""
    articles = list(articles)
    found = thumbnails([a.pk for a in articles]) if photos and articles else {}
    return [card(a, language, found.get(a.pk)) for a in articles]


def paginate(request, queryset, allow_empty=True, per_page=PAGE_SIZE):
    """The requested page of `queryset`; a bad or missing page number is a 404."""
    paginator = Paginator(queryset, per_page, allow_empty_first_page=allow_empty)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404("No such page of stories.") from error
