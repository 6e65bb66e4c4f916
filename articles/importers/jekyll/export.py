"""export_site(): stories back to a Jekyll site, with the archive's own syntax.

The reverse of convert.py: shortcodes become includes and attribute lines
again, placements and bylines become front matter, and the per-language
options and raw metadata kept at import are written back verbatim, so that
importing the export gives the same stories field for field.
"""

import shutil
from pathlib import Path

import yaml
from django.utils import timezone

from articles.bylines import join_names
from articles.languages import LANGUAGE_CODES, localized
from articles.models import Article, ImportedImage
from articles.presentation import placement_of_kind
from articles.rendering import parse_args
from articles.shortcode_rule import shortcode_lines

from .body import format_attribute, format_include
from .errors import SiteError
from .frontmatter import FOLDERS
from .includes import MAP_INCLUDES
from .placements import PHOTO_INCLUDES

KIND_INCLUDES = {rule.kind: name for name, rule in PHOTO_INCLUDES.items()}
MAP_VARIANTS = {variant: name for name, variant in MAP_INCLUDES.items()}
INCLUDE_NAMES = {
    "related-videos": "promo-video.html",
    "editors-note": "editors-note.html",
}


def _placed_numbers(body):
    """The placement numbers a body's [[photo N]] and [[mugshot N]] lines show."""
    numbers = set()
    for _line, shortcode in shortcode_lines(body):
        if (
            shortcode
            and not shortcode.closing
            and shortcode.name in ("photo", "mugshot")
        ):
            first = next(iter(parse_args(shortcode.args)["_"]), "")
            if first.isdigit():
                numbers.add(int(first))
    return numbers


