"""The archive sample (../shared/fixtures/voa) imported, checked against its files."""

import re
from datetime import date
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.importers.jekyll import import_site
from articles.importers.jekyll.body import ATTRIBUTE_LINE, INCLUDE
from articles.models import (
    Article,
    ImportedImage,
    ImportedPost,
    PhotoPlacement,
    Pullquote,
    Section,
    Status,
)
from articles.rendering import plain_text
from articles.states import change_state
from media_assets.models import Photo
from people.models import Party, Person, Quote

pytestmark = [pytest.mark.django_db, pytest.mark.fixtures_voa]
SEED = "government-leans-on-civil-servants"


def front_value(path, key):
    """A front matter value exactly as the file has it (bytes decoded, unparsed)."""
    text = path.read_text("utf-8")
    return re.search(rf"^{re.escape(key)}:[ \t]*(.*?)[ \t]*$", text, re.M).group(1)


def test_seed_story_field_by_field(imported, voa_fixtures):
    article = Article.objects.get(slug=SEED)
    en = (
        voa_fixtures / "english/_posts/2018-07-20-government-leans-on-civil-servants.md"
    )
    km = voa_fixtures / "khmer/_posts/2018-07-24-government-leans-on-civil-servants.md"
    assert article.title_en == "Cambodian Government Leans on Civil Servants for Votes"
    assert article.title_km == front_value(km, "title")
    assert article.summary_en.startswith("The politicization of public institutions")
    assert article.summary_km == front_value(km, "summary")
    assert article.section.slug_en == "feature"
    assert (article.dateline_en, article.dateline_km) == ("Phnom Penh", "ភ្នំពេញ")
    assert article.latitude == Decimal("11.556062")
    assert article.longitude == Decimal("104.936943")
    assert article.location_name == "Phnom Penh"
    dates = {
        language: timezone.localtime(
            getattr(article, f"published_at_{language}")
        ).date()
        for language in ("en", "km")
    }
    assert dates == {"en": date(2018, 7, 20), "km": date(2018, 7, 24)}
    assert article.is_published_in("en") and article.is_published_in("km")

    authors = [
        (
            b.position,
            b.author.sort_name,
            b.author.display_name_en,
            b.author.display_name_km,
        )
        for b in article.bylines.all()
    ]
    assert authors == [
        (1, "Narin, Sun", "Sun Narin", "ស៊ុន ណារិន"),
        (2, "Tum, Malis", "Malis Tum", "ទុំ ម្លិះ"),
    ]

    placements = list(article.placements.all())
    hero = next(p for p in placements if p.kind == PhotoPlacement.Kind.HERO)
    assert hero.caption_en == front_value(en, "cutline")
    assert hero.caption_km == front_value(km, "cutline")
    assert (hero.photo.credit, hero.photo.source) == ("Samrang Pring", "Reuters")
    assert not hero.photo.may_syndicate  # an agency photo never goes to partners
    window = next(p for p in placements if p.kind == PhotoPlacement.Kind.WINDOW)
    assert window.photo.source_url.endswith(
        "8509378C-4296-470D-9E16-0E1B074A3FFF_w1023_s.jpg"
    )
    assert window.caption_en.startswith("Garment workers attend a rally")
    assert f"[[photo {window.position} " in article.body_en
    assert f"[[photo {window.position} " in article.body_km
    large = [p for p in placements if p.kind == PhotoPlacement.Kind.LARGE]
    assert [p.photo.credit for p in large] == ["Sun Narin", "Ty Aulissa"]
    assert {p.photo.source for p in large} == {"VOA Khmer"}
    for placement in large:  # one placement shared by both languages
        assert f"[[photo {placement.position} add_padding=true]]" in article.body_en
        assert f"[[photo {placement.position} add_padding=true]]" in article.body_km
        assert placement.caption_en and placement.caption_km

    quotes = list(article.pullquotes.all())
    assert [q.text_en[:30] for q in quotes] == [
        "“When I started, the principal",
        "“If anybody does not support t",
    ]
    assert "[[pullquote 1 class=voa__hide-mobile]]" in article.body_en
    assert article.body_en.lstrip().startswith("[[dateline]]  On July 7")

    legacy = dict(article.imported_posts.values_list("language", "legacy_path"))
    assert legacy == {
        "en": "/english/feature/government-leans-on-civil-servants.html",
        "km": "/khmer/feature/government-leans-on-civil-servants.html",
    }


