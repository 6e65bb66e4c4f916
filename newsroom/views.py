"""Project-level views that belong to no app."""

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve


@never_cache
@require_safe
def healthz(request):
    """Liveness plus database reachability, for load balancers and compose."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def serve_media(request, path):
    """Uploads for the embedded setup (SERVE_MEDIA), which has no web server.

    MEDIA_ROOT is read per request, not when the URLconf loads, so a changed
    setting (tests, the live server of the browser tests) serves its own folder.
    """
    return serve(request, path, document_root=settings.MEDIA_ROOT)
