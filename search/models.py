"""The search log: one row per normalised query and day (search.logging writes it)."""

from django.db import models

# Longest normalised query kept: the search view caps what it reads at 200 characters.
MAX_LOGGED_QUERY_LENGTH = 200


class SearchQueryDay(models.Model):
    """How often a query was searched on a day, and how often it found nothing.

    Nothing here identifies a visitor: no address, no account, no session, no time of day.
    """

    query = models.CharField(
        "requête", max_length=MAX_LOGGED_QUERY_LENGTH, help_text="Normalisée : minuscules, sans accents."
    )
    date = models.DateField("jour", db_index=True)
    searches = models.PositiveIntegerField("recherches", default=0)
    zero_results = models.PositiveIntegerField("recherches sans résultat", default=0)

    class Meta:
        verbose_name = "requête du jour"
        verbose_name_plural = "journal des recherches"
        constraints = [models.UniqueConstraint(fields=["query", "date"], name="search_query_day_unique")]

    def __str__(self) -> str:
        return f"{self.query} ({self.date:%d/%m/%Y})"
