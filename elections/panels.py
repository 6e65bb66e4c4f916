"""The locator's "by the numbers" table, as a page panel on story pages.

A story whose location or map pin names a province gets that province's
figures; the data-map story gets every province's. One query (the provinces)
on every story page, located or not, so all story pages cost the same.
"""

from articles.languages import localized
from articles.panels import Panel
from elections.figures import TABLE_FIGURES, figure_rows
from elections.labels import label, labels_for
from elections.locations import province_of
from elections.models import Province

# The archive's data-map story ("Data map: Cambodia's urban-rural divide…").
DATA_MAP_SLUG_PREFIX = "data-map"


def is_data_map(article):
    return article.slug.startswith(DATA_MAP_SLUG_PREFIX)


def by_the_numbers(article, language):
    context = {"labels": labels_for(language), "language": language}
    if is_data_map(article):
        provinces = [p for p in Province.objects.all() if p.figures]
        context["table"] = {
            "headers": [label(f.key, language) for f in TABLE_FIGURES],
            "rows": [
                {
                    "province": province,
                    "name": localized(province, "name", language, fallback=True),
                    "url": province.get_absolute_url(language),
                    "cells": [
                        f.shown(province.figures, language) for f in TABLE_FIGURES
                    ],
                }
                for province in provinces
            ],
        }
        return context
    province = province_of(article, list(Province.objects.all()))
    if province is not None:
        context.update(
            province=province,
            name=localized(province, "name", language, fallback=True),
            url=province.get_absolute_url(language),
            rows=figure_rows(province, language),
        )
    return context


# The panel's styles, in the page's head (no query).
STYLESHEET = Panel(
    name="elections.stylesheet",
    slot="head",
    template="elections/stylesheet.html",
    context=lambda article, language: {},
)
BY_THE_NUMBERS = Panel(
    name="elections.by_the_numbers",
    slot="after_body",
    template="elections/by_the_numbers.html",
    context=by_the_numbers,
)
