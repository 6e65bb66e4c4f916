"""Writing the [[shortcodes]] that rendering.parse_args reads back."""

import re

_BARE = re.compile(r"^[\w.:/#@+-]+$")


def quote(value):
    value = " ".join(str(value).split())  # a shortcode is one line
    if value and _BARE.match(value):
        return value
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def shortcode(name, positional=(), args=()):
    """shortcode('photo', [3], [('class', 'x y')]) -> '[[photo 3 class="x y"]]'."""
    parts = [name, *(quote(p) for p in positional)]
    parts += [f"{key}={quote(value)}" for key, value in args]
    return "[[" + " ".join(parts) + "]]"


def closing(name):
    return f"[[/{name}]]"


class BodyBuilder:
    """Joins text and shortcodes, putting every shortcode alone on its line.

    Newlines are added only where missing, so converting an exported body
    again gives the same text.
    """

    def __init__(self):
        self.parts = []
        self._need_break = False

    def _tail(self):
        return self.parts[-1][-1:] if self.parts and self.parts[-1] else ""

    def text(self, value):
        if not value:
            return
        if self._need_break and not value.startswith("\n"):
            value = "\n" + value
        self._need_break = False
        self.parts.append(value)

    def line(self, value):
        if self.parts and self._tail() != "\n":
            self.parts.append("\n")
        self.parts.append(value)
        self._need_break = True

    def build(self):
        return "".join(self.parts)
