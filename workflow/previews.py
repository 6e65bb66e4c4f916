"""Previews: a story's reader page, as saved or as an open change form holds it.

Both are built by the code that builds the public page
(articles.presentation.article_page_context and the story's layout template,
articles.story_pages.story_template, through workflow/preview/article.html,
which adds the preview banner and `noindex`). The page's head panels
(canonical address, Open Graph, JSON-LD) are left out: a preview is
nobody's canonical page and must not be shared as one. Nothing here
caches: the views send `Cache-Control: private, no-store`.
"""

from django.conf import settings
from django.db import DatabaseError, transaction
from django.forms.formsets import all_valid
from django.template.loader import render_to_string, select_template
from django.utils.cache import patch_cache_control
from django.utils.translation import override

from articles.languages import per_language
from articles.models import Article
from articles.panels import PANELS
from articles.presentation import article_page_context
from articles.story_pages import story_extras, story_template

TEMPLATE = "workflow/preview/article.html"


class PreviewRefused(Exception):
    """The form cannot make a story (a field error); `errors` says why."""

    def __init__(self, errors):
        super().__init__("; ".join(errors))
        self.errors = errors


def never_stored(response):
    """No cache (browser, proxy, ours) keeps it; no search engine lists it."""
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _after_body_panels(article, language):
    """What the apps above articles add under the body (corrections…)."""
    return [
        render_to_string(panel.template, panel.context(article, language))
        for panel in PANELS.values()
        if panel.slot == "after_body"
    ]


def render_page(article, language, request=None):
    """The reader's page of `language`, for a story prefetched by for_page()."""
    context = article_page_context(article, language)
    context.update(story_extras(article, language, context["body"]))
    context.update(
        page_template=select_template(story_template(article.layout)),
        translations=[],
        panels={"head": [], "after_body": _after_body_panels(article, language)},
        preview_banner=per_language(settings.NEWSROOM["PREVIEW_BANNER"], language),
    )
    with override(language):
        return render_to_string(TEMPLATE, context, request=request)


def saved_pages(article_pk, languages, request=None):
    article = Article.objects.for_page().get(pk=article_pk)
    return {code: render_page(article, code, request) for code in languages}


def _form_errors(form, formsets):
    errors = [
        f"{form.fields[name].label if name in form.fields else 'Form'}: {message}"
        for name, messages in form.errors.items()
        for message in messages
    ]
    for formset in formsets:
        errors += [str(message) for message in formset.non_form_errors()]
        errors += [
            f"{formset.model._meta.verbose_name}: {message}"
            for row in formset.errors
            for messages in row.values()
            for message in messages
        ]
    return errors


def unsaved_pages(model_admin, request, article, languages):
    """Each language's page as the POSTed change form would make it.

    The admin's own form and inline formsets (with the user's read-only
    fields) are validated and written inside a transaction that is always
    rolled back, so photos, pullquotes, tags and the rendered body come out
    exactly as a save would make them, and nothing is kept or announced
    (story_changed is sent on commit only). The form is previewed against the
    story's current version: a conflict is the save's business, not the
    preview's.
    """
    data = request.POST.copy()
    data["edit_version"] = str(article.version)
    try:
        with transaction.atomic():
            form = model_admin.get_form(request, article, change=True)(
                data, request.FILES, instance=article
            )
            formsets, _ = model_admin._create_formsets(request, article, change=True)
            valid = form.is_valid()
            if not all_valid(formsets) or not valid:
                raise PreviewRefused(_form_errors(form, formsets))
            story = form.save(commit=False)
            story.save()
            form.save_m2m()
            for formset in formsets:
                formset.save()
            pages = saved_pages(article.pk, languages, request)
            transaction.set_rollback(True)
    except DatabaseError as error:
        raise PreviewRefused([f"The story could not be built: {error}"]) from error
    return pages
