"""Blocks of the organisation pages."""

from wagtail import blocks

from core.rich_text import INLINE_FEATURES


class TitledItemBlock(blocks.StructBlock):
    """One item of a structured list: a short title and its explanation."""

    title = blocks.CharBlock(label="Intitulé", max_length=200)
    text = blocks.RichTextBlock(label="Explication", features=INLINE_FEATURES, required=False)

    class Meta:
        icon = "list-ol"
        label = "Élément"
