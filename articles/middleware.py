"""Cached public pages served before CSP, sessions, auth, CSRF and routing.

Sits right after SecurityMiddleware (its HTTPS redirect and headers apply to
every answer). A GET or HEAD without a session cookie cannot be a signed-in
user's: it gets the cached page for its address when there is a current one
(one cache read for version and page together). Whatever else passes
through, and pages `cache_public_page` marked cacheable are stored on the way
back with the headers the inner middleware gave them (CSP among them: the
policy has no per-request nonce). Static files and uploads are never looked up.
"""

from django.conf import settings

from articles import page_cache

FILES = (settings.STATIC_URL, settings.MEDIA_URL)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.may_serve(request):
            _version, page = page_cache.lookup(request)
            if page is not None:
                return page_cache.respond(request, page)
        response = self.get_response(request)
        if page_cache.page_cache_on():
            page_cache.store(request, response)
        return response

    @staticmethod
    def may_serve(request):
        return (
            page_cache.page_cache_on()
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path_info.startswith(FILES)
        )
