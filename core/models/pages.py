"""The base page and the fields most pages share, with their admin panels as named lists.

A page type composes what it needs: `class StandardPage(IntroMixin, MainImageMixin, BasePage)` and
`body = body_field(SomeStreamBlock)`, then lists its panels from the mixins' named lists
(`*IntroMixin.intro_panels`, …) instead of repeating the fields.
"""

from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from ..blocks import BaseStreamBlock
from ..fields import StreamField
from .images import SiteImage

INTRO_HELP = "Une ou deux phrases qui résument la page ; reprises dans les listes et les résultats."


def intro_field(help_text: str = INTRO_HELP) -> models.TextField:
    """The chapô: plain text, a sentence or two, shown under the title and in lists."""
    return models.TextField("chapô", blank=True, help_text=help_text)


def body_field(stream_block=BaseStreamBlock, **kwargs) -> StreamField:
    """The page's free content blocks; a domain passes its own stream (the shared blocks plus its own)."""
    return StreamField(stream_block(), verbose_name="contenu", blank=True, **kwargs)


class BasePage(Page):
    """What every public page type shares: SEO description fallback and the promote panels."""

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
            ],
            heading="Référencement",
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading="Menus"),
    ]

    # The field whose text describes the page when no SEO description was written.
    summary_field = "intro"

    def get_meta_description(self) -> str:
        if self.search_description:
            return self.search_description
        text = strip_tags(str(getattr(self, self.summary_field, "") or ""))
        return Truncator(" ".join(text.split())).chars(160)

    def get_meta_title(self) -> str:
        return self.seo_title or self.title

    class Meta:
        abstract = True


class IntroMixin(models.Model):
    """The chapô under the title (templates/base_page.html shows it)."""

    intro = intro_field()

    intro_panels = [FieldPanel("intro")]

    class Meta:
        abstract = True


class MainImageMixin(models.Model):
    """The image at the top of the page, under its header (templates/base_page.html shows it)."""

    image = models.ForeignKey(
        SiteImage,
        verbose_name="image principale",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    image_panels = [FieldPanel("image")]

    class Meta:
        abstract = True
