"""A StreamField whose migrations do not carry its block tree.

A StreamField is a JSON column: its blocks change no schema. Wagtail's own field writes the whole
block definition into every migration, so a change to a shared block re-serialises it into every
field that uses it. This one leaves the blocks (and the label) out of `deconstruct()`, so a
migration records the column only. In a migration's historical model the field has no blocks:
it then keeps the stored items as they are (Wagtail's own field would drop every item of a type it
does not know, and saving would erase the content), and data migrations that rewrite stream
content work on `raw_data`.
"""

import json

from wagtail import fields
from wagtail.blocks import StreamValue


class StreamField(fields.StreamField):
    def __init__(self, block_types=None, **kwargs):
        # Historical models (in migrations) are built without block types.
        super().__init__(block_types if block_types is not None else [], **kwargs)

    def deconstruct(self):
        # Django's Field.deconstruct, skipping Wagtail's, which serialises the blocks.
        name, path, _args, kwargs = super(fields.StreamField, self).deconstruct()
        kwargs.pop("verbose_name", None)
        return name, path, [], kwargs

    def to_python(self, value):
        if self.stream_block.child_blocks or isinstance(value, StreamValue):
            return super().to_python(value)
        # A historical model: no blocks to read the items with, so they stay raw (and are saved back as read).
        if isinstance(value, str):
            value = json.loads(value) if value.strip() else []
        stream_value = StreamValue(self.stream_block, list(value or []), is_lazy=True)
        stream_value._stream_field = self
        return stream_value
