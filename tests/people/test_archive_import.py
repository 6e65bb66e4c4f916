"""The archive sample's context layer imported through the importer's seam.

Biographies, parties, quotes and the timeline become people's records (not
stories), keep their legacy addresses as 301s; credit lines reach the page and
the partner feed.
"""

import shutil

import pytest
from bs4 import BeautifulSoup
from django.db.models import F

from articles.importers.jekyll import handlers, import_site
from articles.models import Article, ImportedPost
from people.models import Party, Person, Quote, TimelineEvent
from tests.syndication_support import get_feed, make_partner

pytestmark = [pytest.mark.django_db, pytest.mark.fixtures_voa]
VIDEO = "video-cement-development-farmers"
TAGLINE_EN = (
    "This video was shot by Khan Sokummono and Nov Povleakhena and produced by "
    "Say Mony."
)
# khmer/_posts/2018-07-06-hun-sen-hometown.md, a villager's words
KHMER_WORDS = "«ប្រសិន\u200bបើ\u200bខ្ញុំ\u200bបោះឆ្នោត\u200bឲ្យ\u200bគេ\u200bផ្សេង»"
# Sample posts earlier imports made stories of, and the pages they are now.
CONVERTED = {
    "hun-sen": "/{language}/people/hun-sen/",
    "party-cnrp": "/{language}/parties/cnrp/",
    "quote-nou-sari": "/{language}/quotes/#quote-nou-sari",
}


@pytest.fixture
def imported(voa_fixtures):
    report = import_site(voa_fixtures)
    assert report.ok, report.failures
    return report


def redirect(client, path):
    response = client.get(path)
    assert response.status_code == 301, path
    return response["Location"]


def test_biography_is_a_person_with_aliases_credit_and_address(client, imported):
    hun_sen = Person.objects.get(slug="hun-sen")
    assert (hun_sen.name_en, hun_sen.name_km) == ("Hun Sen", "លោក ហ៊ុន សែន")
    # the old layouts' replace_first list linked "ហ៊ុន សែន" to this biography
    assert "ហ៊ុន សែន" in hun_sen.all_names() and "Hun Sen" in hun_sen.all_names()
    assert hun_sen.summary_en.startswith("Prime Minister Hun Sen is one of")
    assert "born on August 5, 1952" in hun_sen.body_en
    assert "{% include" not in hun_sen.body_en + hun_sen.body_km
    assert hun_sen.credit_en == (
        "Researched and written by Chenda Hong and Ten Soksreinith | VOA News"
    )
    assert hun_sen.credit_km.startswith("ស្រាវជ្រាវ\u200bនិង\u200bចងក្រង\u200bដោយ")
    assert hun_sen.portrait is not None
    assert not Article.objects.filter(slug="hun-sen").exists()
    assert redirect(client, "/english/biography/hun-sen.html") == "/en/people/hun-sen/"
    assert redirect(client, "/khmer/biography/hun-sen.html") == "/km/people/hun-sen/"
    page = client.get("/km/people/hun-sen/")
    assert page.status_code == 200
    assert "ស្រាវជ្រាវ" in page.content.decode()


def test_biography_keeps_its_photo_includes(client, imported):
    """The body's photo.html is placed as in a story: [[photo N]], a figure."""
    hun_sen = Person.objects.get(slug="hun-sen")
    photos = {p.position: p for p in hun_sen.photos.select_related("photo")}
    assert not [w for w in imported.warnings if "hun-sen.md: photo.html" in w]
    khmer = next(p for p in photos.values() if p.caption_km)
    assert khmer.caption_km.startswith("រូបឯកសារ​៖ លោក ហ៊ុន សែន")
    assert khmer.photo.credit == "Charles Dharapak" and khmer.photo.source == "AP"
    assert f"[[photo {khmer.position}]]" in hun_sen.body_km
    english = next(p for p in photos.values() if p.caption_en)
    assert english.photo.source_url.startswith("https://gdb.voanews.com/")
    assert f"[[photo {english.position}]]" in hun_sen.body_en
    for language, placement in (("km", khmer), ("en", english)):
        page = BeautifulSoup(
            client.get(f"/{language}/people/hun-sen/").content, "html.parser"
        )
        figure = page.select_one(".entry__body figure.photo")
        caption = getattr(placement, f"caption_{language}")
        assert figure.figcaption.get_text().startswith(caption[:20])


def test_party_post_is_a_party_with_its_glossary_names(client, imported):
    cnrp = Party.objects.get(slug="cnrp")
    assert cnrp.name_en == "Cambodia National Rescue Party (CNRP)"
    assert cnrp.abbreviation_en == "CNRP"
    assert {"CNRP", "គណបក្សសង្គ្រោះជាតិ"} <= set(cnrp.all_names())
    assert cnrp.logo is not None
    assert redirect(client, "/english/party/party-cnrp.html") == "/en/parties/cnrp/"


