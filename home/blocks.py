"""StreamField blocks shared by every page type.

One template per block lives in templates/components/. Blocks that link somewhere return a value
that knows its own URL, so templates only ever write `value.url`.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.text import slugify
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page

from newsletter.blocks import LatestNQIBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


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


class LinkStructValue(blocks.StructValue):
    """A link that knows its own URL and text, whether it points at a page or elsewhere."""

    def url(self) -> str:
        page = self.get("page")
        if page is not None:
            return page.url
        return self.get("external_url") or ""

    def text(self) -> str:
        label = self.get("label")
        if label:
            return label
        page = self.get("page")
        return page.title if page is not None else self.get("external_url", "")

    def is_external(self) -> bool:
        return self.get("page") is None


class LinkBlock(blocks.StructBlock):
    """A page of the site or an external address: exactly one of the two."""

    label = blocks.CharBlock(
        label="Libellé",
        required=False,
        max_length=100,
        help_text="Laissez vide pour reprendre le titre de la page choisie.",
    )
    page = blocks.PageChooserBlock(label="Page du site", required=False)
    external_url = blocks.URLBlock(label="Adresse externe", required=False)

    def clean(self, value):
        value = super().clean(value)
        has_page = value.get("page") is not None
        has_url = bool(value.get("external_url"))
        if has_page == has_url:
            message = "Choisissez soit une page du site, soit une adresse externe (une seule des deux)."
            raise StructBlockValidationError(
                block_errors={
                    "page": ErrorList([ValidationError(message)]),
                    "external_url": ErrorList([ValidationError(message)]),
                }
            )
        if has_url and not value.get("label"):
            raise StructBlockValidationError(
                block_errors={"label": ErrorList([ValidationError("Un lien externe a besoin d'un libellé.")])}
            )
        return value

    class Meta:
        icon = "link"
        label = "Lien"
        value_class = LinkStructValue
        template = "components/link_block.html"


class CallToActionBlock(LinkBlock):
    lead = blocks.CharBlock(label="Phrase d'accroche", required=False, max_length=250)

    class Meta:
        icon = "pick"
        label = "Appel à l'action"
        value_class = LinkStructValue
        template = "components/call_to_action_block.html"


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


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label="Texte", features=RICH_TEXT_FEATURES, template="components/rich_text_block.html", icon="pilcrow"
    )
    image = ImageFigureBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = EmbedVideoBlock()
    table = CaptionedTableBlock()
    page_cards = PageCardsBlock()
    latest_nqi = LatestNQIBlock()

    class Meta:
        block_counts = {}
