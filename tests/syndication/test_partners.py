"""Partners and API keys: creation, use, revocation, limits, admin."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles.models import Section
from syndication import ratelimit
from syndication.models import Partner, PartnerKey
from syndication.partners import digest
from tests.factories import ArticleFactory, SectionFactory
from tests.syndication_support import bearer, make_partner

pytestmark = pytest.mark.django_db

KEY = re.compile(r"^nrk_[A-Za-z0-9_-]{40,}$", re.MULTILINE)


def create(*args):
    out = StringIO()
    call_command("create_partner", *args, stdout=out)
    return out.getvalue()


def test_create_partner_prints_the_key_once_and_stores_its_hash():
    SectionFactory()
    output = create("Kampuchea Post", "--languages", "km", "--sections", "feature")
    plain = KEY.search(output).group(0)
    partner = Partner.objects.get(name="Kampuchea Post")
    assert partner.languages == ["km"]
    assert [s.slug_en for s in partner.sections.all()] == ["feature"]
    key = partner.keys.get()
    assert key.digest == digest(plain) and key.digest != plain
    assert plain not in str(PartnerKey.objects.values_list())
    assert plain.startswith(key.prefix)


def test_a_key_opens_the_full_feed_by_header_or_query(client):
    ArticleFactory(published=True)
    _partner, plain = make_partner()
    by_header = client.get("/en/feed.json", **bearer(plain)).json()
    assert "content_html" in by_header["items"][0]
    by_query = client.get("/en/feed.json", {"key": plain}).json()
    assert "content_html" in by_query["items"][0]
    assert PartnerKey.objects.get().last_used_at is not None


def test_next_url_never_carries_the_key_however_it_was_given(client):
    """Issue 9 item 10: the partner presents its key again on the next page."""
    for _ in range(2):
        ArticleFactory(published=True)
    _partner, plain = make_partner()
    data = client.get("/en/feed.json", {"key": plain, "limit": "1"}).json()
    assert "key=" not in data["next_url"] and plain not in data["next_url"]
    headers_only = client.get("/en/feed.json", {"limit": "1"}, **bearer(plain)).json()
    assert "key=" not in headers_only["next_url"]


@pytest.mark.parametrize(
    "credentials",
    [
        {"HTTP_AUTHORIZATION": "Bearer nrk_not-a-real-key"},
        {"HTTP_AUTHORIZATION": "Basic dXNlcjpwYXNz"},
        {"HTTP_AUTHORIZATION": "Bearer "},
    ],
)
def test_bad_keys_get_401_json_and_no_data(client, credentials):
    ArticleFactory(published=True, title_en="Secret scoop")
    response = client.get("/en/feed.json", **credentials)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"error": "The API key is missing, invalid or revoked."}
    assert b"Secret scoop" not in response.content
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_empty_query_key_is_refused(client):
    assert client.get("/en/feed.json", {"key": ""}).status_code == 401


def test_revoked_key_and_inactive_partner_get_401(client):
    ArticleFactory(published=True)
    partner, plain = make_partner()
    assert client.get("/en/feed.json", **bearer(plain)).status_code == 200
    out = StringIO()
    call_command("revoke_partner_key", PartnerKey.objects.get().prefix, stdout=out)
    assert "Revoked key" in out.getvalue()
    assert client.get("/en/feed.json", **bearer(plain)).status_code == 401
    with pytest.raises(CommandError, match="already revoked"):
        call_command("revoke_partner_key", plain)

    _other, second = make_partner("Second")
    Partner.objects.filter(name="Second").update(is_active=False)
    assert client.get("/en/feed.json", **bearer(second)).status_code == 401


def test_revoke_by_whole_key():
    _partner, plain = make_partner()
    call_command("revoke_partner_key", plain, stdout=StringIO())
    assert PartnerKey.objects.get().revoked_at is not None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Bad", "--languages", "fr"], "Unknown language fr"),
        (["Bad", "--sections", "sport"], "No section with the slug sport"),
        (["  "], "Give the partner a name"),
    ],
)
def test_create_partner_refuses_mistakes_and_writes_nothing(args, message):
    with pytest.raises(CommandError, match=message):
        create(*args)
    assert not Partner.objects.exists() and not PartnerKey.objects.exists()


def test_duplicate_partner_is_refused():
    make_partner("Twice")
    with pytest.raises(CommandError, match="already exists"):
        create("Twice")


def test_revoke_unknown_key_is_a_command_error():
    with pytest.raises(CommandError, match="No key matches"):
        call_command("revoke_partner_key", "nrk_nothing")


def test_rate_limit_answers_429_with_retry_after(client, settings):
    settings.SYNDICATION_RATE_LIMIT = (3, 60)
    ArticleFactory(published=True)
    _partner, plain = make_partner()
    _other, other = make_partner("Other")
    statuses = [
        client.get("/en/feed.json", **bearer(plain)).status_code for _ in range(3)
    ]
    assert statuses == [200, 200, 200]
    refused = client.get("/en/feed.json", **bearer(plain))
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert "error" in refused.json()
    # Another key has its own budget; the anonymous feed is not key-limited.
    assert client.get("/en/feed.json", **bearer(other)).status_code == 200
    assert client.get("/en/feed.json").status_code == 200


def test_rate_limit_window_resets():
    limit = ratelimit.limit()
    start = 1_000_000 * limit[1]
    for _ in range(limit[0]):
        assert ratelimit.hit("k", now=start).allowed
    verdict = ratelimit.hit("k", now=start + 10)
    assert not verdict.allowed and verdict.retry_after == limit[1] - 10
    assert ratelimit.hit("k", now=start + limit[1]).allowed


def test_admin_shows_a_new_key_once(editor_client):
    section = Section.objects.get(slug_en="feature")  # a standard section
    response = editor_client.post(
        reverse("admin:syndication_partner_add"),
        {
            "name": "Admin Partner",
            "contact": "desk@example.org",
            "languages": ["en"],
            "sections": [section.pk],
            "is_active": "on",
            "keys-TOTAL_FORMS": "0",
            "keys-INITIAL_FORMS": "0",
        },
        follow=True,
    )
    assert response.status_code == 200
    partner = Partner.objects.get(name="Admin Partner")
    assert partner.languages == ["en"]
    shown = [str(m) for m in response.context["messages"] if "nrk_" in str(m)]
    assert len(shown) == 1
    key_text = re.search(r"nrk_[A-Za-z0-9_-]+", shown[0]).group(0)
    assert partner.keys.get().digest == digest(key_text)
    page = editor_client.get(
        reverse("admin:syndication_partner_change", args=[partner.pk])
    )
    assert key_text not in page.content.decode()


def test_admin_revoke_action(editor_client):
    partner, _plain = make_partner()
    key = PartnerKey.objects.get()
    for url in (
        reverse("admin:syndication_partner_changelist"),
        reverse("admin:syndication_partner_change", args=[partner.pk]),
        reverse("admin:syndication_partnerkey_changelist"),
    ):
        assert editor_client.get(url).status_code == 200
    editor_client.post(
        reverse("admin:syndication_partnerkey_changelist"),
        {"action": "revoke", "_selected_action": [key.pk]},
    )
    key.refresh_from_db()
    assert key.revoked_at is not None


def test_admin_issues_another_key(editor_client):
    partner, first = make_partner()
    response = editor_client.post(
        reverse("admin:syndication_partner_changelist"),
        {"action": "issue_new_key", "_selected_action": [partner.pk]},
        follow=True,
    )
    shown = [str(m) for m in response.context["messages"] if "nrk_" in str(m)]
    second = re.search(r"nrk_[A-Za-z0-9_-]+", shown[0]).group(0)
    assert second != first
    assert partner.keys.count() == 2
    assert partner.keys.filter(digest=digest(second)).exists()
