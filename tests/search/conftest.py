"""A small table of stories with real archive strings, indexed for search tests."""

import pytest

from search.indexing import reindex
from tests.factories import ArticleFactory, PhotoPlacementFactory

ZWSP = "\u200b"
# From the seed story's Khmer post (../shared/fixtures/voa): zero-width spaces,
# and "official" with its coeng RO typed first.
SEED_HEADLINE_KM = (
    "រដ្ឋាភិបាល\u200bកម្ពុជា\u200bពឹង\u200bផ្អែក\u200bលើ\u200bមន្រ្តី\u200bរាជការ"
    "\u200bដើម្បី\u200b\u200bសំឡេង\u200bឆ្នោត"
)
SEED_BODY_KM = (
    "ហើយ\u200bលោក\u200bនាយ\u200bករដ្ឋ\u200bមន្រ្តី\u200b ហ៊ុន សែន ដែល\u200bបាន"
    "\u200bកាន់\u200bអំណាច\u200bជាង\u200b៣០\u200bឆ្នាំ\u200bមក\u200bហើយ"
)


def story(slug, **fields):
    defaults = {"title_en": "", "title_km": "", "summary_en": "", "summary_km": ""}
    defaults |= {"body_en": "Nothing to see.", "body_km": "គ្មានអ្វីទេ។"}
    return ArticleFactory(slug=slug, published=True, **(defaults | fields))


@pytest.fixture
def stories(db):
    """slug -> Article, all published in both languages unless named otherwise."""
    made = {
        "seed": story(
            "seed",
            title_en="Cambodian Government Leans on Civil Servants for Votes",
            title_km=SEED_HEADLINE_KM,
            body_en="Civil servants say they were told to campaign for the CPP.",
            body_km=SEED_BODY_KM,
        ),
        "cnrp": story(
            "cnrp",
            title_en="Cambodia National Rescue Party",
            title_km="គណបក្ស\u200bសង្រ្គោះ\u200bជាតិ",
            body_en="The party was dissolved by the Supreme Court.",
        ),
        "give": story(
            "give",
            title_en="Money for votes",
            body_km="គាត់\u200bអោយ\u200bលុយ\u200bខ្ញុំ។",
        ),
        "election": story(
            "election",
            title_en="Media crackdown in Cambodia",
            body_en="Ahead of the elections, newspapers closed.",
            body_km="មុន\u200bការ\u200bបោះ\u200bឆ្នោត\u200bជាតិ",
        ),
        "draft": ArticleFactory(
            slug="draft",
            title_en="Civil servants election rescue draft",
            title_km="មន្ត្រី សង្គ្រោះ ទន្លេសាប",
            body_en="tonle",
        ),
    }
    # The same word in one field of each story, to rank headline > summary >
    # body > captions, in both languages.
    for field, slug in [("title", "a"), ("summary", "b"), ("body", "c")]:
        fields = {"title_en": f"Story {slug}", "title_km": f"អត្ថបទ {slug}"}
        fields |= {f"{field}_en": "Tonle Sap", f"{field}_km": "ទន្លេសាប"}
        made[slug] = story(f"rank-{slug}", **fields)
    made["d"] = story("rank-d", title_en="Story d", title_km="អត្ថបទ d")
    PhotoPlacementFactory(
        article=made["d"], caption_en="Tonle Sap", caption_km="ទន្លេសាប"
    )
    reindex([article.pk for article in made.values()])
    return made