class _Exporter:
    def __init__(self, out_dir):
        self.out_dir = Path(out_dir)
        self.keys = dict(ImportedImage.objects.values_list("photo_id", "key"))

    def image_ref(self, photo):
        """A path under /img/ (file copied into OUT_DIR/img) or the remote URL."""
        key = self.keys.get(photo.pk)
        if key and "://" in key:
            return key
        if not photo.image:
            return photo.source_url
        key = key or f"img/{Path(photo.image.name).name}"
        target = self.out_dir / key
        target.parent.mkdir(parents=True, exist_ok=True)
        with photo.image.open("rb") as source, target.open("wb") as out:
            shutil.copyfileobj(source, out)
        return "/" + key

    # --- front matter ------------------------------------------------------

    def front_matter(self, article, language, imported, placements):
        data = {"title": localized(article, "title", language)}
        if localized(article, "summary", language):
            data["summary"] = localized(article, "summary", language)
        bylines = list(article.bylines.all())
        if bylines:
            # No name in this language: metrics-byline alone.
            if any(localized(b.author, "display_name", language) for b in bylines):
                names = [
                    localized(b.author, "display_name", language, fallback=True)
                    for b in bylines
                ]
                data["byline"] = join_names(names, language)
            data["metrics-byline"] = "; ".join(b.author.sort_name for b in bylines)
        placed = set()
        for other in LANGUAGE_CODES:
            placed |= _placed_numbers(localized(article, "body", other))
        hero = placement_of_kind(placements, "hero", language)
        if hero:
            data["image"] = self.image_ref(hero.photo)
            if localized(hero, "caption", language):
                data["cutline"] = localized(hero, "caption", language)
            if hero.photo.credit_line:
                data["credit"] = hero.photo.credit_line
            if localized(hero.photo, "alt_text", language):
                data["alt"] = localized(hero.photo, "alt_text", language)
        for kind, key in (("window", "window_image"), ("mugshot", "mugshot")):
            found = next(
                (
                    p
                    for p in sorted(placements, key=lambda p: not p.language)
                    if p.kind == kind
                    and p.language in ("", language)
                    and (kind == "window" or p.position not in placed)
                ),
                None,
            )
            if found:
                data[key] = self.image_ref(found.photo)
        for name, key in (("dateline", "dateline"), ("map_pin", "map_pin")):
            if localized(article, name, language):
                data[key] = localized(article, name, language)
        if localized(article, "location_name", language):
            data["location"] = localized(article, "location_name", language)
        latitude = localized(article, "latitude", language)
        if latitude is not None:
            longitude = localized(article, "longitude", language)
            data["coordinates"] = f"{latitude}, {longitude}"
        others = [p for p in article.imported_posts.all() if p.language != language]
        if others:
            data["translation"] = others[0].legacy_path
        if localized(article, "editors_note", language):
            data["note"] = localized(article, "editors_note", language)
        if localized(article, "youtube_id", language):
            data["youtube"] = localized(article, "youtube_id", language)
        profile = getattr(article, "profile", None)
        if profile is not None:
            for name, key in (("persona", "persona"), ("occupation", "occupation"),
                              ("party", "party")):  # fmt: skip
                if localized(profile, name, language):
                    data[key] = localized(profile, name, language)
            if profile.name_en:
                data["name-english"] = profile.name_en
            if profile.age is not None:
                data["age"] = str(profile.age)
        tags = [tag.name for tag in article.tags.all()]
        if tags:
            data["tag"] = ", ".join(tags)
        published_at = localized(article, "published_at", language)
        if published_at:
            local = timezone.localtime(published_at)
            data["date"] = (
                local.strftime("%Y-%m-%d")
                if local.time() == local.time().min
                else local.strftime("%Y-%m-%d %H:%M:%S %z")
            )
        if localized(article, "status", language) != "published":
            data["status"] = localized(article, "status", language)
        data["categories"] = (
            imported.categories if imported else article.section.slug_en
        )
        data["layout"] = article.layout
        data["language"] = FOLDERS[language]
        if imported:
            data.update(imported.options)
            data.update(imported.raw_metadata)
        return data

    # --- body ----------------------------------------------------------------

    def body(self, article, language, placements):
        by_position = {p.position: p for p in placements}
        pullquotes = {q.position: q for q in article.pullquotes.all()}
        lines = []
        for line, shortcode in shortcode_lines(localized(article, "body", language)):
            if shortcode is None:
                lines.append(line.replace("[[dateline]]", "$DATELINE$"))
                continue
            name = shortcode.name
            if shortcode.closing:
                if name not in ("annotation", "styled"):
                    lines.append(line)
                continue
            args = parse_args(shortcode.args)
            positional = args.pop("_")
            extras = list(args.items())
            number = (
                int(positional[0]) if positional and positional[0].isdigit() else None
            )
            lines.append(
                self.construct(
                    name, number, positional, extras, language, by_position, pullquotes
                )
                or line
            )
        return "\n".join(lines)

    def construct(self, name, number, positional, extras, language, placements, quotes):
        if name in ("photo", "mugshot") and number in placements:
            placement = placements[number]
            photo = placement.photo
            args = [("file", self.image_ref(photo))]
            if localized(placement, "caption", language):
                args.append(("caption", localized(placement, "caption", language)))
            if photo.credit_line and name == "photo":
                args.append(("credit", photo.credit_line))
            if localized(photo, "alt_text", language) and name == "photo":
                args.append(("alt", localized(photo, "alt_text", language)))
            return format_include(KIND_INCLUDES[placement.kind], args + extras)
        if name == "pullquote" and number in quotes:
            args = dict(extras)
            classes = ["pullquote", *args.get("class", "").split()]
            attribute = format_attribute(classes, args.get("id", ""))
            return (
                attribute + "\n" + (localized(quotes[number], "text", language) or "")
            )
        if name == "video":
            args = dict(extras)
            include = (
                "video-large.html" if args.pop("size", "") == "large" else "video.html"
            )
            return format_include(include, list(args.items()))
        if name == "map":
            args = dict(extras)
            include = MAP_VARIANTS.get(args.pop("variant", ""), "map.html")
            return format_include(include, list(args.items()))
        if name in INCLUDE_NAMES:
            return format_include(INCLUDE_NAMES[name], extras)
        if name == "include" and positional:
            return format_include(positional[0], extras)
        if name == "annotation":
            args = dict(extras)
            classes = ["annotation", *filter(None, [args.get("side", "")])]
            classes += args.get("class", "").split()
            return format_attribute(classes, args.get("id", ""))
        if name == "styled":
            args = dict(extras)
            return format_attribute(args.get("class", "").split(), args.get("id", ""))
        return None

    # --- files ---------------------------------------------------------------

    def write(self, article):
        written = 0
        placements = list(article.placements.all())
        imported = {p.language: p for p in article.imported_posts.all()}
        for language in LANGUAGE_CODES:
            if not localized(article, "title", language):
                continue
            row = imported.get(language)
            data = self.front_matter(article, language, row, placements)
            if row:
                relative = row.source_path
            else:
                when = (
                    localized(article, "published_at", language) or article.created_at
                )
                day = timezone.localtime(when).strftime("%Y-%m-%d")
                relative = f"{FOLDERS[language]}/_posts/{day}-{article.slug}.md"
            target = self.out_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            header = yaml.safe_dump(
                data, allow_unicode=True, sort_keys=False, width=1_000_000
            )
            body = self.body(article, language, placements)
            target.write_text(f"---\n{header}---\n{body}", encoding="utf-8")
            written += 1
        return written


def _config(sections):
    labels = {"english": {}, "khmer": {}}
    for section in sections:
        key = "label_" + section.slug_en.replace("-", "_")
        labels["english"][key] = section.name_en or ""
        labels["khmer"][key] = section.name_km or ""
    return {
        "permalink": "/:categories/:title:output_ext",
        "site_info__object": {
            folder: {"dictionary": values} for folder, values in labels.items()
        },
    }


def export_site(out_dir, articles=None):
    """Write `articles` (default: all) under `out_dir`; returns the number of posts.

    `out_dir` must be new or empty: exporting over an existing site (such as the
    archive itself) would overwrite its _config.yml and mix posts into it.
    """
    exporter = _Exporter(out_dir)
    if exporter.out_dir.exists() and (
        not exporter.out_dir.is_dir() or any(exporter.out_dir.iterdir())
    ):
        raise SiteError(
            f"{exporter.out_dir} is not empty; export into a new or empty folder "
            "so that no existing site is overwritten."
        )
    articles = (articles if articles is not None else Article.objects.all()).for_page()
    articles = articles.prefetch_related("imported_posts")
    total, sections = 0, {}
    for article in articles:
        total += exporter.write(article)
        sections[article.section.pk] = article.section
    exporter.out_dir.mkdir(parents=True, exist_ok=True)
    (exporter.out_dir / "_config.yml").write_text(
        yaml.safe_dump(_config(sections.values()), allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return total
