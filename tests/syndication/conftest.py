import pytest

from tests.syndication_support import clear_cache, make_partner


@pytest.fixture(autouse=True)
def _fresh_cache():
    clear_cache()


@pytest.fixture
def key():
    return make_partner()[1]
