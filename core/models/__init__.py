"""The core app's models, one module each: images, documents, pages (the base page and its field
mixins) and the navigation settings."""

from .documents import ExtractionStatus, SiteDocument, format_file_size
from .images import SiteImage, SiteRendition
from .navigation import NavigationSettings
from .pages import INTRO_HELP, BasePage, IntroMixin, MainImageMixin, body_field, intro_field

__all__ = [
    "INTRO_HELP",
    "BasePage",
    "ExtractionStatus",
    "IntroMixin",
    "MainImageMixin",
    "NavigationSettings",
    "SiteDocument",
    "SiteImage",
    "SiteRendition",
    "body_field",
    "format_file_size",
    "intro_field",
]
