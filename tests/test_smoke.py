import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, PhotoPlacementFactory, PullquoteFactory


@pytest.mark.django_db
def test_published_article_page_renders(client):
    article = ArticleFactory(
        published=True, body_en="Hello.\n\n[[photo 1]]\n\n[[pullquote 1]]"
    )
    PhotoPlacementFactory(article=article, position=1)
    PullquoteFactory(article=article, position=1)
    response = client.get(article.get_absolute_url("en"))
    assert response.status_code == 200
    assert b"pullquote" in response.content


@pytest.mark.django_db
def test_healthz(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json()["database"] == "ok"
