"""Site-wide models: the image model, the base page, HomePage, StandardPage and the chrome settings."""

from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page
from wagtail.search import index

from .blocks import RICH_TEXT_FEATURES, BaseStreamBlock, CallToActionBlock, LinkBlock

# --- Images -----------------------------------------------------------------------------------


class SiteImage(AbstractImage):
    """Wagtail's image with the alternative text made mandatory and a credit line."""

    description = models.CharField(
        "texte alternatif",
        max_length=255,
        help_text=(
            "Décrivez ce que montre l'image pour les personnes qui ne la voient pas (lecteurs d'écran). Obligatoire."
        ),
    )
    credit = models.CharField(
        "crédit",
        max_length=255,
        blank=True,
        help_text="Par exemple « © Amnesty International ».",
    )

    admin_form_fields = (*Image.admin_form_fields, "credit")

    @property
    def alt_text(self) -> str:
        return self.description

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"
        permissions = [("choose_image", "Can choose image")]


class SiteRendition(AbstractRendition):
    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


# --- Pages ------------------------------------------------------------------------------------


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
    intro = RichTextField("introduction", blank=True, features=RICH_TEXT_FEATURES)
    body = StreamField(BaseStreamBlock(), verbose_name="contenu", blank=True)

    hero_panels = [
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image"), FieldPanel("hero_cta")],
            heading="Accroche",
        )
    ]
    content_panels = [*Page.content_panels, *hero_panels, FieldPanel("intro"), FieldPanel("body")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_text"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "commissions.CommissionIndexPage",
        "home.OrganisationIndexPage",
        "newsletter.NQIIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "page d'accueil"
        verbose_name_plural = "pages d'accueil"


class StandardPage(BasePage):
    intro = models.TextField(
        "chapô",
        blank=True,
        help_text="Une ou deux phrases qui résument la page ; reprises dans les listes et les résultats.",
    )
    image = models.ForeignKey(
        SiteImage,
        verbose_name="image principale",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name="contenu", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("image"), FieldPanel("body")]

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


# --- Site chrome ------------------------------------------------------------------------------


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting):
    """The header menu, its "Agir" call to action and the footer, edited under Paramètres."""

    main_menu = StreamField(
        [("link", LinkBlock())],
        verbose_name="menu principal",
        blank=True,
        help_text="Les liens du menu en haut de chaque page, dans l'ordre.",
    )
    action_link = StreamField(
        [("link", LinkBlock())],
        verbose_name="bouton d'action",
        blank=True,
        max_num=1,
        help_text="Le bouton mis en avant dans l'en-tête (« Agir »).",
    )
    footer_links = StreamField(
        [("link", LinkBlock())],
        verbose_name="liens du pied de page",
        blank=True,
    )
    footer_text = models.TextField(
        "texte du pied de page",
        blank=True,
        help_text="Par exemple l'adresse postale ou une phrase sur le mouvement.",
    )

    edit_handler = TabbedInterface(
        [
            ObjectList([FieldPanel("main_menu"), FieldPanel("action_link")], heading="En-tête"),
            ObjectList([FieldPanel("footer_links"), FieldPanel("footer_text")], heading="Pied de page"),
        ]
    )

    class Meta:
        verbose_name = "navigation"


from .organisation import *  # noqa: E402, F403  (the organisation pages and records, issue 4)
