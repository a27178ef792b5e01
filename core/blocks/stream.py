"""The stream of content blocks every page body starts from; domain apps add their own to it."""

from wagtail import blocks

from ..rich_text import RICH_TEXT_FEATURES
from .content import CaptionedTableBlock, EmbedVideoBlock, HeadingBlock, ImageFigureBlock, PageCardsBlock, QuoteBlock
from .links import CallToActionBlock


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
