"""StreamField blocks shared by every page type, in three modules: links, content and the stream.

Blocks that link somewhere return a value that knows its own URL, so templates only ever write
`value.url`. No block here shows a domain's content: those live in their app and are composed
into the page's stream there.
"""

from .content import CaptionedTableBlock, EmbedVideoBlock, HeadingBlock, ImageFigureBlock, PageCardsBlock, QuoteBlock
from .links import CallToActionBlock, LinkBlock, LinkStructValue, page_or_url_error
from .stream import BaseStreamBlock

__all__ = [
    "BaseStreamBlock",
    "CallToActionBlock",
    "CaptionedTableBlock",
    "EmbedVideoBlock",
    "HeadingBlock",
    "ImageFigureBlock",
    "LinkBlock",
    "LinkStructValue",
    "PageCardsBlock",
    "QuoteBlock",
    "page_or_url_error",
]
