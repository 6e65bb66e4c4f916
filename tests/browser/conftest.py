"""Browser tests: Playwright drives Debian's Chromium against pytest-django's
live server.

Nothing here downloads a browser (never `playwright install`): the system's
/usr/bin/chromium is launched directly. Without it the tests skip with the
reason, except in CI (`CI=true`), where they fail: `make test` installs it there
(`make browser-deps`).
"""

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--no-first-run",
    "--disable-component-update",
]
# Long enough for a cold page on the shared 2-core machine, short enough that a
# broken page fails in seconds rather than hanging the suite.
TIMEOUT_MS = 10_000
PASSWORD = "a browser test password"
# The faces of the "Newsroom Khmer" @font-face rules (static/newsroom/
# khmer_font.css, linked by the public pages and the admin) and their states.
KHMER_FACES = """async () => {
  await document.fonts.ready;
  return [...document.fonts]
    .filter(face => face.family.replace(/["']/g, "") === "Newsroom Khmer")
    .map(face => face.status);
}"""


def _unavailable(reason):
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI runs the browser tests, but {reason}.", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason}")


@pytest.fixture(scope="package")
def chromium(django_db_setup):
    """One headless Chromium for all browser tests.

    While Playwright's sync API is started it leaves an asyncio loop marked as
    running on this thread. Django then takes the thread for async code: its
    async-safety guard refuses ORM calls, and asgiref hands the thread a second
    set of database connections (without the test database's serialized
    contents, and not the in-memory SQLite connection the live server shares).
    So the fixture gives the thread back its own connections and lifts the
    guard (the ORM calls here are ordinary synchronous code), and it has package
    scope rather than session scope so that none of this outlives the browser
    tests. They are all transactional, which pytest-django runs last, one after
    the other: one launch per run.
    """
    if not CHROMIUM.exists():
        _unavailable(f"Chromium is not installed at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed (pip install -e '.[dev]')")
    from django.db import connections

    own = {alias: connections[alias] for alias in connections}
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        for alias, connection in own.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@dataclass
class Visitor:
    """One browser context (its own cookies) with one page, and what went wrong.

    `errors` collects uncaught script errors; `blocked` what the site's
    Content-Security-Policy refused (Chromium reports each on the console);
    `foreign` every request to a host other than the live server (they are also
    aborted, so a test never reaches the network).
    """

    page: object
    base_url: str
    errors: list = field(default_factory=list)
    blocked: list = field(default_factory=list)
    foreign: list = field(default_factory=list)

    def is_foreign(self, url):
        parts = urlsplit(url)
        if parts.scheme in {"data", "blob", "about"}:
            return False
        return parts.netloc != urlsplit(self.base_url).netloc

    def record(self, request):
        if self.is_foreign(request.url):
            self.foreign.append(request.url)

    def console(self, message):
        if "Content Security Policy" in message.text:
            self.blocked.append(message.text)

    def login(self, username):
        self.page.goto("/admin/login/?next=/admin/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", PASSWORD)
        self.page.click("input[type=submit]")
        self.page.wait_for_url("**/admin/")

    def assert_clean(self):
        assert self.errors == [], f"script errors: {self.errors}"
        assert self.blocked == [], f"refused by the CSP: {self.blocked}"
        assert self.foreign == [], f"requests outside the site: {self.foreign}"


@pytest.fixture
def visitor(chromium, live_server):
    """visitor() → a fresh Visitor; its context closes after the test."""
    contexts = []

    def make():
        context = chromium.new_context(base_url=live_server.url, locale="en-US")
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        seen = Visitor(page=context.new_page(), base_url=live_server.url)
        context.on("request", seen.record)
        context.route(seen.is_foreign, lambda route: route.abort())
        seen.page.on("pageerror", lambda error: seen.errors.append(str(error)))
        seen.page.on("console", seen.console)
        return seen

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def make_editor(django_user_model, settings):
    """make_editor("sokha", "Sokha", "Chea") → a user in the Editor role who can
    log in with PASSWORD."""
    from django.contrib.auth.models import Group

    # Hashing cost is not what these tests measure.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

    def make(username, first_name="", last_name=""):
        user = django_user_model.objects.create_user(
            username,
            password=PASSWORD,
            first_name=first_name,
            last_name=last_name,
            is_staff=True,
        )
        user.groups.add(Group.objects.get(name="Editor"))
        return user

    return make
