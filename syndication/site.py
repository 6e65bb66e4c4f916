"""The site's public address, the base of every absolute URL syndication writes.

It comes from settings.NEWSROOM_SITE_URL, never from a request: a Host header
would otherwise end up in cached pages, shared proxies and partners' copies.
"""

from django.conf import settings


def site_url():
    """'https://host/' (with the trailing slash urljoin expects)."""
    return settings.NEWSROOM_SITE_URL + "/"
