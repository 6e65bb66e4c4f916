"""Reviewers' preview links: signed, expiring, revocable, never cached or indexed."""

from datetime import timedelta

import pytest
import time_machine
from django.core import signing
from django.utils import timezone

from articles.models import Article
from tests.admin_forms import change_url, form_data
from tests.factories import (
    KHMER_TITLE,
    ArticleFactory,
    BylineFactory,
    PhotoPlacementFactory,
)
from tests.factories.workflow import ShareLinkFactory
from workflow import share_links
from workflow.models import ShareLink

pytestmark = pytest.mark.django_db


def path_of(link):
    return share_links.url(link).removeprefix(share_links.settings.NEWSROOM_SITE_URL)


@pytest.mark.parametrize("extras", [1, 4])
def test_a_link_shows_the_saved_khmer_draft_to_anyone(
    client, django_assert_num_queries, warm_renditions, extras
):
    article = ArticleFactory()
    for number in range(extras):
        BylineFactory(article=article, position=number)
        PhotoPlacementFactory(article=article, position=number + 1)
    link = ShareLinkFactory(language="km", article=article)
    warm_renditions()
    # The link; the story with section and profile; bylines, placements,
    # renditions, pullquotes, tags, corrections; the onward links (related
    # stories, their photos, series) and the navigation (sections, series):
    # the provinces (elections' panel): the same for any story.
    # +1 (issue 10): the navigation's links to people, parties, results… (one query)
    with django_assert_num_queries(14):
        response = client.get(path_of(link))
    assert response.status_code == 200
    text = response.content.decode()
    assert KHMER_TITLE in text and '<html lang="km">' in text
    assert "ការមើលជាមុន" in text and "Preview:" not in text
    assert '<meta name="robots" content="noindex, nofollow">' in text
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    cache = response["Cache-Control"]
    assert "private" in cache and "no-store" in cache


def test_the_link_expires_after_the_setting_48_hours_by_default(client, editor):
    article = ArticleFactory()
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        link = share_links.create(article, "en", editor)
        assert link.expires_at == timezone.now() + timedelta(hours=48)
        traveller.shift(timedelta(hours=47, minutes=59))
        assert client.get(path_of(link)).status_code == 200
        traveller.shift(timedelta(minutes=2))
        expired = client.get(path_of(link))
    assert expired.status_code == 410
    assert "This preview link has expired." in expired.content.decode()
    assert "no-store" in expired["Cache-Control"]


def test_the_expiry_is_a_setting(settings, editor):
    settings.PREVIEW_LINK_HOURS = 2
    link = share_links.create(ArticleFactory(), "en", editor)
    assert link.expires_at - link.created_at < timedelta(hours=2, seconds=1)


def test_a_revoked_or_forged_link_is_refused_plainly(client, editor):
    link = ShareLinkFactory()
    share_links.revoke(link, editor)
    revoked = client.get(path_of(link))
    assert revoked.status_code == 410
    assert "withdrawn by the newsroom" in revoked.content.decode()
    forged = signing.Signer(salt="another salt").sign_object(link.pk)
    for token in (forged, "not-a-token", path_of(link).split("/")[2] + "x"):
        response = client.get(f"/preview/{token}/")
        assert response.status_code == 400
        assert "This preview link is not valid." in response.content.decode()
    missing = signing.Signer(salt=share_links.SALT).sign_object(10**9)
    assert client.get(f"/preview/{missing}/").status_code == 400


def test_the_change_form_makes_lists_and_revokes_links(editor_client):
    article = ArticleFactory()
    data = form_data(editor_client.get(change_url(article)))
    data.update(title_km="ចំណងជើងថ្មី", _share_link="create:km")
    response = editor_client.post(change_url(article), data, follow=True)
    link = ShareLink.objects.get(article=article)
    assert link.language == "km" and link.is_active()
    # The form was saved first: the link shows what the reviewer should see.
    assert Article.objects.get(pk=article.pk).title_km == "ចំណងជើងថ្មី"
    page = response.content.decode()
    assert share_links.url(link) in page
    assert f'name="_share_link" value="revoke:{link.pk}"' in page

    data = form_data(response)
    data["_share_link"] = f"revoke:{link.pk}"
    response = editor_client.post(change_url(article), data, follow=True)
    link.refresh_from_db()
    assert link.revoked_at is not None and link.revoked_by is not None
    assert share_links.url(link) not in response.content.decode()


def test_a_link_of_another_story_is_not_revoked_from_this_one(editor_client):
    article, other = ArticleFactory(), ShareLinkFactory()
    for value in (f"revoke:{other.pk}", "revoke:abc", "revoke:"):
        data = form_data(editor_client.get(change_url(article)))
        data["_share_link"] = value
        response = editor_client.post(change_url(article), data, follow=True)
        assert "This story has no such preview link." in response.content.decode()
    other.refresh_from_db()
    assert other.revoked_at is None
