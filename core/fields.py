"""A StreamField whose migrations do not carry its block tree.

A StreamField is a JSON column: its blocks change no schema. Wagtail's own field writes the whole
block definition into every migration, so a change to a shared block re-serialises it into every
field that uses it. This one leaves the blocks (and the label) out of `deconstruct()`, so a
migration records the column only. In a migration's historical model the field has no blocks:
data migrations that rewrite stream content must work on `raw_data`.
"""

from wagtail import fields


class StreamField(fields.StreamField):
    def __init__(self, block_types=None, **kwargs):
        # Historical models (in migrations) are built without block types.
        super().__init__(block_types if block_types is not None else [], **kwargs)

    def deconstruct(self):
        # Django's Field.deconstruct, skipping Wagtail's, which serialises the blocks.
        name, path, _args, kwargs = super(fields.StreamField, self).deconstruct()
        kwargs.pop("verbose_name", None)
        return name, path, [], kwargs
