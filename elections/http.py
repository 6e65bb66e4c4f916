"""Validators for the results pages: a strong ETag from the body, 304 on a match."""

import hashlib
from functools import wraps

from django.utils.cache import get_conditional_response


def body_etag(body):
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def conditional(response, request):
    """`response` with its ETag, or a 304 when the client has that version."""
    if response.status_code != 200 or response.streaming:
        return response
    etag = body_etag(response.content)
    response["ETag"] = etag
    return get_conditional_response(request, etag=etag, response=response)


def with_etag(view):
    """Outside cache_public_page, so a cached copy answers 304s too."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return conditional(view(request, *args, **kwargs), request)

    return wrapper
