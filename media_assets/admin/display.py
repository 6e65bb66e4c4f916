"""How the photo admin shows things: thumbnails, the focal-point preview, tables.

No style attributes (the CSP allows none): sizes and the marker's look are in
ADMIN_CSS, and focal_point.js places the marker from its data attributes.
"""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime

ADMIN_CSS = "media_assets/photo_admin.css"


def thumbnail_html(photo):
    if not photo or not photo.url:
        return "—"
    return format_html(
        '<img src="{}" alt="" loading="lazy" class="photo-thumbnail">',
        photo.thumbnail_url,
    )


def focal_preview_html(photo):
    """The picture to click, with a marker on the stored focal point."""
    return format_html(
        '<div class="focal-point">'
        '<img src="{}" alt="" class="focal-point__picture" data-focal-preview>'
        '<span class="focal-point__marker" data-focal-marker data-x="{}" data-y="{}">'
        "</span></div>",
        photo.url,
        photo.focal_x,
        photo.focal_y,
    )


def changes_table_html(changes):
    return format_html(
        "<table><tr><th>When</th><th>Who</th><th>Field</th><th>Before</th>"
        "<th>After</th></tr>{}</table>",
        format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    date_format(localtime(c.at), "DATETIME_FORMAT"),
                    c.user_name,
                    c.field,
                    c.old or "—",
                    c.new or "—",
                )
                for c in changes
            ),
        ),
    )


def metadata_table_html(found):
    """What the file's IPTC, XMP and EXIF said, with where each value came from."""
    return format_html(
        "<table><tr><th>Field</th><th>Value</th><th>From</th></tr>{}</table>",
        format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (i["field"], i["value"], f"{i['standard']} {i.get('tag', '')}")
                for i in found
            ),
        ),
    )


def change_url(photo):
    return reverse("admin:media_assets_photo_change", args=[photo.pk])
