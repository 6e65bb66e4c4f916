"""One YouTube parser: exactly 11 characters of [A-Za-z0-9_-], from an id or address."""

from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from articles.embeds import embed_youtube_id, render_video
from articles.youtube import video_id
from tests.factories import ArticleFactory

ID = "u1uYkdS39JI"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (ID, ID),
        (f"  {ID}\n", ID),
        ("a_b-C012345", "a_b-C012345"),
        (f"https://www.youtube.com/watch?v={ID}", ID),
        (f"http://youtube.com/watch?v={ID}&t=30s", ID),
        (f"https://m.youtube.com/watch?feature=share&v={ID}", ID),
        (f"https://youtu.be/{ID}", ID),
        (f"https://youtu.be/{ID}?t=4", ID),
        (f"https://www.youtube.com/embed/{ID}", ID),
        (f"https://www.youtube.com/embed/{ID}/", ID),
        (f"https://www.youtube-nocookie.com/embed/{ID}", ID),
        (f"https://youtube-nocookie.com/embed/{ID}?rel=0", ID),
        (f"https://www.youtube.com/shorts/{ID}", ID),
        (f"HTTPS://WWW.YOUTUBE.COM/watch?v={ID}", ID),
        # not an id: length, alphabet, trailing characters
        (ID[:10], ""),
        (ID + "X", ""),
        (ID[:10] + "!", ""),
        (ID + "\nX", ""),
        (ID[:10] + "é", ""),
        ("12345678901", "12345678901"),
        ("not a video", ""),
        ("", ""),
        (None, ""),
        # not YouTube, or not the id's place in the address
        (f"https://evil.example/watch?v={ID}", ""),
        (f"https://youtube.com.evil.example/watch?v={ID}", ""),
        (f"https://evil.example/?u=https://youtu.be/{ID}", ""),
        (f"https://www.youtube.com@evil.example/embed/{ID}", ""),
        (f"https://user@www.youtube.com/embed/{ID}", ""),
        (f"https://www.youtube.com:8080/embed/{ID}", ""),
        (f"javascript://www.youtube.com/embed/{ID}", ""),
        (f"//www.youtube.com/embed/{ID}", ""),
        (f"www.youtube.com/watch?v={ID}", ""),
        (f"https://www.youtube.com/watch?v={ID}&v=dQw4w9WgXcQ", ""),
        (f"https://www.youtube.com/watch?v={ID}X", ""),
        (f"https://www.youtube.com/watch?v={ID}%22%3E", ""),
        (f"https://www.youtube.com/watch/{ID}", ""),
        (f"https://www.youtube.com/v/{ID}", ""),
        (f"https://www.youtube.com/embed/{ID}/extra", ""),
        (f"https://www.youtube-nocookie.com/shorts/{ID}", ""),
        (f"https://youtu.be/embed/{ID}", ""),
        (f"https://www.youtube.com/?v={ID}", ""),
        ("https://[::1", ""),
    ],
)
def test_video_id(value, expected):
    assert video_id(value) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ({"_": [], "youtube": ID}, ID),
        ({"_": [ID]}, ID),
        ({"_": [], "youtube": f"https://youtu.be/{ID}"}, ID),
        ({"_": [], "youtube": "abc"}, ""),  # id-shaped but too short
        ({"_": [], "youtube": ID + "AB"}, ""),
        ({"_": ["x" * 40]}, ""),
    ],
)
def test_video_embeds_use_the_parser(args, expected):
    assert embed_youtube_id(args) == expected
    # The facade's "Play the video" label is in the page's language.
    rendered = render_video("video", args, SimpleNamespace(language="en"))
    assert (f"/embed/{expected}" in rendered) if expected else rendered == ""


@pytest.mark.django_db
@pytest.mark.parametrize("value", [f"{ID}\n", ID[:10], "abc", f"https://youtu.be/{ID}"])
def test_the_story_field_holds_only_an_id(value):
    article = ArticleFactory.build(youtube_id_km=value)
    with pytest.raises(ValidationError, match="11 characters") as refused:
        article.clean_fields(exclude=["section"])
    assert list(refused.value.message_dict) == ["youtube_id_km"]


@pytest.mark.django_db
def test_the_story_field_takes_an_id():
    ArticleFactory.build(youtube_id=ID).clean_fields(exclude=["section"])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("u1uYkdS39JI", "u1uYkdS39JI"),
        (" u1uYkdS39JI ", "u1uYkdS39JI"),
        ("https://www.youtube.com/watch?v=u1uYkdS39JI&t=30s", "u1uYkdS39JI"),
        ("https://youtu.be/u1uYkdS39JI", "u1uYkdS39JI"),
        ("https://www.youtube.com/embed/u1uYkdS39JI/", "u1uYkdS39JI"),
        ("https://evil.example/watch?v=u1uYkdS39JI", ""),
        ("not a video", ""),
        ("", ""),
    ],
)
def test_youtube_id_from_ids_and_addresses(value, expected):
    from articles.youtube import video_id as youtube_id

    assert youtube_id(value) == expected
