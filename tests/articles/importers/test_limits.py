"""The importer's input limits: no YAML alias expansion, no oversized files."""

import tracemalloc

import pytest

from articles.importers.jekyll import PostError, SiteError, import_site, limits
from articles.importers.jekyll.frontmatter import split_post
from articles.models import Article

# "Billion laughs": nine levels of nine aliases, 9**9 strings once expanded.
LEVELS = "abcdefghi"
ALIAS_BOMB = "---\nlol: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
    for previous, name in zip(LEVELS, LEVELS[1:], strict=False)
)
ALIAS_BOMB += f"title: *{LEVELS[-1]}\n---\nBody.\n"
PLAIN = "---\ntitle: {title}\ndate: 2018-01-0{day}\ncategories: feature\n---\n{body}\n"


def write_post(site, name, text):
    path = site / "english/_posts" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def no_construction(monkeypatch):
    """Constructing Python values from a refused document would be the bug."""

    def construct(self, node):
        raise AssertionError("the alias document reached the constructor")

    monkeypatch.setattr(limits.NoAliasLoader, "construct_document", construct)


def test_an_alias_bomb_is_refused_before_anything_is_built(no_construction):
    tracemalloc.start()
    try:
        with pytest.raises(PostError) as refused:
            split_post("english/_posts/2018-01-01-bomb.md", ALIAS_BOMB)
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert refused.value.path == "english/_posts/2018-01-01-bomb.md"
    assert "aliases" in refused.value.reason
    assert "line 3" in refused.value.reason  # the first *a
    assert peak < 1024 * 1024


@pytest.mark.parametrize(
    "yaml_text",
    ["title: &t A title\nsummary: *t\n", "title: A\ntags: &t [x]\nmore: [*t]\n"],
)
def test_any_alias_is_refused(yaml_text):
    with pytest.raises(PostError, match="aliases"):
        split_post("x.md", f"---\n{yaml_text}---\nBody.\n")


@pytest.mark.django_db
def test_an_alias_bomb_fails_alone_in_an_import(tmp_path):
    site = tmp_path / "site"
    write_post(site, "2018-01-01-bomb.md", ALIAS_BOMB)
    write_post(site, "2018-01-02-fine.md", PLAIN.format(title="Fine", day=2, body="x"))
    report = import_site(site)
    failures = dict(report.failures)
    assert list(failures) == ["english/_posts/2018-01-01-bomb.md"]
    assert "YAML aliases (*name) are not accepted" in failures[next(iter(failures))]
    assert list(Article.objects.values_list("slug", flat=True)) == ["fine"]


@pytest.mark.django_db
def test_a_post_over_the_size_limit_is_refused_by_name(tmp_path, settings):
    settings.NEWSROOM = {**settings.NEWSROOM, "IMPORT_MAX_POST_BYTES": 2000}
    site = tmp_path / "site"
    big = write_post(
        site, "2018-01-01-big.md", PLAIN.format(title="Big", day=1, body="x" * 5000)
    )
    write_post(site, "2018-01-02-fine.md", PLAIN.format(title="Fine", day=2, body="x"))
    report = import_site(site)
    reason = dict(report.failures)["english/_posts/2018-01-01-big.md"]
    assert f"{big.stat().st_size:,} bytes" in reason
    assert "over 2,000 bytes" in reason
    assert "NEWSROOM_IMPORT_MAX_POST_BYTES" in reason
    assert list(Article.objects.values_list("slug", flat=True)) == ["fine"]


def test_the_default_limit_is_two_mebibytes_and_far_above_the_sample(
    settings, voa_fixtures
):
    limit = settings.NEWSROOM["IMPORT_MAX_POST_BYTES"]
    assert limit == 2 * 1024 * 1024
    largest = max(p.stat().st_size for p in voa_fixtures.glob("*/_posts/*.md"))
    assert largest * 10 < limit


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("a: &a [x]\nb: *a\n", "aliases"),
        ("title: " + "x" * 3000 + "\n", "over 2,000 bytes"),
    ],
)
@pytest.mark.django_db
def test_the_site_config_has_the_same_limits(tmp_path, settings, config, message):
    settings.NEWSROOM = {**settings.NEWSROOM, "IMPORT_MAX_POST_BYTES": 2000}
    site = tmp_path / "site"
    write_post(site, "2018-01-02-fine.md", PLAIN.format(title="Fine", day=2, body="x"))
    (site / "_config.yml").write_text(config, encoding="utf-8")
    with pytest.raises(SiteError, match=message) as refused:
        import_site(site)
    assert "_config.yml" in str(refused.value)
