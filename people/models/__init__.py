"""The context layer's models: people and parties, timeline events, quotes."""

from .autolink import AutoLinkOptOut
from .context import Quote, TimelineEvent
from .entries import Party, Person, alias_list
from .photos import PartyPhoto, PersonPhoto

__all__ = [
    "AutoLinkOptOut",
    "Party",
    "PartyPhoto",
    "Person",
    "PersonPhoto",
    "Quote",
    "TimelineEvent",
    "alias_list",
]
