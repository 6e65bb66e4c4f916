"""The translation desk: one row per story and language, filtered and paged in SQL.

Rows are (story, language) pairs, newest edit first, languages in
LANGUAGE_CODES order. Each filter is a per-language condition (Q objects); the
languages' queries are joined with UNION ALL, so the database counts and
slices the rows and only the page's stories are loaded.
"""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q, Subquery, Value
from django.template.response import TemplateResponse

from articles.languages import LANGUAGE_CODES, LANGUAGE_NAMES, field_name, localized
from articles.models import Status
from workflow import outdated
from workflow.models import Assignment, Revision

PER_PAGE = 100


def row_condition(language, params, user):
    """The desk's filters for the rows of one language."""
    condition = Q()
    if params.get("status"):
        condition &= Q(**{field_name("status", language): params["status"]})
    if params.get("out_of_date") == "1":
        condition &= outdated.out_of_date(language)
    translators = Assignment.objects.filter(
        article=OuterRef("pk"), role=Assignment.Role.TRANSLATOR, language=language
    )
    if params.get("assignee") == "me":
        condition &= Exists(translators.filter(user=user))
    elif params.get("assignee") == "none":
        condition &= ~Exists(translators)
    return condition


def row_keys(stories, languages, params, user):
    """(updated_at, story id, language index) of every matching row, in order."""
    stories = stories.prefetch_related(None).order_by()
    parts = [
        stories.filter(row_condition(code, params, user))
        .annotate(desk_language=Value(LANGUAGE_CODES.index(code)))
        .values_list("updated_at", "pk", "desk_language")
        for code in languages
    ]
    if not parts:
        return stories.none().values_list("updated_at", "pk")
    keys = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return keys.order_by("-updated_at", "-pk", "desk_language")


class DeskPaginator(Paginator):
    """Pages of row keys from SQL; each page loads its stories and builds rows."""

    def __init__(self, keys, stories):
        super().__init__(keys, PER_PAGE)
        self.stories = stories

    def _get_page(self, keys, number, paginator):
        return super()._get_page(desk_rows(self.stories, keys), number, paginator)


def desk_rows(stories, keys):
    keys = list(keys)
    last = Revision.objects.filter(article=OuterRef("pk")).order_by("-version")
    loaded = (
        stories.filter(pk__in={pk for _, pk, _ in keys})
        .prefetch_related("assignments__user", "translation_bases")
        .annotate(
            last_edit_at=Subquery(last.values("created_at")[:1]),
            last_edit_by=Subquery(last.values("author__username")[:1]),
        )
        .in_bulk()
    )
    return [desk_row(loaded[pk], LANGUAGE_CODES[index]) for _, pk, index in keys]


def desk_row(article, language):
    translators = [
        a.user
        for a in article.assignments.all()
        if a.role == Assignment.Role.TRANSLATOR and a.language == language
    ]
    return {
        "article": article,
        "language": language,
        "language_name": LANGUAGE_NAMES[language],
        "status": localized(article, "status", language),
        "status_label": Status(localized(article, "status", language)).label,
        "out_of_date": outdated.changed_since_translation(article, language),
        "assignees": translators,
        "last_edit_at": article.last_edit_at or article.updated_at,
        "last_edit_by": article.last_edit_by or "",
    }


def desk(model_admin, request):
    """Stories × languages: state, out-of-date fields, assignee, last edit."""
    if not model_admin.has_view_or_change_permission(request):
        raise PermissionDenied
    params = request.GET
    languages = [c for c in LANGUAGE_CODES if params.get("language") in (None, "", c)]
    stories = model_admin.model._default_manager.all()
    visible = model_admin.get_queryset(request)
    if params.get("q"):
        titled = Q(pk__in=[])
        for code in LANGUAGE_CODES:
            titled |= Q(**{f"{field_name('title', code)}__icontains": params["q"]})
        visible = visible.filter(titled)
    keys = row_keys(visible, languages, params, request.user)
    page = DeskPaginator(keys, stories).get_page(params.get("page"))
    return TemplateResponse(
        request,
        "workflow/admin/desk.html",
        {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.opts,
            "title": "Translation desk",
            "page": page,
            "languages": [(c, LANGUAGE_NAMES[c]) for c in LANGUAGE_CODES],
            "statuses": Status.choices,
            "params": params,
        },
    )
