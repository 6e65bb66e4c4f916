"""Share links as plain links: no third-party script, nothing loads until clicked."""

from urllib.parse import quote, urlencode

from django.conf import settings

from articles.labels import labels
from articles.languages import localized


def share_links(article, language):
    """The story's address on each service; the copy button's JS is a static file."""
    url = settings.NEWSROOM_SITE_URL + article.get_absolute_url(language)
    title = localized(article, "title", language) or ""
    return {
        "language": language,
        "labels": labels(language),
        "url": url,
        "services": [
            (
                "facebook",
                "Facebook",
                "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
            ),
            (
                "x",
                "X",
                "https://x.com/intent/post?" + urlencode({"url": url, "text": title}),
            ),
            (
                "telegram",
                "Telegram",
                "https://t.me/share/url?" + urlencode({"url": url, "text": title}),
            ),
            (
                "line",
                "LINE",
                "https://social-plugins.line.me/lineit/share?"
                + urlencode({"url": url}),
            ),
            ("email", None, f"mailto:?subject={quote(title)}&body={quote(url)}"),
        ],
    }
