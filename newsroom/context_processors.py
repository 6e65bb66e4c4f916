"""Template context for the outlet's names and labels in the active language."""

from articles.languages import current_language, outlet_name, site_title


def outlet(request):
    language = current_language()
    return {"outlet_name": outlet_name(language), "site_title": site_title(language)}
