"""Content blocks every page may use: headings, images, quotes, embeds, tables, page cards.

One template per block lives in templates/components/.
"""

from django.utils.text import slugify
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Titre", max_length=200)
    level = blocks.ChoiceBlock(
        label="Niveau",
        choices=[("h2", "Titre de section (h2)"), ("h3", "Sous-titre (h3)"), ("h4", "Intertitre (h4)")],
        default="h2",
        help_text="Respectez la hiérarchie : un h3 suit toujours un h2.",
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["anchor"] = slugify(value["text"])
        return context

    class Meta:
        icon = "title"
        label = "Titre"
        template = "components/heading_block.html"


class ImageFigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(
        label="Image",
        help_text="Le texte alternatif est celui de l'image dans la médiathèque (champ obligatoire).",
    )
    caption = blocks.CharBlock(label="Légende", required=False, max_length=300)

    class Meta:
        icon = "image"
        label = "Image"
        template = "components/image_figure_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label="Citation")
    attribution = blocks.CharBlock(label="Auteur ou autrice", required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = "Citation"
        template = "components/quote_block.html"


class EmbedVideoBlock(blocks.StructBlock):
    embed = EmbedBlock(label="Adresse de la vidéo ou du contenu", help_text="Par exemple une vidéo YouTube ou Vimeo.")
    title = blocks.CharBlock(
        label="Titre accessible", max_length=200, help_text="Décrit le contenu pour les lecteurs d'écran."
    )

    class Meta:
        icon = "media"
        label = "Contenu intégré"
        template = "components/embed_block.html"


class CaptionedTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        label="Titre du tableau", max_length=200, help_text="Lu en premier par les lecteurs d'écran."
    )
    table = TableBlock(label="Tableau", table_options={"startRows": 3, "startCols": 3})

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # TableBlock renders its own <caption> from "table_caption": feed it the required title.
        value["table"]["table_caption"] = value["caption"]
        return context

    class Meta:
        icon = "table"
        label = "Tableau"
        template = "components/table_block.html"


class PageCardsBlock(blocks.StructBlock):
    """A titled grid of links to chosen pages, each with its summary."""

    heading = blocks.CharBlock(label="Titre", max_length=200)
    pages = blocks.ListBlock(blocks.PageChooserBlock(label="Page"), label="Pages", min_num=1)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        ids = [page.pk for page in value["pages"] if page is not None]
        # One query for the specific pages, whatever their number; unpublished pages drop out.
        by_id = Page.objects.live().public().filter(pk__in=ids).specific().in_bulk()
        context["cards"] = [by_id[pk] for pk in ids if pk in by_id]
        return context

    class Meta:
        icon = "list-ul"
        label = "Cartes de pages"
        template = "components/page_cards_block.html"
