"""The archive's credits posts into the credits page, through the importer's seam.

The old site printed every `categories: credits` post of a language in the
footer of each page (_includes/footer.html); here each becomes a CreditsBlock
of the credits page the footer links to: no date, never in feeds or sitemaps.
Registered from FrontpageConfig.ready() into articles/importers/jekyll/handlers.py.
"""

from django.urls import reverse
from django.utils.translation import override

from articles.importers.jekyll import frontmatter as fm
from articles.importers.jekyll import handlers
from articles.languages import field_name

from .models import CreditsBlock


def import_credits(group, tools):
    primary = next(iter(group.values()))
    block = CreditsBlock.objects.filter(slug=primary.slug).first() or CreditsBlock(
        slug=primary.slug
    )
    for language, post in group.items():
        setattr(
            block,
            field_name("title", language),
            fm.text(post.data.get("title")).strip(),
        )
        setattr(block, field_name("body", language), tools.markdown(post))
    block.full_clean()
    block.save()
    addresses = {}
    for language in group:
        with override(language):
            addresses[language] = reverse("frontpage:credits")
    return addresses


def register():
    """Called from FrontpageConfig.ready()."""
    handlers.register_post(
        handlers.PostHandler("frontpage: credits", import_credits, ("credits",))
    )