def test_counts_for_the_whole_sample(imported):
    assert imported.posts_read == 22
    # the biography, party and quote pairs are the people app's (handlers.py)
    assert imported.created == Article.objects.count() == 8
    assert imported.pairs == 11
    assert imported.handed_over["people: biography"] == 1
    assert imported.handed_over["people: quote"] == 1
    assert all(a.title_en and a.title_km for a in Article.objects.all())
    assert ImportedPost.objects.count() == 22
    assert Pullquote.objects.count() == 5 == imported.pullquotes
    assert imported.annotations == 7
    # The same image in both languages (or twice) is one Photo.
    assert Photo.objects.count() == ImportedImage.objects.count()
    assert imported.photos_local + imported.photos_remote == Photo.objects.count()
    # 12 since the Khmer biography keeps its photo include (issue 11)
    assert imported.photos_local == Photo.objects.exclude(image="").count() == 12
    assert imported.photos_reused > 0
    assert imported.unknown_keys == {"creditX": 4, "youtubeOLD": 1, "Youtube": 1}
    assert imported.embeds["map"] == 6
    assert imported.embeds["related-videos"] == 2
    assert imported.embeds["editors-note"] == 2
    assert imported.embeds["mugshot"] == 2
    # "profile politician": the last category is the section, all are kept.
    profile = ImportedPost.objects.get(legacy_path__contains="sok-eysan", language="en")
    assert profile.categories == "profile politician"
    assert profile.article.section.slug_en == "politician"
    assert Section.objects.get(slug_en="biography").name_km == "ជីវប្រវត្តិ"
    assert profile.raw_metadata == {"creditX": "Hean Socheata | VOA Khmer"}


def test_dirty_and_kept_values(imported):
    quote = Quote.objects.get(slug="nou-sari")  # a quote card (people/importers.py)
    assert quote.portrait.image.name.endswith(".jpg")
    assert any("mugshot__Nou-Sari--400.jpg" in w for w in imported.warnings)
    assert (quote.age_en, quote.age_km) == ("58", "៥៨")
    assert quote.speaker_name_en == "Nou Sari"
    cnrp = Party.objects.get(slug="cnrp")  # bare file name in img/parties/
    assert cnrp.logo.image
    cement = Article.objects.get(slug="cement-manufacturing-carves-up-rural-cambodia")
    en = cement.imported_posts.get(language="en")
    assert en.raw_metadata == {"Youtube": "joZZ88XzL3Q", "youtubeOLD": "iRO3lEsJoV8"}
    assert en.options["hidePromos"] == "true"
    # only the Khmer key is live; English shows it in its place
    assert (cement.youtube_id_en or "", cement.youtube_id_km) == ("", "lth1KtzowZQ")
    assert cement.video_in("en") == "lth1KtzowZQ"
    adrift = Article.objects.get(slug="cambodia-adrift")
    assert adrift.editors_note_en.startswith("EDITOR’S NOTE")
    assert [b.author.display_name_km for b in adrift.bylines.all()] == [
        "អូន ឆេងប៉រ",
        "ស៊ុន ណារិន",
        "ទែន សុខស្រីនិត",
    ]
    assert "[[annotation id=footnote1 side=right]]" in adrift.body_en
    assert 'href="#footnote1"' in adrift.body_en
    # the biography's byline is its Person's credit line (not an Author)
    assert "ហុង ចិន្តា" in Person.objects.get(slug="hun-sen").credit_km


def test_khmer_text_byte_for_byte(imported, voa_fixtures):
    km = voa_fixtures / "khmer/_posts/2018-07-24-government-leans-on-civil-servants.md"
    article = Article.objects.get(slug=SEED)
    raw_title = front_value(km, "title")
    assert "\u200b" in raw_title
    assert article.title_km.encode() == raw_title.encode()
    source = km.read_text("utf-8")
    paragraphs = [p for p in source.split("\n\n") if "\u200b" in p and "{%" not in p]
    body_paragraph = paragraphs[-1].strip()
    assert body_paragraph.encode() in article.body_km.encode()


def _source_blocks(path):
    """The post's paragraphs as plain text, constructs removed."""
    text = path.read_text("utf-8").split("\n---", 1)[1].split("\n", 1)[1]
    text = INCLUDE.sub("\n\n", text)
    text = ATTRIBUTE_LINE.sub("", text).replace("$DATELINE$", "")
    return [plain_text(block) for block in re.split(r"\n\s*\n", text)]


def _squash(value):
    return re.sub(r"\s+", "", value)


