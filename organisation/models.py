"""The organisation pages: « Amnesty International dans le monde » and the three pages below it.

The records they show (governing bodies, people, roles, regional offices) live in
organisation.records, one fact per record; the chart is built by organisation.chart.
"""

from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import LinkBlock
from core.fields import StreamField
from core.models import BasePage, IntroMixin, MainImageMixin, body_field
from core.rich_text import RICH_TEXT_FEATURES
from newsletter.blocks import NQIStreamBlock

from .blocks import TitledItemBlock
from .chart import org_chart_context, regional_offices_context
from .records import FIRST_REGIONAL_OFFICE_YEAR, GoverningBody, Person, Region, RegionalOffice, Role

__all__ = [
    "FIRST_REGIONAL_OFFICE_YEAR",
    "GoverningBody",
    "InternationalMembershipPage",
    "InternationalSecretariatPage",
    "NationalSectionsPage",
    "OrganisationIndexPage",
    "Person",
    "Region",
    "RegionalOffice",
    "Role",
]


# --- Pages --------------------------------------------------------------------------------------


class OrganisationIndexPage(IntroMixin, MainImageMixin, BasePage):
    """« Amnesty International dans le monde »: the entry point to the movement's organisation."""

    offices_intro = RichTextField(
        "présentation des bureaux régionaux",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Affichée au-dessus de la liste des bureaux (tenue dans Organisation → Bureaux régionaux).",
    )
    closed_offices_text = models.CharField(
        "phrase sur les bureaux fermés",
        max_length=300,
        default="Certains de nos bureaux régionaux ont été contraints de fermer ces dernières années.",
    )
    body = body_field(NQIStreamBlock, help_text="Blocs affichés après l'organigramme et les bureaux régionaux.")

    content_panels = [
        *Page.content_panels,
        *IntroMixin.intro_panels,
        *MainImageMixin.image_panels,
        MultiFieldPanel([FieldPanel("offices_intro"), FieldPanel("closed_offices_text")], heading="Bureaux régionaux"),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("offices_intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "organisation.InternationalSecretariatPage",
        "organisation.NationalSectionsPage",
        "organisation.InternationalMembershipPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = "page « Amnesty International dans le monde »"
        verbose_name_plural = "pages « Amnesty International dans le monde »"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = list(self.get_children().live().public().specific())
        offices = regional_offices_context()
        context["sections"] = children
        context["org_chart"] = org_chart_context(
            secretariat=next((page for page in children if isinstance(page, InternationalSecretariatPage)), None),
            sections=next((page for page in children if isinstance(page, NationalSectionsPage)), None),
            offices=offices,
        )
        context.update(offices)
        return context


class InternationalSecretariatPage(IntroMixin, BasePage):
    """The International Secretariat (London): what it does, its missions, its Secretary General."""

    location = models.CharField("siège", max_length=100, default="Londres")
    description = RichTextField("ce qu'il fait", blank=True, features=RICH_TEXT_FEATURES)
    supervised_by = ParentalManyToManyField(
        GoverningBody,
        verbose_name="sous l'autorité de",
        blank=True,
        related_name="supervised_secretariats",
        help_text="Les instances dirigeantes dont le Secrétariat met en œuvre les décisions.",
    )
    missions_intro = RichTextField("introduction des missions", blank=True, features=RICH_TEXT_FEATURES)
    missions = StreamField(
        [("mission", TitledItemBlock())],
        verbose_name="missions",
        blank=True,
        help_text="Une entrée par mission, dans l'ordre d'affichage.",
    )
    annual_report = StreamField(
        [("link", LinkBlock())],
        verbose_name="rapport annuel",
        blank=True,
        max_num=1,
        help_text="Lien vers le dernier rapport annuel.",
    )
    body = body_field(NQIStreamBlock)

    content_panels = [
        *Page.content_panels,
        *IntroMixin.intro_panels,
        FieldPanel("location"),
        FieldPanel("description"),
        FieldPanel("supervised_by"),
        MultiFieldPanel([FieldPanel("missions_intro"), FieldPanel("missions")], heading="Missions"),
        FieldPanel("annual_report"),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("description"),
        index.SearchField("missions"),
        index.SearchField("body"),
    ]

    parent_page_types = ["organisation.OrganisationIndexPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "page « Secrétariat international »"
        verbose_name_plural = "pages « Secrétariat international »"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["governing_bodies"] = list(self.supervised_by.select_related("parent"))
        context["organisation_page"] = self.get_parent()
        context["secretary_general"] = Role.secretary_general()
        return context


class NationalSectionsPage(IntroMixin, BasePage):
    """The national sections: where they are and what they do."""

    country_count = models.PositiveSmallIntegerField(
        "nombre de pays",
        default=70,
        help_text="Les sections sont présentes dans plus de … pays (repris dans l'organigramme).",
    )
    activities = StreamField(
        [("activity", TitledItemBlock())],
        verbose_name="ce que font les sections",
        blank=True,
    )
    body = body_field(NQIStreamBlock)

    content_panels = [
        *Page.content_panels,
        *IntroMixin.intro_panels,
        FieldPanel("country_count"),
        FieldPanel("activities"),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("activities"),
        index.SearchField("body"),
    ]

    parent_page_types = ["organisation.OrganisationIndexPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "page « Sections nationales »"
        verbose_name_plural = "pages « Sections nationales »"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["governing_bodies"] = list(GoverningBody.objects.select_related("parent"))
        context["secretariat"] = InternationalSecretariatPage.objects.live().public().first()
        context["organisation_page"] = self.get_parent()
        return context


class InternationalMembershipPage(IntroMixin, BasePage):
    """International members: join without a national section, attached to the Secretariat."""

    ways_to_act = StreamField(
        [("way", TitledItemBlock())],
        verbose_name="façons d'agir",
        blank=True,
        help_text="Groupe local, antenne jeune, cercle d'action, à titre individuel…",
    )
    body = body_field(NQIStreamBlock)

    content_panels = [
        *Page.content_panels,
        *IntroMixin.intro_panels,
        FieldPanel("ways_to_act"),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("ways_to_act"),
        index.SearchField("body"),
    ]

    parent_page_types = ["organisation.OrganisationIndexPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "page « Membres internationaux »"
        verbose_name_plural = "pages « Membres internationaux »"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["secretariat"] = InternationalSecretariatPage.objects.live().public().first()
        return context
