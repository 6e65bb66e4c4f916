"""Project-level views that belong to no app."""

from pathlib import PurePosixPath

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import Http404, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve

from media_assets.naming import MEDIA_TYPES


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

    Only image files are served, each as the image type its extension names
    (stored files are named by their detected format) and never sniffed: a
    file such as an old `poly.html` upload answers 404, not HTML. MEDIA_ROOT is
    read per request, not when the URLconf loads, so a changed setting (tests,
    the live server of the browser tests) serves its own folder.
    """
    media_type = MEDIA_TYPES.get(PurePosixPath(path).suffix.lower())
    if media_type is None:
        raise Http404("Only photo files are served here.")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    if response.status_code == 200:
        response["Content-Type"] = media_type
    response["X-Content-Type-Options"] = "nosniff"
    return response
