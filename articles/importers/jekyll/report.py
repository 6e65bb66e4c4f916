"""What an import did, counted for the final report.

A story is counted in its own StoryReport, merged into the run's report only
when the story commits (or completes a dry run): a story that fails leaves
no counts and no warnings behind, only its failure.
"""

from collections import Counter
from dataclasses import dataclass, field, fields


@dataclass
class StoryReport:
    """The counts and warnings of one story while it is being built."""

    photos_local: int = 0
    photos_remote: int = 0
    photos_reused: int = 0
    pullquotes: int = 0
    annotations: int = 0
    links_rewritten: int = 0
    embeds: Counter = field(default_factory=Counter)
    # what import handlers (handlers.py) made: "people: biography" -> count
    handed_over: Counter = field(default_factory=Counter)
    unknown_keys: Counter = field(default_factory=Counter)
    warnings: list = field(default_factory=list)

    def warn(self, path, message):
        self.warnings.append(f"{path}: {message}")


@dataclass
class ImportReport(StoryReport):
    dry_run: bool = False
    posts_read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    pairs: int = 0
    failures: list = field(default_factory=list)  # (path, reason)

    @property
    def ok(self):
        return not self.failures

    def merge(self, story):
        """Add a committed story's counts and warnings (ints, Counters, lists)."""
        for counted in fields(StoryReport):
            name = counted.name
            setattr(self, name, getattr(self, name) + getattr(story, name))

    def fail(self, path, reason):
        self.failures.append((str(path), reason))

    def lines(self):
        """The report as text lines, for the command and the logs."""
        heading = (
            "Jekyll import (dry run: nothing was written)"
            if self.dry_run
            else ("Jekyll import")
        )
        lines = [
            heading,
            f"  posts read:          {self.posts_read}",
            f"  articles created:    {self.created}",
            f"  articles updated:    {self.updated}",
            f"  articles unchanged:  {self.unchanged}",
            f"  translation pairs:   {self.pairs}",
            f"  photos:              {self.photos_local} local, "
            f"{self.photos_remote} remote, {self.photos_reused} reused",
            f"  pullquotes:          {self.pullquotes}",
            f"  annotations:         {self.annotations}",
            f"  links rewritten:     {self.links_rewritten}",
        ]
        if self.embeds:
            lines.append("  embeds by kind:")
            lines += [f"    {k}: {n}" for k, n in sorted(self.embeds.items())]
        if self.handed_over:
            lines.append("  imported by other apps (no story):")
            lines += [f"    {k}: {n}" for k, n in sorted(self.handed_over.items())]
        if self.unknown_keys:
            lines.append("  disabled or unknown front matter keys (kept, not applied):")
            lines += [f"    {k}: {n}" for k, n in sorted(self.unknown_keys.items())]
        if self.warnings:
            lines.append(f"  warnings ({len(self.warnings)}):")
            lines += [f"    {w}" for w in self.warnings]
        if self.failures:
            lines.append(f"  FAILED ({len(self.failures)}):")
            lines += [f"    {path}: {reason}" for path, reason in self.failures]
        return lines
