"""The province figures readers see, read from Province.figures (data.merged.json).

Each figure: a label key (elections/labels.py), where it sits in the figures
(topic, name) and how it is shown. A figure the data lacks shows as "—".
"""

from dataclasses import dataclass

from elections.labels import label, number, percent


@dataclass(frozen=True)
class Figure:
    key: str
    topic: str
    name: str
    kind: str = "percent"  # or "number"
    decimals: int = 1

    def value(self, figures):
        return ((figures or {}).get(self.topic) or {}).get(self.name)

    def shown(self, figures, language):
        value = self.value(figures)
        if self.kind == "number":
            return number(value, language, self.decimals)
        return percent(value, language, self.decimals)


FIGURES = (
    Figure("population", "population", "total", "number", 0),
    Figure("growth", "population", "annual_growth", decimals=2),
    Figure("electricity", "electricity", "percent_available"),
    Figure("primary_school", "education", "percent_primary_school_2016", decimals=2),
    Figure("beyond_secondary", "education", "percent_beyond_secondary"),
    Figure("unemployment", "unemployment", "percent", decimals=2),
    Figure("infant_mortality", "health", "infant_mortality", "number", 1),
    Figure("migrants", "migration", "percent_another_province"),
)
# The columns of the all-provinces table on the data-map story.
TABLE_FIGURES = tuple(
    f for f in FIGURES if f.key in ("population", "electricity", "unemployment")
) + tuple(f for f in FIGURES if f.key == "primary_school")


def figure_rows(province, language):
    """[(label, shown value)] for one province; [] when it has no figures."""
    if not province.figures:
        return []
    return [
        (label(figure.key, language), figure.shown(province.figures, language))
        for figure in FIGURES
    ]
