"""Demo set-up for `make run`: an editor account whose password is printed once."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

DEMO_APPS = ("articles", "media_assets", "taggit")


def ensure_demo_editor(username="editor", password=None):
    """Create or reset the demo editor; returns (user, password).

    A fresh random password each run keeps a guessable login out of the repo
    and out of a server someone forgot was a demo.
    """
    password = password or secrets.token_urlsafe(12)
    user, _created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org"}
    )
    user.is_staff = True
    user.is_active = True
    user.set_password(password)
    user.save()
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label__in=DEMO_APPS)
    )
    return user, password
