"""Old archive addresses (/english/feature/x.html) answer 301 to the story's URL.

Outside i18n_patterns: the language is the archive's folder name. Only a
published language version redirects; anything else is a plain 404. A post
that became no story (a biography imported as a person, a quote as a card)
redirects to the address its import handler recorded (ImportedPost.redirect_to).
"""

from django.http import Http404, HttpResponsePermanentRedirect
from django.views.decorators.http import require_safe

from articles.models import ImportedPost


@require_safe
def legacy_redirect(request, path):
    imported = (
        ImportedPost.objects.filter(legacy_path="/" + path)
        .select_related("article__section")
        .first()
    )
    if imported is not None and imported.redirect_to:
        return HttpResponsePermanentRedirect(imported.redirect_to)
    if (
        imported is None
        or imported.article is None
        or not imported.article.is_published_in(imported.language)
    ):
        raise Http404("No published story at this old address.")
    return HttpResponsePermanentRedirect(
        imported.article.get_absolute_url(imported.language)
    )
