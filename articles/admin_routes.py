"""One admin URL of a ModelAdmin's own view: `view(model_admin, request, …)`.

The story admin's extra pages (the editor's preview here, the workflow's
transitions, desk and autosave above) are functions of the ModelAdmin; this
wraps each in admin_view (login, staff, CSRF) and names it like the admin's
own URLs, `<app>_<model>_<name>`.
"""

from functools import partial

from django.urls import path


def admin_route(model_admin, pattern, view, name):
    opts = model_admin.opts
    wrapped = model_admin.admin_site.admin_view(partial(view, model_admin))
    return path(pattern, wrapped, name=f"{opts.app_label}_{opts.model_name}_{name}")
