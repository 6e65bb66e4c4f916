"""The story model, split by concern and re-exported here."""

from .article import EVERGREEN_LAYOUTS, Article, ArticleQuerySet, Layout, Status
from .author import Author, Byline
from .imported import ImportedImage, ImportedPost
from .placements import PhotoPlacement, Pullquote
from .profile import PersonProfile
from .section import Section

__all__ = [
    "EVERGREEN_LAYOUTS",
    "Article",
    "ArticleQuerySet",
    "Author",
    "Byline",
    "ImportedImage",
    "ImportedPost",
    "Layout",
    "PersonProfile",
    "PhotoPlacement",
    "Pullquote",
    "Section",
    "Status",
]
