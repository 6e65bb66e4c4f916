"""The one public page of the workflow: a reviewer's preview link.

Never cached anywhere (`Cache-Control: private, no-store`, and not through
articles.page_cache), never indexed (`X-Robots-Tag` and meta robots).
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from workflow import previews, share_links


@require_safe
def shared_preview(request, token):
    try:
        link = share_links.resolve(token)
    except share_links.LinkUnusable as refusal:
        response = render(
            request,
            "workflow/preview/unusable.html",
            {"message": str(refusal)},
            status=refusal.status,
        )
    else:
        pages = previews.saved_pages(link.article_id, [link.language], request)
        response = HttpResponse(pages[link.language])
    return previews.never_stored(response)
