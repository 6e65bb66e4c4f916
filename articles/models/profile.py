from django.core.validators import MaxValueValidator
from django.db import models


class PersonProfile(models.Model):
    """The person a profile story is about (the archive's persona/name/age… keys)."""

    article = models.OneToOneField(
        "articles.Article", on_delete=models.CASCADE, related_name="profile"
    )
    persona = models.CharField(
        max_length=200, blank=True, help_text="Who they are, e.g. 'CPP senator'."
    )
    name = models.CharField(max_length=200, blank=True)
    age = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(130)]
    )
    occupation = models.CharField(max_length=200, blank=True)
    party = models.CharField(max_length=200, blank=True)

    def __str__(self):
        return self.name or self.persona or f"Profile of story {self.article_id}"
