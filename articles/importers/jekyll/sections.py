"""A post's section: found by its English slug, created with the site's labels."""

from articles.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES, field_name
from articles.models import Section


def section_for(post, config):
    """The Section of the post's address, created on its first use.

    Its names are the site's `label_<category>` in each language; without one,
    the default language's is the category itself ("feature" -> "Feature").
    """
    slug = {field_name("slug", DEFAULT_LANGUAGE): post.section_slug}
    section = Section.objects.filter(**slug).first()
    if section is not None:
        return section
    category = post.categories[-1] if post.categories else "archive"
    names = {
        field_name("name", code): config.section_name(category, code)
        for code in LANGUAGE_CODES
    }
    default = field_name("name", DEFAULT_LANGUAGE)
    names[default] = names[default] or category.replace("-", " ").title()
    return Section.objects.create(**slug, **names)
