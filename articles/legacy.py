"""Old archive addresses answer 301: stories (/english/feature/x.html) and indexes.

Outside i18n_patterns: the language is the archive's folder name. Only a
published language version redirects; anything else is a plain 404. A post
that became no story (a biography imported as a person, a quote as a card)
redirects to the address its import handler recorded (ImportedPost.redirect_to).
"""

from django.http import Http404, HttpResponsePermanentRedirect
from django.views.decorators.http import require_safe

from articles.labels import front_page_url
from articles.models import ImportedPost, Section


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


ARCHIVE_FOLDERS = {"english": "en", "khmer": "km"}


@require_safe
def legacy_index_redirect(request, folder, path=""):
    """/english/feature/, /english/profile/voter/, /khmer/video/: 301 to the new page.

    The archive's index of a category is the section of that name: the last
    category first (profile/voter is the voter section), then the ones before
    it; the language folder alone is the front page.
    """
    language = ARCHIVE_FOLDERS[folder]
    categories = [part for part in path.split("/") if part]
    if not categories:
        return HttpResponsePermanentRedirect(front_page_url(language))
    for category in reversed(categories):
        section = Section.objects.filter(slug_en=category).first()
        if section is not None:
            return HttpResponsePermanentRedirect(section.get_absolute_url(language))
    raise Http404("No section for this old index address.")
