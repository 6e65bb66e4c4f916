"""The posts' `tag` lines -> the story's tags, in first-seen order, each once."""

import re

from . import frontmatter as fm


def apply_tags(article, group):
    tags = []
    for post in group.values():
        for tag in re.split(r"[,\s]+", fm.text(post.data.get("tag"))):
            if tag and tag not in tags:
                tags.append(tag)
    if tags:
        article.tags.add(*tags)
