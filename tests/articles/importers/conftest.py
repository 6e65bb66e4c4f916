import pytest

from articles.importers.jekyll import import_site
from tests.articles.importers.small_site import (
    BROKEN,
    GOOD_EN,
    GOOD_KM,
    OTHER_EN,
    write,
)
from tests.factories import image_bytes


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    write(root / "english/_posts/2018-01-01-good-story.md", GOOD_EN)
    write(root / "khmer/_posts/2018-01-03-good-story.md", GOOD_KM)
    write(root / "english/_posts/2018-01-02-other.md", OTHER_EN)
    (root / "img/animals").mkdir(parents=True)
    (root / "img/animals/cow.jpg").write_bytes(image_bytes())
    return root


@pytest.fixture
def broken_site(site):
    for name, text in BROKEN.items():
        write(site / "english/_posts" / name, text)
    return site


@pytest.fixture
def imported(voa_fixtures):
    report = import_site(voa_fixtures)
    assert report.ok, report.failures
    return report
