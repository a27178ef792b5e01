from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "newsletter"
    verbose_name = "Nouvelles des Questions Internationales"

    def ready(self):
        from . import signals  # noqa: F401
