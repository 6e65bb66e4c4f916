"""The importer's errors: each names the file and says in plain words what is wrong."""


class ImportProblem(Exception):
    """Base of everything the importer reports instead of crashing."""


class PostError(ImportProblem):
    """One post cannot be imported; the others go on."""

    def __init__(self, path, reason):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class SiteError(ImportProblem):
    """The site folder itself is unusable (no _posts folders, unreadable config)."""
