from csp.constants import NONE
from csp.decorators import csp
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from articles.legacy import legacy_redirect
from newsroom.views import healthz, serve_media
from syndication.sitemaps import sitemap_urlpatterns

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("", RedirectView.as_view(url="/en/", permanent=False)),
    # Jekyll archive permalinks (/:categories/:title.html, language folder first).
    re_path(r"^(?P<path>(?:english|khmer)/.+\.html)$", legacy_redirect, name="legacy"),
    *sitemap_urlpatterns,
]
urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("", include("syndication.urls")),
    path("", include("people.urls")),
    path("", include("articles.urls")),
    prefix_default_language=True,
)
if settings.SERVE_MEDIA:
    # The embedded setup has no separate web server for uploads. An upload is
    # never a page: whatever it holds, its policy lets nothing load or run.
    media_policy = csp({"default-src": [NONE], "sandbox": True})
    urlpatterns += [
        re_path(
            r"^{}(?P<path>.*)$".format(settings.MEDIA_URL.lstrip("/")),
            media_policy(serve_media),
        )
    ]
