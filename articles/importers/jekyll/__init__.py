"""Import the desk's Jekyll archive (and export it back). See docs/importer.md.

import_site(site_dir, files=(), dry_run=False, update=False, fetch_images=False)
export_site(out_dir)
"""

from .errors import ImportProblem, PostError, SiteError
from .export import export_site
from .importer import import_site
from .report import ImportReport

__all__ = [
    "ImportProblem",
    "ImportReport",
    "PostError",
    "SiteError",
    "export_site",
    "import_site",
]
