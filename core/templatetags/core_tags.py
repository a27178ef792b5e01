"""Template tags of the base layer."""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html_join
from wagtail.fields import StreamField

register = template.Library()


def block_stylesheets(page) -> list[str]:
    """The stylesheets the blocks in the page's content declare (`Meta.stylesheet`), each once, in order.

    A block that shows a domain's content (« Dernières NQI ») brings its app's sheet along, so the
    sheet loads in <head> on whatever page the editor puts it. Reads the stored block types only.
    """
    sheets = []
    for field in page._meta.get_fields():
        if not isinstance(field, StreamField):
            continue
        child_blocks = field.stream_block.child_blocks
        for item in getattr(page, field.name).raw_data:
            block = child_blocks.get(item.get("type"))
            sheet = getattr(block.meta, "stylesheet", None) if block is not None else None
            if sheet and sheet not in sheets:
                sheets.append(sheet)
    return sheets


@register.simple_tag(takes_context=True)
def stream_stylesheets(context):
    page = context.get("page")
    if page is None or not hasattr(page, "_meta"):
        return ""
    return format_html_join(
        "\n    ", '<link rel="stylesheet" href="{}">', ((static(sheet),) for sheet in block_stylesheets(page))
    )
