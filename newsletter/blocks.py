"""NQI blocks: an article summary (inside an issue) and "Dernières NQI", composed into the pages'
content stream as `NQIStreamBlock` by the apps whose pages may show the latest issues.

newsletter.models imports this module (for ArticleSummaryBlock): the issues are looked up when the
block renders, not at import time.
"""

from django.apps import apps
from wagtail import blocks

from core.blocks import BaseStreamBlock


class ArticleSummaryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre de l'article", max_length=200)
    region = blocks.CharBlock(
        label="Région ou thème", max_length=100, required=False, help_text="Par exemple « Afrique » ou « Gouvernance »."
    )
    text = blocks.TextBlock(label="Résumé", help_text="Quelques phrases qui résument l'article du numéro.")

    class Meta:
        icon = "doc-full"
        label = "Article résumé"
        template = "components/nqi_article_block.html"


class LatestNQIBlock(blocks.StructBlock):
    """The three latest published issues, with a link to the archive."""

    heading = blocks.CharBlock(label="Titre", max_length=200, default="Dernières NQI")

    def get_context(self, value, parent_context=None):
        # Looked up when the block renders: newsletter.models imports this module.
        index_page_model = apps.get_model("newsletter", "NQIIndexPage")
        context = super().get_context(value, parent_context=parent_context)
        context["issues"] = list(
            apps.get_model("newsletter", "NQIIssuePage")
            .objects.live()
            .public()
            .select_related("pdf", "pdf__cover", "cover_image")
            .order_by("-month", "-pk")[: index_page_model.latest_count]
        )
        context["index_page"] = index_page_model.objects.live().public().only("title", "url_path").first()
        return context

    class Meta:
        icon = "doc-full-inverse"
        label = "Dernières NQI"
        template = "components/latest_nqi_block.html"
        stylesheet = "css/nqi.css"  # loaded in <head> by core_tags.stream_stylesheets


class NQIStreamBlock(BaseStreamBlock):
    """The shared content blocks plus « Dernières NQI »: the body of every page that may show the latest issues."""

    latest_nqi = LatestNQIBlock()
