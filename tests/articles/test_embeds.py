"""Links leaving an embed: web links and site paths, read as a browser reads them."""

import pytest
from bs4 import BeautifulSoup

from articles.embeds import render_editors_note, safe_link


@pytest.mark.parametrize(
    ("link", "kept"),
    [
        # kept: this site's paths and web links
        ("/en/politics/story/", "/en/politics/story/"),
        ("/en/story/?a=1#part", "/en/story/?a=1#part"),
        (
            "https://www.voacambodia.com/a/x.html",
            "https://www.voacambodia.com/a/x.html",
        ),
        ("HTTP://EXAMPLE.ORG/", "HTTP://EXAMPLE.ORG/"),
        ("  /en/story/ \n", "/en/story/"),
        # a browser does not decode %5C or %2F into a slash: a path on this site
        ("/%5Cevil.example/x", "/%5Cevil.example/x"),
        ("/%2F%2Fevil.example/x", "/%2F%2Fevil.example/x"),
        # another host, by slashes or backslashes (a backslash is a slash)
        ("//evil.example/x", ""),
        ("/\\evil.example/x", ""),
        ("\\\\evil.example/x", ""),
        ("\\/evil.example/x", ""),
        ("///evil.example/x", ""),
        ("/\t/evil.example/x", ""),
        ("/\n/evil.example/x", ""),
        (" \x01//evil.example/x", ""),
        # other schemes, also split by what a browser removes
        ("javascript:alert(1)", ""),
        ("java\nscript:alert(1)", ""),
        ("java\tscript:alert(1)", ""),
        ("\x00javascript:alert(1)", ""),
        (" JavaScript:alert(1)", ""),
        ("data:text/html,<script>alert(1)</script>", ""),
        ("vbscript:msgbox(1)", ""),
        ("mailto:desk@example.org", ""),
        # web schemes without a host
        ("http:///evil.example", ""),
        ("https:/\\evil.example", ""),
        ("https:evil.example", ""),
        # control characters inside, relative paths, nothing
        ("/en/\x00story/", ""),
        ("story/", ""),
        ("#top", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_safe_link(link, kept):
    assert safe_link(link) == kept


def test_an_editors_note_with_a_backslash_link_has_no_link():
    html = render_editors_note(
        "editors-note", {"hedline": "Note", "link": "/\\evil.example/x"}, None
    )
    note = BeautifulSoup(html, "html.parser")
    assert note.find("a") is None
    assert note.find("h2").get_text() == "Note"


@pytest.mark.parametrize(
    ("link", "kept"),
    [
        ("/english/hun-sen/", "/english/hun-sen/"),
        (
            "https://www.voacambodia.com/a/x.html",
            "https://www.voacambodia.com/a/x.html",
        ),
        ("javascript:alert(1)", ""),
        ("//evil.example/x", ""),
        ("", ""),
    ],
)
def test_editors_note_links_are_web_or_site_relative(link, kept):
    assert safe_link(link) == kept
