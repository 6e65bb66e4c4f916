"""The demo desk's reader set-up after load_demo: navigation, a series, a lead.

The archive's _config.yml has no menus, so this is what an editor would click
in the admin on day one. Idempotent; only what exists in the database is used.
"""

from articles.events import EDITED, announce
from articles.models import Article, Layout, Section
from articles.page_cache import bump_content_version
from frontpage.models import FrontPageItem, Rail, Series, SeriesPart

# The archive's menu order (Voices, Videos, History…) as section slugs.
NAVIGATION = (
    "mainbar",
    "feature",
    "video",
    "profile",
    "politician",
    "biography",
    "party",
)
# Sections whose stories the archive laid out as their own page type.
SECTION_LAYOUTS = {
    "quote": Layout.QUOTE,
    "reference": Layout.REFERENCE,
    "data": Layout.DATA,
}
HUN_SEN_INTERVIEW = {
    "slug": "hun-sen-interview",
    "title_en": "The Hun Sen Interview",
    "title_km": "បទសម្ភាសន៍ជាមួយលោក ហ៊ុន សែន",
    "description_en": (
        "Prime Minister Hun Sen talks to an American filmmaker, in three parts."
    ),
    "description_km": ("នាយករដ្ឋមន្ត្រី ហ៊ុន សែន និយាយជាមួយអ្នកផលិតភាពយន្តអាមេរិកាំង ជាបីភាគ។"),
}
LEAD_SLUG = "cambodia-adrift"


def curate_demo():
    """Set up the demo's navigation, series, layouts and lead; returns a summary."""
    # A section whose posts became people's records (biographies, parties)
    # stays out: the navigation never leads to an empty page.
    with_stories = Article.objects.values("section")
    for position, slug in enumerate(NAVIGATION):
        Section.objects.filter(slug_en=slug, pk__in=with_stories).update(
            in_navigation=True, position=position
        )
    relaid = []
    for slug, layout in SECTION_LAYOUTS.items():
        stories = Article.objects.filter(section__slug_en=slug).exclude(layout=layout)
        relaid += list(stories.values_list("pk", flat=True))
        stories.update(layout=layout)
    announce(relaid, EDITED)
    series, _ = Series.objects.update_or_create(
        slug=HUN_SEN_INTERVIEW["slug"],
        defaults={
            **HUN_SEN_INTERVIEW,
            "in_navigation": True,
            "position": len(NAVIGATION),
        },
    )
    parts = Article.objects.filter(slug__startswith="hun-sen-interview-part-").order_by(
        "slug"
    )
    for position, story in enumerate(parts, start=1):
        SeriesPart.objects.update_or_create(
            series=series, article=story, defaults={"position": position}
        )
    lead = Article.objects.filter(slug=LEAD_SLUG).first()
    if lead is not None:
        for language in ("en", "km"):
            FrontPageItem.objects.get_or_create(
                language=language, rail=Rail.LEAD, article=lead
            )
    bump_content_version()
    return f"Navigation: {len(NAVIGATION)} sections; series parts: {parts.count()}"