def test_funcinpec_addresses_answer_301(client, tmp_path, voa_fixtures):
    """The archive's file is party-FUNCINPEC.md: its address keeps the case."""
    site = tmp_path / "voa"
    shutil.copytree(voa_fixtures, site)
    for folder, name in (("english", "2014-01-06"), ("khmer", "2016-01-02")):
        source = site / folder / "_posts" / f"{name}-party-cnrp.md"
        text = source.read_text("utf-8").replace("party: CNRP", "party: FUNCINPEC")
        (site / folder / "_posts" / f"{name}-party-FUNCINPEC.md").write_text(
            text.replace("party-cnrp", "party-FUNCINPEC"), "utf-8"
        )
        source.unlink()
    assert import_site(site).ok
    for folder, language in (("english", "en"), ("khmer", "km")):
        path = f"/{folder}/party/party-FUNCINPEC.html"
        assert redirect(client, path) == f"/{language}/parties/funcinpec/"


def test_quote_is_a_card_not_a_dated_story(client, imported):
    sari = Quote.objects.get(slug="nou-sari")
    assert (sari.speaker_name_en, sari.speaker_name_km) == ("Nou Sari", "នូ សារី")
    assert sari.age_km == "៥៨"
    assert sari.location_km == "ឃុំទូូកមាសខាងលិច ខេត្តកំពត"
    assert sari.words_en.startswith("“I voted for Prime Minister Hun Sen.")
    assert sari.portrait is not None
    assert not Article.objects.filter(slug="quote-nou-sari").exists()
    assert ImportedPost.objects.get(legacy_path="/english/quote/quote-nou-sari.html")
    assert redirect(client, "/khmer/quote/quote-nou-sari.html") == (
        "/km/quotes/#quote-nou-sari"
    )
    feed = get_feed(client, key=make_partner()[1])
    assert all("Nou Sari" not in item["title"] for item in feed["items"])
    assert len(feed["items"]) == Article.objects.count()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "quote-nou-sari" not in sitemap and "/biography/" not in sitemap


def test_photo_quotations_are_quote_cards_inside_their_story(
    client,
    imported,
    django_assert_max_num_queries,
    django_capture_on_commit_callbacks,
    warm_renditions,
):
    """photo-large.html's quotation= was printed over the photo (issue 11)."""
    story = Article.objects.get(slug="hun-sen-hometown")
    quotes = Quote.objects.filter(source_story=story).order_by("photo_number")
    assert [q.speaker_name_en for q in quotes] == ["Chorn Nath", "Dy Bit"]
    first = quotes[0]
    assert first.words_en.startswith("“I thought he had died. His fate is good.")
    assert f"[[photo {first.photo_number} quotation=" in story.body_en  # for export
    assert imported.handed_over["people: quotes in stories"] == 2
    page = BeautifulSoup(
        client.get(story.get_absolute_url("en")).content, "html.parser"
    )
    figure = page.select_one(f'figure[data-photo="{first.photo_number}"]')
    card = figure.find_next_sibling()
    assert card["class"] == ["quote-card"] and card["lang"] == "en"
    assert card.blockquote.get_text().startswith("“I thought he had died.")
    assert "Chorn Nath" in card.figcaption.get_text()
    assert card.select_one(".quote-card__story") is None  # it is this story
    # the Khmer post has no quotation: no card until editors write its words
    khmer_url = story.get_absolute_url("km")
    assert "quote-card" not in client.get(khmer_url).content.decode()
    first.words_km = KHMER_WORDS
    with django_capture_on_commit_callbacks(execute=True):  # caches follow
        first.save()
    khmer = BeautifulSoup(client.get(khmer_url).content, "html.parser")
    card = khmer.select_one(".post__body .quote-card")
    assert card["lang"] == "km" and card.blockquote.get_text() == KHMER_WORDS
    figure = khmer.select_one(f'figure[data-photo="{first.photo_number}"]')
    assert figure is None or figure.find_next_sibling() == card
    ribbon = client.get("/en/").content.decode()
    assert "Nou Sari" in ribbon and "Chorn Nath" not in ribbon
    # the cards come from the cached context index: no query for them
    plain = Article.objects.get(slug="media-crackdown-in-cambodia")
    warm_renditions()
    counts = []
    for article in (story, plain):
        client.get(article.get_absolute_url("en"))
        with django_assert_max_num_queries(20) as captured:
            client.get(article.get_absolute_url("en"))
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_timeline_events_with_the_archive_anchors(client, imported, voa_fixtures):
    english = TimelineEvent.objects.exclude(headline_en=None).exclude(headline_en="")
    khmer = TimelineEvent.objects.exclude(headline_km=None).exclude(headline_km="")
    assert english.count() == 78
    # the Khmer include lists 144 events, most of them twice: 77 distinct
    assert khmer.count() == 77
    assert any("repeated" in warning for warning in imported.warnings)
    poll_day = english.filter(anchor="july_29_2018").order_by("pk")
    assert [e.headline_en for e in poll_day][:2] == [
        "Cambodia set to become one-party state",
        "Polls open in Cambodia's sixth national election",
    ]
    assert str(poll_day[0].date) == "2018-07-29"
    assert poll_day[0].date_label_en == "July 29, 2018"
    assert poll_day[0].photo.source_url.startswith("https://gdb.voanews.com/")
    first_khmer = khmer.get(anchor="july_30_2018")
    assert first_khmer.date_label_km == "ថ្ងៃទី ៣០ ខែ កក្កដា ឆ្នាំ ២០១៨"
    # every date link in the sample's biography lands on an event
    bio = (voa_fixtures / "english/_posts/2015-07-01-hun-sen.md").read_text("utf-8")
    anchors = set(BeautifulSoup(bio, "html.parser").select("a.trigger__factbox"))
    for link in anchors:
        assert TimelineEvent.objects.filter(anchor=link["href"][1:]).exists(), link
    page = BeautifulSoup(client.get("/en/timeline/").content, "html.parser")
    assert page.find(id="july_29_2018") is not None


