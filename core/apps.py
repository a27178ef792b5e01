from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every page stands on and that knows no domain: see the module docstrings below core/."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = "Socle du site"

    def ready(self):
        from . import signals  # noqa: F401