def test_every_page_answers_and_shows_its_source_text(imported, client, voa_fixtures):
    for handed in ImportedPost.objects.filter(article=None):
        target = handed.redirect_to.split("#")[0]
        assert client.get(target).status_code == 200, handed.source_path
    stories = ImportedPost.objects.exclude(article=None)
    for imported_post in stories.select_related("article__section"):
        article, language = imported_post.article, imported_post.language
        response = client.get(article.get_absolute_url(language))
        assert response.status_code == 200, imported_post.source_path
        page = BeautifulSoup(response.content, "html.parser").find("article")
        for added in page.select(".context-mention__toggle, .context-card"):
            added.decompose()  # the auto-links' card (people) is not source text
        page_text = _squash(page.get_text(" "))
        for block in _source_blocks(voa_fixtures / imported_post.source_path):
            assert _squash(block) in page_text, (imported_post.source_path, block[:80])


def test_second_import_is_a_no_op(imported, voa_fixtures):
    before = list(Article.objects.values_list("pk", "updated_at"))
    photos = Photo.objects.count()
    again = import_site(voa_fixtures)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 11)
    assert not again.handed_over
    assert list(Article.objects.values_list("pk", "updated_at")) == before
    assert Photo.objects.count() == photos


@pytest.mark.parametrize(
    ("old", "language"),
    [
        ("/english/feature/government-leans-on-civil-servants.html", "en"),
        ("/khmer/feature/government-leans-on-civil-servants.html", "km"),
        ("/khmer/profile/politician/sok-eysan-cpp-spokesman.html", "km"),
    ],
)
def test_legacy_urls_redirect(
    imported, client, old, language, django_assert_num_queries
):
    with django_assert_num_queries(1):
        response = client.get(old)
    article = ImportedPost.objects.get(legacy_path=old).article
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url(language)
    assert client.get(response["Location"]).status_code == 200


def test_legacy_url_of_a_draft_language_is_404(imported, client):
    article = Article.objects.get(slug=SEED)
    change_state(article, "km", Status.DRAFT)
    assert (
        client.get("/khmer/feature/government-leans-on-civil-servants.html").status_code
        == 404
    )
    assert (
        client.get(
            "/english/feature/government-leans-on-civil-servants.html"
        ).status_code
        == 301
    )
    assert client.get("/english/feature/no-such-story.html").status_code == 404


def test_archive_links_are_rewritten_in_the_stored_markdown(imported):
    bio = Person.objects.get(slug="hun-sen")  # the biography, imported by people
    hometown = Article.objects.get(slug="hun-sen-hometown")
    assert hometown.get_absolute_url("en") in bio.body_en
    assert (
        "projects.voanews.com/cambodia-election-2018/english/feature/hun-sen-hometown"
        not in bio.body_en
    )


def test_command_prints_the_report(voa_fixtures, capsys):
    call_command("import_jekyll", str(voa_fixtures), "--dry-run", verbosity=0)
    out = capsys.readouterr().out
    assert "dry run: nothing was written" in out
    assert "articles created:    8" in out
    assert "people: biography: 1" in out
    assert "creditX: 4" in out
    assert Article.objects.count() == 0
    assert Photo.objects.count() == 0


def test_imported_pages_take_a_fixed_number_of_queries(
    imported, client, warm_renditions
):
    """A plain story and one full of embeds cost the same queries."""
    warm_renditions()
    client.get(Article.objects.get(slug=SEED).get_absolute_url("en"))  # auto-link index
    counts = set()
    slugs = ("sok-eysan-cpp-spokesman", "hun-sen-hometown", "cambodia-adrift", SEED)
    for slug in slugs:
        url = Article.objects.get(slug=slug).get_absolute_url("en")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.add(len(queries))
    assert len(counts) == 1, counts


# Source syntax that must never reach a reader: shortcodes, Liquid, kramdown
# attribute lists, Markdown links left unparsed, the dateline token, and
# Python's None from an empty field.
LEAKS = re.compile(r"\[\[|\]\]|\{%|%\}|\{\{|\{:|\]\(|\$DATELINE\$|\bNone\b")


@pytest.mark.django_db
@pytest.mark.fixtures_voa
def test_no_imported_page_leaks_source_syntax(voa_fixtures, client):
    """All 22 imported pages: no "[[", "{%", "{:", "$DATELINE$" or "None" shown."""
    assert import_site(voa_fixtures).ok
    pages = 0
    stories = ImportedPost.objects.exclude(article=None)
    for post in stories.select_related("article__section"):
        response = client.get(post.article.get_absolute_url(post.language))
        assert response.status_code == 200, post.source_path
        article = BeautifulSoup(response.content, "html.parser").find("article")
        text = article.get_text(" ")
        leak = LEAKS.search(text)
        assert leak is None, (post.source_path, text[leak.start() - 60 : leak.end()])
        attributes = " ".join(
            str(value) for tag in article.find_all(True) for value in tag.attrs.values()
        )
        assert "None" not in attributes, post.source_path
        pages += 1
    assert pages == 16  # 22 posts; the 6 that became people's records redirect
