"""The project's URL map: the bare site address goes to the English front page."""


def test_root_redirects_to_english(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.url == "/en/"
