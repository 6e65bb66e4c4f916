"""Fixtures of the translator inline tests: a story with every kind of inline."""

import pytest

from tests.factories import (
    ArticleFactory,
    BylineFactory,
    PhotoPlacementFactory,
    PullquoteFactory,
)
from tests.factories.articles import PersonProfileFactory
from tests.workflow.inline_support import translator_for


@pytest.fixture
def story():
    article = ArticleFactory()
    BylineFactory(article=article, position=1)
    PhotoPlacementFactory(
        article=article, position=1, caption_en="Voters queue", caption_km="ចាស់"
    )
    PhotoPlacementFactory(article=article, position=2, caption_en="Ballot box")
    PullquoteFactory(article=article, position=1, attribution_en="Sun Narin")
    PersonProfileFactory(
        article=article, persona_en="Voter", name_en="Sok", name_km="សុខ", age=40
    )
    return article


@pytest.fixture
def khmer_translator(make_user, story):
    return translator_for(make_user, story, "km")
