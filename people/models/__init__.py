"""The context layer's models: people and parties, timeline events, quotes."""

from .autolink import AutoLinkOptOut
from .context import Quote, TimelineEvent
from .entries import Party, Person, alias_list

__all__ = ["AutoLinkOptOut", "Party", "Person", "Quote", "TimelineEvent", "alias_list"]
