"""Every word the context pages and cards show, in each language.

Khmer labels follow the archive's own dictionary (_config.yml) where it has
one: ជីវប្រវត្តិ "biography", អានបន្ថែមទៀត "read more", ប្រវត្តិសាស្ត្រ "history".
"""

from articles.languages import per_language

LABELS = {
    "en": {
        "people": "People",
        "parties": "Parties",
        "timeline": "Timeline",
        "timeline_heading": "Cambodia (1953 - 2018)",
        "quotes": "Voices",
        "biography": "Biography",
        "history": "History",
        "party": "Party",
        "members": "Members",
        "founded": "Founded",
        "read_more": "Read more",
        "about": "About {name}",
        "close": "Close",
        "quote_from": "From the story",
        "in_timeline": "On the timeline",
        "empty": "Nothing here yet.",
    },
    "km": {
        "people": "បុគ្គល",
        "parties": "គណបក្សនយោបាយ",
        "timeline": "កាលប្បវត្តិ",
        "timeline_heading": "កម្ពុជា (១៩៥៣ - ២០១៨)",
        "quotes": "សំឡេង",
        "biography": "ជីវប្រវត្តិ",
        "history": "ប្រវត្តិសាស្ត្រ",
        "party": "គណបក្ស",
        "members": "សមាជិក",
        "founded": "បង្កើតឡើង",
        "read_more": "អានបន្ថែមទៀត",
        "about": "អំពី {name}",
        "close": "បិទ",
        "quote_from": "ដកស្រង់ពីអត្ថបទ",
        "in_timeline": "នៅលើកាលប្បវត្តិ",
        "empty": "មិនទាន់មានអ្វីនៅទីនេះទេ។",
    },
}


def label(key, language, **values):
    """The label `key` in `language` (its fallback language when it has none)."""
    return per_language(LABELS, language)[key].format(**values)


def labels_in(language):
    """Every label of `language`, for templates."""
    return per_language(LABELS, language)
