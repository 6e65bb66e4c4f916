"""Cached public pages served before sessions, auth, CSRF and URL routing.

Sits right after the security, CSP and static-file middleware, so those
still dress every answer. A GET or HEAD without a session cookie cannot be a
signed-in user's: it gets the cached page for its address when there is a
current one (one cache read for version and page together). Whatever else
passes through, and pages `cache_public_page` marked cacheable on the way
back are stored with the headers the inner middleware gave them.
"""

from django.conf import settings

from articles import page_cache


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
        )
