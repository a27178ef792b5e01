"""Factories of the base layer: images, documents, the home page as the default site's root.

Page factories in each app's tests/<app>/factories.py encode the page tree: each knows its parent
type, and building one builds its ancestors (down to a HomePage that is the default site's root).
"""

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.models import Page, Site

from core.models import SiteDocument, SiteImage


class SiteImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Image {n}")
    description = factory.Sequence(lambda n: f"Texte alternatif de l'image {n}")
    credit = "© Amnesty International"

    class Meta:
        model = SiteImage


class SiteDocumentFactory(factory.django.DjangoModelFactory):
    """A real, processed PDF: `pages` pages containing `words` (text and cover extracted in process)."""

    title = factory.Sequence(lambda n: f"Document {n}")

    class Meta:
        model = SiteDocument
        skip_postgeneration_save = True

    class Params:
        pages = 3
        words = "Texte du document"

    @factory.lazy_attribute
    def file(self):
        from tests.core.pdfs import make_pdf

        return ContentFile(make_pdf(self.pages, self.words), name="document.pdf")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        from core.processing import process_document

        document = model_class(*args, **kwargs)
        document.skip_processing_task = True
        document.save()
        process_document(document.pk, document.file_hash)
        document.refresh_from_db()
        return document


class SingletonPageFactory(wagtail_factories.PageFactory):
    """A page type with max_count = 1: returns the existing page, else creates it (live) under `parent`."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        existing = model_class.objects.first()
        if existing is not None:
            return existing
        return super()._create(model_class, *args, **kwargs)


def default_home_page():
    """The default site's root HomePage (created once, replacing Wagtail's welcome page)."""
    from home.models import HomePage

    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        root.get_children().filter(slug="home").delete()
        home = HomePage(title="Accueil", slug="accueil")
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or site.root_page_id != home.pk:
        Site.objects.all().delete()
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Test")
    return home
