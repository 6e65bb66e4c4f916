"""The reader site in a real browser: axe-core finds nothing, and no JS is needed.

axe-core (tests/browser/vendor/axe-core, MPL-2.0) runs through the DevTools
protocol, so the site's CSP stays as readers get it.
"""

from pathlib import Path

import pytest

from articles.models import Layout, PhotoPlacement, Section
from tests.factories import (
    KHMER_TITLE,
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    PhotoFactory,
    PhotoPlacementFactory,
    uploaded_image,
)
from tests.factories.frontpage import SeriesPartFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
AXE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text()
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations
    .filter(v => ["moderate", "serious", "critical"].includes(v.impact))
    .map(v => `${v.id}: ${v.nodes.map(n => n.target.join(" ")).join(", ")}`);
}"""


@pytest.fixture
def site():
    Section.objects.filter(slug_en__in=["feature", "video"]).update(in_navigation=True)
    author = AuthorFactory(slug="sun-narin", display_name_km="ស៊ុន ណារិន")
    stories = {}
    for layout in (Layout.POST_CENTERED, Layout.POST_VIDEO, Layout.BIOGRAPHY):
        article = ArticleFactory(
            published=True,
            layout=layout,
            title_km=KHMER_TITLE,
            body_en="Intro.\n\n### A part\n\nText.",
            youtube_id="e3JxFw03tco" if layout == Layout.POST_VIDEO else "",
        )
        BylineFactory(article=article, author=author)
        article.tags.add("development")
        PhotoPlacementFactory(
            article=article,
            position=1,
            kind=PhotoPlacement.Kind.HERO,
            photo=PhotoFactory(image=uploaded_image(size=(800, 450))),
        )
        stories[layout] = article
    part = SeriesPartFactory(article=stories[Layout.POST_CENTERED])
    return stories, part.series


def pages(stories, series, language):
    return [
        f"/{language}/",
        f"/{language}/feature/",
        f"/{language}/tags/development/",
        f"/{language}/authors/sun-narin/",
        series.get_absolute_url(language),
        *(story.get_absolute_url(language) for story in stories.values()),
    ]


@pytest.mark.parametrize("language", ["en", "km"])
@pytest.mark.parametrize("width", [390, 1280])
def test_axe_finds_no_moderate_or_worse_violation(visitor, site, language, width):
    reader = visitor()
    reader.page.set_viewport_size({"width": width, "height": 900})
    found = {}
    for url in pages(*site, language):
        assert reader.page.goto(url).status == 200, url
        reader.page.evaluate(AXE)
        violations = reader.page.evaluate(RUN_AXE)
        if violations:
            found[url] = violations
    assert found == {}
    # The video's iframe is YouTube's (aborted here); nothing else leaves the site.
    assert all("youtube" in url for url in reader.foreign), reader.foreign
    assert reader.errors == [] and reader.blocked == []


def test_navigation_and_stories_work_without_javascript(chromium, live_server, site):
    stories, _series = site
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.route(
        "**/*",
        lambda route: (
            route.abort() if "youtube" in route.request.url else route.continue_()
        ),
    )
    page.goto("/km/")
    page.click(".site-nav a >> nth=0")
    assert page.url.endswith("/km/feature/")
    page.click(".card__title a >> nth=0")
    assert page.locator("h1").count() == 1
    page.click(".language-switch a")
    assert "/en/" in page.url
    context.close()
