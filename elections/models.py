"""Elections, provinces and results per province and party.

Only province rows are stored: national totals are sums over them in SQL
(elections/totals.py), so no total can disagree with its provinces. Every
change of a result goes through elections/services.py, which writes a
ResultChange row (who, when, old and new value) in the same transaction.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import override

from articles.languages import DEFAULT_LANGUAGE, current_language, localized

# Limits every database holds (PostgreSQL's integer and smallint), so a typo in
# a CSV is refused the same way on SQLite and PostgreSQL.
MAX_COUNT = 2_147_483_647
MAX_SEATS = 1000


class Election(models.Model):
    class Kind(models.TextChoices):
        NATIONAL_ASSEMBLY = "national-assembly", "National Assembly"
        SENATE = "senate", "Senate"
        COMMUNE = "commune", "Commune councils"

    slug = models.SlugField(max_length=60, unique=True, help_text="e.g. 2018")
    date = models.DateField("polling day")
    name = models.CharField(max_length=200)
    kind = models.CharField(
        max_length=20, choices=Kind.choices, default=Kind.NATIONAL_ASSEMBLY
    )

    class Meta:
        ordering = ["-date"]

    def __str__(self):
        return localized(self, "name", DEFAULT_LANGUAGE, fallback=True) or self.slug

    def get_absolute_url(self, language=None):
        return _url("elections:election", language, slug=self.slug)


class Province(models.Model):
    """One of Cambodia's provinces; `figures` holds data.merged.json's tables."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=100)
    figures = models.JSONField(
        default=dict,
        blank=True,
        help_text="Census figures by topic (population, education, electricity, "
        "migration…), as imported from data/data.merged.json.",
    )

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return localized(self, "name", DEFAULT_LANGUAGE, fallback=True) or self.slug

    def get_absolute_url(self, language=None):
        return _url("elections:province", language, slug=self.slug)


class ProvinceResult(models.Model):
    """One party's votes and seats in one province at one election."""

    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="results"
    )
    province = models.ForeignKey(
        Province, on_delete=models.CASCADE, related_name="results"
    )
    party = models.ForeignKey(
        "people.Party", on_delete=models.PROTECT, related_name="results"
    )
    votes = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_COUNT)],
        help_text="Empty when not (yet) known.",
    )
    seats = models.PositiveSmallIntegerField(
        default=0, validators=[MaxValueValidator(MAX_SEATS)]
    )

    class Meta:
        ordering = ["election", "province", "-seats", "-votes"]
        constraints = [
            models.UniqueConstraint(
                fields=["election", "province", "party"],
                name="one_result_per_party_province_election",
            )
        ]

    def __str__(self):
        return f"{self.election} · {self.province} · {self.party}"


class ProvinceTurnout(models.Model):
    """Turnout and how much of the count is in, per province and election."""

    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="turnouts"
    )
    province = models.ForeignKey(
        Province, on_delete=models.CASCADE, related_name="turnouts"
    )
    registered_voters = models.PositiveIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(MAX_COUNT)]
    )
    ballots_cast = models.PositiveIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(MAX_COUNT)]
    )
    counted_percent = models.DecimalField(
        "counted %",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
    )

    class Meta:
        ordering = ["election", "province"]
        constraints = [
            models.UniqueConstraint(
                fields=["election", "province"], name="one_turnout_per_province"
            )
        ]

    def __str__(self):
        return f"{self.election} · {self.province}"

    @property
    def turnout_percent(self):
        if not self.registered_voters or self.ballots_cast is None:
            return None
        return round(100 * self.ballots_cast / self.registered_voters, 1)


class ResultChange(models.Model):
    """One field of one result or turnout row changed: the results' history."""

    class Source(models.TextChoices):
        ADMIN = "admin", "Admin"
        CSV = "csv", "CSV upload"
        IMPORT = "import", "Archive import"

    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="changes"
    )
    province = models.ForeignKey(
        Province, on_delete=models.CASCADE, related_name="changes"
    )
    party = models.ForeignKey(
        "people.Party",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty for a turnout figure.",
    )
    field = models.CharField(max_length=40)
    old_value = models.CharField(max_length=40, blank=True)
    new_value = models.CharField(max_length=40, blank=True)
    source = models.CharField(max_length=10, choices=Source.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        indexes = [models.Index(fields=["election", "-changed_at"])]

    def __str__(self):
        who = self.changed_by or self.get_source_display()
        return (
            f"{self.province} {self.party or ''} {self.field}: "
            f"{self.old_value or '—'} → {self.new_value or '—'} ({who})"
        )


def _url(name, language, **kwargs):
    with override(language or current_language()):
        return reverse(name, kwargs=kwargs)
