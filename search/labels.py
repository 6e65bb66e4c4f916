"""Every word the search pages show, in each language (like bylines.ROLE_LABELS).

Numbers in a label are written in the page's digits (២០១៨ on Khmer pages).
"""

from articles.dates import khmer_digits

LABELS = {
    "en": {
        "box": "Search the site",
        "query": "Search",
        "submit": "Search",
        "page_title": "Search",
        "heading": "Search stories",
        "results_for": "Results for “{query}”",
        "count": "{count} stories found",
        "count_one": "1 story found",
        "filters": "Narrow the results",
        "section": "Section",
        "year": "Year",
        "author": "Author",
        "any": "Any",
        "apply": "Apply",
        "pages": "Result pages",
        "previous": "Previous page",
        "next": "Next page",
        "page_of": "Page {page} of {pages}",
        "empty": "Type one or more words to search the stories.",
        "no_words": "“{query}” has no words to search for. Try letters or numbers.",
        "shortened": "Only the first {limit} characters of your search were used.",
        "no_results": "No stories match “{query}”.",
        "spellings": "These spellings were searched too:",
        "advice": "Check the spelling, use fewer words, or remove a filter.",
        "other_language": "Search the {other} stories for “{query}”",
        "latest": "Latest stories",
        "bad_filter": "That {filter} is not one we have stories for.",
        "entries": "People and parties",
        "person": "Person",
        "party": "Party",
    },
    "km": {
        "box": "ស្វែងរកក្នុងគេហទំព័រ",
        "query": "ស្វែងរក",
        "submit": "ស្វែងរក",
        "page_title": "ស្វែងរក",
        "heading": "ស្វែងរកអត្ថបទ",
        "results_for": "លទ្ធផលសម្រាប់ «{query}»",
        "count": "រកឃើញអត្ថបទចំនួន {count}",
        "count_one": "រកឃើញអត្ថបទចំនួន ១",
        "filters": "ចម្រាញ់លទ្ធផល",
        "section": "ផ្នែក",
        "year": "ឆ្នាំ",
        "author": "អ្នកនិពន្ធ",
        "any": "ទាំងអស់",
        "apply": "អនុវត្ត",
        "pages": "ទំព័រលទ្ធផល",
        "previous": "ទំព័រមុន",
        "next": "ទំព័របន្ទាប់",
        "page_of": "ទំព័រ {page} នៃ {pages}",
        "empty": "សូមវាយពាក្យមួយ ឬច្រើន ដើម្បីស្វែងរកអត្ថបទ។",
        "no_words": "«{query}» គ្មានពាក្យដែលអាចស្វែងរកបានទេ។ សូមប្រើអក្សរ ឬលេខ។",
        "shortened": "មានតែ {limit} តួអក្សរដំបូងនៃការស្វែងរករបស់អ្នកប៉ុណ្ណោះដែលត្រូវបានប្រើ។",
        "no_results": "រកមិនឃើញអត្ថបទដែលត្រូវនឹង «{query}» ទេ។",
        "spellings": "អក្ខរាវិរុទ្ធទាំងនេះក៏ត្រូវបានស្វែងរកដែរ៖",
        "advice": "សូមពិនិត្យអក្ខរាវិរុទ្ធ ប្រើពាក្យតិចជាងនេះ ឬដកតម្រងណាមួយចេញ។",
        "other_language": "ស្វែងរក «{query}» ក្នុងអត្ថបទ{other}",
        "latest": "អត្ថបទថ្មីៗ",
        "bad_filter": "{filter}នេះមិនមានអត្ថបទទេ។",
        "entries": "បុគ្គល និងគណបក្សនយោបាយ",
        "person": "បុគ្គល",
        "party": "គណបក្ស",
    },
}


def label(key, language, **values):
    """The label `key` in `language` (English when the language has none)."""
    labels = LABELS.get(language, LABELS["en"])
    if language == "km":
        values = {
            name: khmer_digits(value) if isinstance(value, int) else value
            for name, value in values.items()
        }
    return labels[key].format(**values)
