"""Dates as each language writes them: "July 20, 2018" and "២០ កក្កដា ២០១៨"."""

from django.utils import timezone

KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")
KHMER_MONTHS = (
    "មករា",
    "កុម្ភៈ",
    "មីនា",
    "មេសា",
    "ឧសភា",
    "មិថុនា",
    "កក្កដា",
    "សីហា",
    "កញ្ញា",
    "តុលា",
    "វិច្ឆិកា",
    "ធ្នូ",
)
ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def khmer_digits(value):
    return str(value).translate(KHMER_DIGITS)


def format_date(value, language):
    """A reader-facing date in `language`, in the site's time zone."""
    if value is None:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    if language == "km":
        return khmer_digits(f"{value.day} {KHMER_MONTHS[value.month - 1]} {value.year}")
    return f"{ENGLISH_MONTHS[value.month - 1]} {value.day}, {value.year}"
