"""Links: a page of the site or an external address, never both; the value knows its URL."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

PAGE_OR_URL_MESSAGE = "Choisissez soit une page du site, soit une adresse externe (une seule des deux)."
EXTERNAL_LABEL_MESSAGE = "Un lien externe a besoin d'un libellé."


def page_or_url_error(has_page: bool, has_url: bool) -> str:
    """The one rule for every link of the site (blocks, banners): a page or an address, not both."""
    return PAGE_OR_URL_MESSAGE if has_page == has_url else ""


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
        if error := page_or_url_error(has_page, has_url):
            raise StructBlockValidationError(
                block_errors={
                    "page": ErrorList([ValidationError(error)]),
                    "external_url": ErrorList([ValidationError(error)]),
                }
            )
        if has_url and not value.get("label"):
            raise StructBlockValidationError(
                block_errors={"label": ErrorList([ValidationError(EXTERNAL_LABEL_MESSAGE)])}
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
