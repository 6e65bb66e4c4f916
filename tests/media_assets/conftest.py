from pathlib import Path

import pytest


def stored_files(settings):
    """Every file under MEDIA_ROOT, relative, to prove nothing was left behind."""
    root = Path(settings.MEDIA_ROOT)
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run on_commit work (the rendition task) as a real commit would."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run
