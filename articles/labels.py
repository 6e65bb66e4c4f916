"""Every label the reader site prints, per language.

Templates get the active language's labels as `labels` (the context processor
below), so a Khmer page never falls back to an English word.
"""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import override

from articles.dates import khmer_digits
from articles.languages import (
    LANGUAGE_CODES,
    current_language,
    language_label,
    other_languages,
)

LABELS = {
    "en": {
        "skip": "Skip to the story",
        "navigation": "Sections",
        "language_switch": "Language",
        "top_stories": "Top stories",
        "latest": "Latest stories",
        "videos": "Videos",
        "voters": "Voters",
        "politicians": "Politicians",
        "quotes": "Quotes",
        "spotlight": "Spotlight",
        "series": "Series",
        "related": "Related stories",
        "more_videos": "More videos",
        "related_videos": "Related videos",
        "next_part": "Next in this series",
        "part": "Part {number}",
        "share": "Share this story",
        "share_email": "Email",
        "copy_link": "Copy link",
        "copied": "Link copied",
        "tag": "Stories tagged “{tag}”",
        "tags": "Tags",
        "author_stories": "Stories",
        "previous_page": "Newer stories",
        "next_page": "Older stories",
        "page_of": "Page {number} of {total}",
        "pages": "Pages",
        "watch": "Video",
        "play_video": "Play the video",
        "by": "By",
        "footer_sections": "All sections and pages",
        "credits_page": "Project credits",
    },
    "km": {
        "skip": "រំលងទៅអត្ថបទ",
        "navigation": "ផ្នែក",
        "language_switch": "ភាសា",
        "top_stories": "អត្ថបទសំខាន់ៗ",
        "latest": "អត្ថបទថ្មីៗ",
        "videos": "វីដេអូ",
        "voters": "អ្នកបោះឆ្នោត",
        "politicians": "អ្នកនយោបាយ",
        "quotes": "សម្រង់សម្តី",
        "spotlight": "ចំណុចពិសេស",
        "series": "អត្ថបទជាភាគ",
        "related": "អត្ថបទពាក់ព័ន្ធ",
        "more_videos": "វីដេអូផ្សេងទៀត",
        "related_videos": "វីដេអូពាក់ព័ន្ធ",
        "next_part": "ភាគបន្ទាប់",
        "part": "ភាគទី {number}",
        "share": "ចែករំលែកអត្ថបទនេះ",
        "share_email": "អ៊ីមែល",
        "copy_link": "ចម្លងតំណ",
        "copied": "បានចម្លងតំណ",
        "tag": "អត្ថបទដែលមានស្លាក «{tag}»",
        "tags": "ស្លាក",
        "author_stories": "អត្ថបទ",
        "previous_page": "អត្ថបទថ្មីជាង",
        "next_page": "អត្ថបទចាស់ជាង",
        "page_of": "ទំព័រ {number} នៃ {total}",
        "pages": "ទំព័រ",
        "watch": "វីដេអូ",
        "play_video": "ចាក់វីដេអូ",
        "by": "ដោយ",
        "footer_sections": "ផ្នែក និងទំព័រទាំងអស់",
        "credits_page": "ក្រុមការងារ",
    },
}


def labels(language):
    return LABELS.get(language) or LABELS["en"]


def number(value, language):
    """`value` in `language`'s digits."""
    return khmer_digits(value) if language == "km" else str(value)


def label(name, language, **values):
    """One label with its {placeholders} filled, numbers in the language's digits."""
    values = {
        key: number(value, language) if isinstance(value, int) else value
        for key, value in values.items()
    }
    return labels(language)[name].format(**values)


def front_page_url(language):
    """The front page of `language` (the frontpage app's; the story list before it)."""
    with override(language):
        try:
            return reverse("frontpage:front")
        except NoReverseMatch:
            return f"/{language}/"


def credits_link(language):
    """The footer's link to the project credits (the frontpage app's page), or None."""
    with override(language):
        try:
            url = reverse("frontpage:credits")
        except NoReverseMatch:
            return None
    return {"url": url, "label": label("credits_page", language)}


def tag_url(slug, language):
    """The tag page of `slug` in `language`."""
    with override(language):
        return reverse("articles:tag", kwargs={"slug": slug})


def language_switch(language, urls=None):
    """Links to the other languages: the equivalent page in `urls`, else their front.

    Each link names its language in that language, and says so with lang=.
    """
    urls = urls or {}
    return [
        {
            "language": other,
            "label": language_label(other, other),
            "url": urls.get(other) or front_page_url(other),
        }
        for other in other_languages(language)
        if other in LANGUAGE_CODES
    ]


def reader(request):
    """Context processor: the active language's labels and its default switch."""
    language = current_language()
    return {
        "labels": labels(language),
        "language_switch": language_switch(language),
        "credits_link": credits_link(language),
    }
