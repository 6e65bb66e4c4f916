"""The library as a grid of thumbnails or Django's list; each editor's choice sticks."""

from django.contrib.admin.options import IS_POPUP_VAR
from django.http import HttpResponseRedirect

VIEW_SESSION_KEY = "media_assets.library_view"


def remember_choice(request):
    """?view=grid or ?view=list: stored in the session, then the same list again."""
    if request.GET.get("view") not in ("grid", "list"):
        return None
    request.session[VIEW_SESSION_KEY] = request.GET["view"]
    query = request.GET.copy()
    del query["view"]
    return HttpResponseRedirect(f"{request.path}?{query.urlencode()}")


def context(request):
    """The change list template's switch; the photo picker (a popup) is a grid."""
    view = request.session.get(VIEW_SESSION_KEY, "grid")
    return {"library_view": view, "grid": view == "grid" or IS_POPUP_VAR in request.GET}
