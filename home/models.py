"""The home page and the standard page: the site's general pages."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import CallToActionBlock
from core.fields import StreamField
from core.models import BasePage, IntroMixin, MainImageMixin, SiteImage, body_field
from core.rich_text import RICH_TEXT_FEATURES
from newsletter.blocks import NQIStreamBlock


class HomePage(BasePage):
    hero_title = models.CharField(
        "titre d'accroche",
        max_length=200,
        blank=True,
        help_text="Grand titre en haut de la page. Laissez vide pour reprendre le titre de la page.",
    )
    hero_text = models.TextField("texte d'accroche", blank=True)
    hero_image = models.ForeignKey(
        SiteImage,
        verbose_name="image d'accroche",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_cta = StreamField(
        [("call_to_action", CallToActionBlock())],
        verbose_name="appel à l'action",
        blank=True,
        max_num=1,
    )
    # Rich text under the hero (the other pages' `intro` is a plain-text chapô).
    introduction = RichTextField("introduction", blank=True, features=RICH_TEXT_FEATURES)
    body = body_field(NQIStreamBlock)

    summary_field = "introduction"

    hero_panels = [
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image"), FieldPanel("hero_cta")],
            heading="Accroche",
        )
    ]
    content_panels = [*Page.content_panels, *hero_panels, FieldPanel("introduction"), FieldPanel("body")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_text"),
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "commissions.CommissionIndexPage",
        "organisation.OrganisationIndexPage",
        "newsletter.NQIIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "page d'accueil"
        verbose_name_plural = "pages d'accueil"


class StandardPage(IntroMixin, MainImageMixin, BasePage):
    body = body_field(NQIStreamBlock)

    content_panels = [
        *Page.content_panels,
        *IntroMixin.intro_panels,
        *MainImageMixin.image_panels,
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = self.get_children().live().public().only("id", "title", "url_path", "path", "depth")
        return context

    class Meta:
        verbose_name = "page standard"
        verbose_name_plural = "pages standard"
