"""A small Jekyll site written by the tests: a pair of posts, another post, a photo."""

import textwrap

GOOD_EN = """\
---
title: Good Story
summary: It imports.
byline: Sun Narin and Malis Tum
metrics-byline: Narin, Sun; Tum, Malis
image: cow.jpg
cutline: A cow.
credit: Sun Narin/VOA Khmer
coordinates: 11.5, 104.9
date: 2018-01-01
categories: feature
language: english
---

$DATELINE$ First paragraph links to [the other](/english/feature/other.html).

{% include photo.html file="/img/cow.jpg" caption="The same cow" %}

{% include graphic-totals-static.html source="<script>alert(1)</script>" %}

Last paragraph.
"""


GOOD_KM = """\
---
title: រឿង\u200bល្អ
byline: ស៊ុន ណារិន និង ទុំ ម្លិះ
metrics-byline: Narin, Sun; Tum, Malis
translation: /english/feature/goood-story.html
date: 2018-01-03
categories: feature
language: khmer
---

អត្ថបទ\u200bខ្មែរ។
"""


OTHER_EN = """\
---
title: Other Story
date: 2018-01-02
categories: feature
---

Other text.
"""


BROKEN = {
    "2018-02-01-bad-yaml.md": "---\ntitle: [not closed\n---\nText\n",
    "2018-02-02-no-title.md": "---\nsummary: nameless\n---\nText\n",
    "2018-02-03-far-away.md": (
        "---\ntitle: Far\ncoordinates: 95.0, 200.0\ncategories: faraway\n---\nText\n"
    ),
}


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path
