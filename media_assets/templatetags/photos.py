"""{% picture photo slot="hero" alt=text css_class="…" %}: responsive markup.

Bad arguments fail when the template is parsed; a photo whose files are
missing still renders (the original's address), never a server error.
"""

from django import template
from django.template.base import token_kwargs
from django.template.loader import render_to_string

from media_assets.pictures import SLOTS, picture_context

register = template.Library()

USAGE = (
    '{% picture photo [slot="' + "|".join(SLOTS) + '"] [alt=text] [css_class="..."] %}'
)
ALLOWED = {"slot", "alt", "css_class"}


class PictureNode(template.Node):
    def __init__(self, photo, options):
        self.photo = photo
        self.options = options

    def render(self, context):
        photo = self.photo.resolve(context)
        if photo is None:
            return ""
        options = {key: value.resolve(context) for key, value in self.options.items()}
        if options.get("slot", "inline") not in SLOTS:
            options["slot"] = "inline"  # a variable slot is forgiven at render time
        return render_to_string(
            "media_assets/picture.html", picture_context(photo, **options)
        )


@register.tag
def picture(parser, token):
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError(f"Usage: {USAGE}")
    photo = parser.compile_filter(bits.pop(0))
    options = token_kwargs(bits, parser)
    if bits or set(options) - ALLOWED:
        raise template.TemplateSyntaxError(f"Usage: {USAGE}")
    # A quoted slot name is a str here (a variable is a Variable): check it now.
    literal = getattr(options.get("slot"), "var", None)
    if isinstance(literal, str) and literal not in SLOTS:
        raise template.TemplateSyntaxError(
            f"Unknown picture slot {literal!r}. Usage: {USAGE}"
        )
    return PictureNode(photo, options)