def test_credit_lines_on_the_page_and_in_the_feed(client, imported):
    story = Article.objects.get(slug=VIDEO)
    assert story.credit_lines_en == TAGLINE_EN
    for language, label in (("en", "Credits"), ("km", "ឥណទាន")):
        page = BeautifulSoup(
            client.get(story.get_absolute_url(language)).content, "html.parser"
        )
        block = page.select_one("aside.post__credits")
        assert block.h2.get_text() == label
        assert block.li.get_text() == story.credit_lines_in(language)[0]
    assert "ផលិតដោយលោក សាយ មុន្នី" in story.credit_lines_km
    feed = get_feed(client, key=make_partner()[1])
    (item,) = [i for i in feed["items"] if i["url"].endswith(f"/{VIDEO}/")]
    assert item["_newsroom"]["credits"] == [TAGLINE_EN]
    cement = Article.objects.get(slug="cement-manufacturing-carves-up-rural-cambodia")
    assert cement.homepage_title_en == "Processing Cement Scars Rural Cambodia"


def test_second_run_changes_nothing(imported, voa_fixtures):
    counts = [m.objects.count() for m in (Person, Party, Quote, TimelineEvent)]
    again = import_site(voa_fixtures)
    assert again.ok and again.created == 0 and not again.handed_over
    assert [m.objects.count() for m in (Person, Party, Quote, TimelineEvent)] == counts


def test_a_bad_biography_leaves_nothing_half_written(tmp_path, voa_fixtures):
    site = tmp_path / "voa"
    shutil.copytree(voa_fixtures, site)
    (site / "img/bio__hun-sen__mugshot.jpg").write_bytes(b"not an image")
    report = import_site(site)
    failed = dict(report.failures)
    assert "english/_posts/2015-07-01-hun-sen.md" in failed
    assert not Person.objects.filter(slug="hun-sen").exists()
    assert not ImportedPost.objects.filter(source_path__contains="hun-sen.md").exists()
    assert Party.objects.filter(slug="cnrp").exists()  # the others are imported


def test_reimport_converts_stories_an_earlier_import_made(
    client, monkeypatch, voa_fixtures
):
    """Earlier versions imported biographies, parties and quotes as stories."""
    with monkeypatch.context() as earlier:
        earlier.setattr(handlers, "_post_handlers", {})
        assert import_site(voa_fixtures).ok
    stale = {a.slug: a for a in Article.objects.filter(slug__in=CONVERTED)}
    assert set(stale) == set(CONVERTED)
    old_urls = {slug: a.get_absolute_url("km") for slug, a in stale.items()}
    assert client.get(old_urls["hun-sen"]).status_code == 200
    report = import_site(voa_fixtures)
    assert report.ok, report.failures
    assert report.handed_over["stories converted (withdrawn, 301)"] == len(CONVERTED)
    assert Person.objects.filter(slug="hun-sen").exists()
    assert Quote.objects.filter(slug="nou-sari").exists()
    for slug, new_url in CONVERTED.items():
        for language in ("en", "km"):
            assert not Article.objects.published(language).filter(slug=slug)
            url = stale[slug].get_absolute_url(language)
            assert redirect(client, url) == new_url.format(language=language)
    assert redirect(client, "/khmer/biography/hun-sen.html") == "/km/people/hun-sen/"
    feed = get_feed(client, key=make_partner()[1])
    paths = {a.get_absolute_url("en") for a in stale.values()}
    assert not [i for i in feed["items"] if i.get("url", "").endswith(tuple(paths))]
    assert "quote-nou-sari" not in client.get("/sitemap.xml").content.decode()
    again = import_site(voa_fixtures)  # converted once: nothing more to do
    assert again.ok and not again.handed_over


def test_reimport_keeps_a_stale_story_editors_changed(monkeypatch, voa_fixtures):
    with monkeypatch.context() as earlier:
        earlier.setattr(handlers, "_post_handlers", {})
        assert import_site(voa_fixtures).ok
    # an editor's save moves the story's edit version (workflow.versioning)
    Article.objects.filter(slug="hun-sen").update(version=F("version") + 1)
    report = import_site(voa_fixtures)
    assert any("not converted" in w for w in report.warnings)
    assert Article.objects.published("en").filter(slug="hun-sen").exists()
    forced = import_site(voa_fixtures, force=True)
    assert forced.handed_over["stories converted (withdrawn, 301)"] == 1
    assert not Article.objects.published("en").filter(slug="hun-sen").exists()
