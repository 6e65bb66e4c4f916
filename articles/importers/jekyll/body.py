"""Body constructs: Liquid includes and kramdown attribute lines, found and parsed.

parse_body() is pure: it cuts a kramdown body into text and construct segments
without deciding what they become; segments.py turns them into shortcodes (with
the database) and export.py writes them back. Include arguments may span many
lines, come in any order and have spaces around '='.
"""

import re
from dataclasses import dataclass

INCLUDE = re.compile(r"\{%-?\s*include\s+(?P<name>[^\s%]+)(?P<args>.*?)-?%\}", re.S)
ARGUMENT = re.compile(
    r"(?P<key>[\w-]+)\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s%\"']+))",
    re.S,
)
# {:.pullquote.voa__hide-mobile}  {:.annotation.right#footnote1}  {: .x #y}
ATTRIBUTE_LINE = re.compile(r"^[ \t]*\{:\s*((?:[.#][\w-]+\s*)+)\}[ \t]*$", re.M)
DATELINE = "$DATELINE$"


@dataclass(frozen=True)
class Include:
    name: str  # "photo-large.html"
    args: tuple  # ((key, value), …) in source order

    def arg(self, key, default=""):
        return next((v for k, v in self.args if k == key), default)


@dataclass(frozen=True)
class Attributed:
    """A block preceded by a kramdown attribute list line."""

    classes: tuple
    anchor: str
    content: str


def parse_args(text):
    args = []
    for match in ARGUMENT.finditer(text):
        value = match.group("dq")
        if value is None:
            value = match.group("sq")
        if value is None:
            value = match.group("bare")
        args.append((match.group("key"), value))
    return tuple(args)


def parse_attribute(spec):
    classes = tuple(re.findall(r"\.([\w-]+)", spec))
    anchors = re.findall(r"#([\w-]+)", spec)
    return classes, anchors[0] if anchors else ""


def _split_attributed(text):
    """Text -> [str | Attributed]: an attribute line claims the next block."""
    segments, position = [], 0
    for match in ATTRIBUTE_LINE.finditer(text):
        if match.start() < position:
            continue
        segments.append(text[position : match.start()])
        rest_start = (
            match.end() + 1 if text[match.end() : match.end() + 1] else match.end()
        )
        # The block is the following lines up to the first blank line.
        block = re.match(
            r"(?:[ \t]*\n)*((?:[^\n]*\S[^\n]*(?:\n|$))+)", text[rest_start:]
        )
        classes, anchor = parse_attribute(match.group(1))
        if not block:  # nothing left to claim: the caller drops it with a warning
            segments.append(Attributed(classes, anchor, ""))
            position = rest_start
            continue
        content = block.group(1)
        end = rest_start + block.end()
        if content.endswith("\n"):
            content, end = content[:-1], end - 1
        segments.append(Attributed(classes, anchor, content))
        position = end
    segments.append(text[position:])
    return [s for s in segments if s != ""]


def parse_body(text):
    """Body text -> list of str, Include and Attributed, in order."""
    segments, position = [], 0
    for match in INCLUDE.finditer(text):
        segments.extend(_split_attributed(text[position : match.start()]))
        segments.append(Include(match.group("name"), parse_args(match.group("args"))))
        position = match.end()
    segments.extend(_split_attributed(text[position:]))
    return segments


def format_include(name, args):
    """Include(name, args) back to Liquid on one line, values double-quoted."""
    parts = [f"{{% include {name}"]
    for key, value in args:
        parts.append(f'{key}="{value}"' if '"' not in value else f"{key}='{value}'")
    return " ".join(parts) + " %}"


def format_attribute(classes, anchor=""):
    spec = "".join(f".{c}" for c in classes) + (f"#{anchor}" if anchor else "")
    return f"{{:{spec}}}"
