"""Template context for the outlet's names and labels in the active language."""

from django.conf import settings
from django.utils.translation import get_language


def outlet(request):
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    conf = settings.NEWSROOM
    return {
        "outlet_name": conf["OUTLET_NAME"].get(language, conf["OUTLET_NAME"]["en"]),
        "site_title": conf["SITE_TITLE"].get(language, conf["SITE_TITLE"]["en"]),
    }
