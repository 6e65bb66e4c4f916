"""The words reader pages show in each language, merged into settings.NEWSROOM.

Kept apart from settings.py so the settings stay short; a desk overrides any of
them in its own settings like every other NEWSROOM entry.
"""

READER_LABELS = {
    # How each language names itself and the other, for translation links.
    "LANGUAGE_LABELS": {
        "en": {"en": "English", "km": "Khmer"},
        "km": {"en": "ភាសាអង់គ្លេស", "km": "ភាសាខ្មែរ"},
    },
    # The page's credits block and an imported post's link-project line.
    "CREDITS_LABEL": {"en": "Credits", "km": "ឥណទាន"},
    "FIRST_PUBLISHED_LABEL": {
        "en": "This story originally appeared on {url}",
        "km": "អត្ថបទនេះបានចុះផ្សាយដំបូងនៅ {url}",
    },
    "READ_IN_LABEL": {
        "en": "Read this story in {language}",
        "km": "អានអត្ថបទនេះជា{language}",
    },
    # The banner over a preview (admin preview and reviewers' links).
    "PREVIEW_BANNER": {
        "en": "Preview: this version is not published and may still change.",
        "km": "ការមើលជាមុន៖ អត្ថបទនេះមិនទាន់ចុះផ្សាយទេ ហើយអាចនឹងផ្លាស់ប្តូរ។",
    },
    # The live-coverage page's words (live/presentation.py, live/static/live/).
    "LIVE_LABELS": {
        "en": {
            "heading": "Live updates",
            "pinned": "Pinned",
            "updated": "Updated at {time}",
            "link": "Link to this entry",
            "newer": "Newer entries: reload the page",
            "auto": "New entries appear here as they are posted.",
            "fresh": "New since you opened the page: {count}",
            "empty": "No entries yet.",
            "post_link": "See the post",
            "older": "Older entries",
            "newer_page": "Newer entries",
            "back": "Back to the live page",
            "page": "Entries, page {number} of {pages}",
        },
        "km": {
            "heading": "ព័ត៌មានផ្ទាល់",
            "pinned": "ខ្ទាស់ទុក",
            "updated": "កែប្រែនៅម៉ោង {time}",
            "link": "តំណភ្ជាប់ទៅព័ត៌មាននេះ",
            "newer": "ព័ត៌មានថ្មីៗ៖ ផ្ទុកទំព័រឡើងវិញ",
            "auto": "ព័ត៌មានថ្មីនឹងបង្ហាញនៅទីនេះភ្លាមៗពេលចុះផ្សាយ។",
            "fresh": "ព័ត៌មានថ្មីចាប់តាំងពីអ្នកបើកទំព័រនេះ៖ {count}",
            "empty": "មិនទាន់មានព័ត៌មាននៅឡើយទេ។",
            "post_link": "មើលសារដើម",
            "older": "ព័ត៌មានមុនៗ",
            "newer_page": "ព័ត៌មានថ្មីៗជាង",
            "back": "ត្រឡប់ទៅទំព័រព័ត៌មានផ្ទាល់",
            "page": "ព័ត៌មាន ទំព័រទី {number} នៃ {pages}",
        },
    },
}
