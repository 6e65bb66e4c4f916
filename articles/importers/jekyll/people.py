"""The people of a story: ordered bylines to Author records, and the profile subject.

Authors are found by the archive's sort name (metrics-byline), so the English
and Khmer bylines of a story — and every story a reporter wrote — share one
Author record with a display name per language.
"""

from articles.languages import field_name
from articles.models import Author, Byline, PersonProfile
from articles.slugs import slugify_unicode

from . import bylines
from . import frontmatter as fm

PROFILE_TEXT_KEYS = (("persona", "persona"), ("occupation", "occupation"),
                     ("party", "party"))  # fmt: skip
PROFILE_KEYS = ("persona", "name-english", "age", "occupation", "party")


def author_pairs(language, post, name_book, report):
    """[(display name or None, sort name or None)] in byline order for one post."""
    names = bylines.split_names(fm.text(post.data.get("byline")))
    sort_names = bylines.split_sort_names(fm.text(post.data.get("metrics-byline")))
    if language == "en" or all(n.isascii() for n in names):
        pairs, rest = bylines.match_latin(names, sort_names)
    else:
        names = bylines.regroup(names, len(sort_names))
        pairs, guessed = name_book.match(names, sort_names)
        matched = {s for _n, s in pairs}
        rest = [s for s in sort_names if s not in matched]
        if guessed:
            report.warn(
                post.source_path, "Khmer byline matched to sort names by position"
            )
    pairs = [(n, s) for n, s in pairs if n]
    for name, sort_name in pairs:
        if sort_name is None:
            report.warn(post.source_path, f"byline name {name!r} has no sort name")
    # Credited in metrics-byline only (a video's crew): shown under their names.
    return pairs + [(None, s) for s in rest]


def invented_sort_name(name):
    """'Sun Narin' -> 'Narin, Sun' for a name the metrics-byline forgot."""
    words = name.split()
    return f"{words[-1]}, {' '.join(words[:-1])}" if len(words) > 1 else name


def author_for(sort_name, display):
    """The Author with `sort_name`; display names fill in, never overwrite."""
    author = Author.objects.filter(sort_name=sort_name).first()
    fallback = bylines.display_from_sort_name(sort_name)
    if author is None:
        author = Author(sort_name=sort_name)
        base = slugify_unicode(display.get("en") or fallback) or "author"
        slug, n = base, 1
        while Author.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        author.slug = slug
    if not author.display_name_en:
        author.display_name_en = display.get("en") or fallback
    if display.get("km") and not author.display_name_km:
        author.display_name_km = display["km"]
    author.save()
    return author


def apply_bylines(article, group, name_book, report):
    """Bylines in the English order (else the only language's), one per person."""
    per_language = {
        language: author_pairs(language, post, name_book, report)
        for language, post in group.items()
    }
    first = "en" if "en" in per_language else next(iter(per_language))
    names, order = {}, []  # sort name -> {language: display name}; sort names
    for language in [first, *[x for x in per_language if x != first]]:
        for name, sort_name in per_language[language]:
            sort_name = sort_name or invented_sort_name(name)
            if sort_name not in names:
                names[sort_name] = {}
                order.append(sort_name)
            if name:
                names[sort_name].setdefault(language, name)
    for position, sort_name in enumerate(order, start=1):
        author = author_for(sort_name, names[sort_name])
        Byline.objects.create(article=article, author=author, position=position)


def apply_profile(article, group, report, keep):
    """persona / name-english / age / occupation / party -> PersonProfile.

    `keep(language, post, key)` keeps a value that could not be applied.
    """
    if not any(k in post.data for post in group.values() for k in PROFILE_KEYS):
        return
    profile = PersonProfile(article=article)
    for language, post in group.items():
        data = post.data
        for key, name in PROFILE_TEXT_KEYS:
            if key in data:
                value = fm.text(data[key]).strip()
                setattr(profile, field_name(name, language), value)
        if "name-english" in data:
            profile.name_en = fm.text(data["name-english"]).strip()
        if "age" in data:
            age, warning = fm.age(data["age"])
            if warning:
                report.warn(post.source_path, warning)
                keep(language, post, "age")
            elif profile.age is None:
                profile.age = age
    profile.save()
