"""Joining names into a byline the way each language does it."""

from articles.languages import per_language

BYLINE_GRAMMAR = {
    # language: (prefix, separator, final conjunction)
    "en": ("By", ", ", " and "),
    "km": ("", ", ", " និង "),
}


# How each language names the jobs in a credit line ("Photographer: …").
ROLE_LABELS = {
    "en": {
        "reporter": "Reporter",
        "photographer": "Photographer",
        "videographer": "Videographer",
        "translator": "Translator",
        "producer": "Producer",
    },
    "km": {
        "reporter": "អ្នកយកព័ត៌មាន",
        "photographer": "អ្នកថតរូប",
        "videographer": "អ្នកថតវីដេអូ",
        "translator": "អ្នកបកប្រែ",
        "producer": "ផលិតករ",
    },
}


def role_label(role, language):
    return per_language(ROLE_LABELS, language).get(role, role)


def join_names(names, language):
    """["A", "B", "C"] -> "A, B and C" (English) or "A, B និង C" (Khmer)."""
    names = [name for name in names if name]
    _prefix, separator, conjunction = per_language(BYLINE_GRAMMAR, language)
    if len(names) <= 1:
        return "".join(names)
    return separator.join(names[:-1]) + conjunction + names[-1]


def byline_text(names, language):
    """ "By Sun Narin and Malis Tum" / "ស៊ុន ណារិន និង ទុំ ម្លិះ"; "" with no names."""
    joined = join_names(names, language)
    if not joined:
        return ""
    prefix = per_language(BYLINE_GRAMMAR, language)[0]
    return f"{prefix} {joined}" if prefix else joined
