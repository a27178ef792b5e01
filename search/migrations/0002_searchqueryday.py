"""The search log: one row per normalised query and day, nothing about the visitor."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("search", "0001_french_text_search")]

    operations = [
        migrations.CreateModel(
            name="SearchQueryDay",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "query",
                    models.CharField(
                        help_text="Normalisée : minuscules, sans accents.", max_length=200, verbose_name="requête"
                    ),
                ),
                ("date", models.DateField(db_index=True, verbose_name="jour")),
                ("searches", models.PositiveIntegerField(default=0, verbose_name="recherches")),
                ("zero_results", models.PositiveIntegerField(default=0, verbose_name="recherches sans résultat")),
            ],
            options={"verbose_name": "requête du jour", "verbose_name_plural": "journal des recherches"},
        ),
        migrations.AddConstraint(
            model_name="searchqueryday",
            constraint=models.UniqueConstraint(fields=("query", "date"), name="search_query_day_unique"),
        ),
    ]
