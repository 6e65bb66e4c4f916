"""Reading archive files within bounds: a size cap, and YAML without aliases.

A post is read only up to NEWSROOM["IMPORT_MAX_POST_BYTES"] (+1 byte to tell
it is over), so a huge file is refused before it is parsed. The archive's YAML
never uses anchors and aliases (`&a` / `*a`); an alias is refused while the
document is composed, before anything is constructed, so nested aliases (a
"billion laughs") cost nothing to refuse.
"""

import yaml
from django.conf import settings

from .errors import PostError


def max_post_bytes():
    return settings.NEWSROOM["IMPORT_MAX_POST_BYTES"]


def read_capped(path, name):
    """The bytes of `path`; PostError(name) when it is over the size limit."""
    limit = max_post_bytes()
    with path.open("rb") as handle:
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise PostError(
            name,
            f"the file is {path.stat().st_size:,} bytes; files over {limit:,} bytes "
            "are not imported (setting NEWSROOM_IMPORT_MAX_POST_BYTES)",
        )
    return raw


class NoAliasLoader(yaml.BaseLoader):
    """PyYAML's BaseLoader (str, list and dict only) that refuses any alias."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None,
                None,
                "YAML aliases (*name) are not accepted; write the value out",
                self.peek_event().start_mark,
            )
        return super().compose_node(parent, index)


def load_yaml(text):
    """`text` as str/list/dict values; yaml.YAMLError when invalid or aliased."""
    return yaml.load(text, Loader=NoAliasLoader)  # noqa: S506 - no tags, no aliases
