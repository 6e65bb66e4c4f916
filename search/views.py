"""The reader search page: /<lang>/search/?q=…

Never a server error on what a reader types: the query parser drops what
is not a word, caps the length and says so; a filter value we do not offer
is a 400 with a plain message. A fixed number of queries per page.
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language, override
from django.views.decorators.http import require_safe

from articles.dates import format_date
from articles.languages import LANGUAGE_CODES, field_name, language_label, localized
from articles.models import Article
from people.models import Party, Person
from search import highlight, khmer
from search.engine import context_results, documents_of, reader_results
from search.forms import FilterForm
from search.labels import label
from search.models import SearchDocument
from search.query import MAX_QUERY_CHARS, parse

PAGE_SIZE = 10
Kind = SearchDocument.Kind
LATEST = 5


def result_items(documents, language, pattern):
    """What each result shows; the stories come in one query."""
    ids = [document.object_id for document in documents]
    stories = Article.objects.select_related("section").in_bulk(ids)
    items = []
    for document in documents:
        article = stories.get(document.object_id)
        if article is None:
            continue  # deleted between the two queries
        published_at = localized(article, "published_at", language)
        items.append(
            {
                "url": article.get_absolute_url(language),
                "title": highlight.marked(
                    khmer.clean(localized(article, "title", language)), pattern
                ),
                "section": localized(article.section, "name", language)
                or article.section.name_en,
                "date": format_date(published_at, language),
                "snippet": highlight.snippet(document.text, pattern),
            }
        )
    return items


def entry_items(hits, language, pattern):
    """People and parties found, for the box above the stories: two queries."""
    documents = documents_of(hits)
    models = {Kind.PERSON: Person, Kind.PARTY: Party}
    rows = {
        kind: model.objects.in_bulk([d.object_id for d in documents if d.kind == kind])
        for kind, model in models.items()
    }
    items = []
    for document in documents:
        entry = rows[document.kind].get(document.object_id)
        if entry is None or not entry.is_public_in(language):
            continue
        items.append(
            {
                "url": entry.get_absolute_url(language),
                "name": highlight.marked(
                    khmer.clean(localized(entry, "name", language)), pattern
                ),
                "kind": label(document.kind, language),
                "summary": localized(entry, "summary", language),
            }
        )
    return items


def page_url(request, number):
    params = request.GET.copy()
    params["page"] = number
    return "?" + params.urlencode()


def other_language_search(query, language):
    """A link to the same search in the language the query is written in."""
    wants = "km" if any(khmer.is_khmer(word) for word in query.words) else "en"
    if wants == language or wants not in LANGUAGE_CODES:
        return None
    with override(wants):
        url = reverse("search:results") + "?" + urlencode({"q": query.text})
    return {
        "url": url,
        "language": wants,
        "label": label(
            "other_language",
            language,
            other=language_label(wants, language),
            query=query.text,
        ),
    }


@require_safe
def search(request):
    language = (get_language() or "en")[:2]
    query = parse(request.GET.get("q", ""))
    form = FilterForm(request.GET, language)
    context = {
        "language": language,
        "query": query,
        "search_query_text": query.text,
        "form": form,
        "notices": [],
    }
    if query.shortened:
        context["notices"].append(label("shortened", language, limit=MAX_QUERY_CHARS))
    if not form.is_valid():  # the form shows which filter and why
        return render(request, "search/results.html", context, status=400)
    if query.empty:
        key = "no_words" if query.text else "empty"
        context["notices"].append(label(key, language, query=query.text))
        return render(request, "search/results.html", context)
    paginator = Paginator(reader_results(query, language, **form.filters()), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    context["page"] = page
    context["searched"] = True
    pattern = highlight.pattern_for(query)
    if page.number == 1:
        context["entries"] = entry_items(
            context_results(query, language), language, pattern
        )
    if paginator.count:
        documents = documents_of(list(page))
        context["results"] = result_items(documents, language, pattern)
        context["count"] = paginator.count
        if page.has_previous():
            context["previous_url"] = page_url(request, page.previous_page_number())
        if page.has_next():
            context["next_url"] = page_url(request, page.next_page_number())
    else:
        context["other_language"] = other_language_search(query, language)
        context["latest"] = (
            Article.objects.published(language)
            .select_related("section")
            .order_by(f"-{field_name('published_at', language)}", "-pk")[:LATEST]
        )
    return render(request, "search/results.html", context)
