"""Delete the search log's days older than the retention (SEARCH_LOG_MAX_AGE_DAYS, 90 by default).

The log also purges itself once a day as searches come in; this command is for a scheduled job
or for an operator who lowered the retention.
"""

from django.core.management.base import BaseCommand

from search.logging import max_age_days, purge_old_entries


class Command(BaseCommand):
    help = "Supprime du journal des recherches les jours plus anciens que la durée de conservation."

    def handle(self, *args, **options):
        deleted = purge_old_entries()
        self.stdout.write(
            f"{deleted} ligne(s) supprimée(s) du journal des recherches (conservation : {max_age_days()} jours)."
        )
