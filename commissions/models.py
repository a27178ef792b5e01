"""Commissions and world-region teams, intervention dossiers (DI) and testimonials.

Many intervention dossiers concern people in danger: a dossier whose `is_public` box is not
ticked exists only in the admin. It is never listed, never reachable by URL, never indexed for
search and never in the sitemap. `InterventionDossier.objects.public()` is the only door the
public site uses.
"""

from urllib.parse import urlencode

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.shortcuts import get_object_or_404
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, Page, RevisionMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from core.blocks import CallToActionBlock
from core.fields import StreamField
from core.models import BasePage, IntroMixin, body_field, intro_field
from core.rich_text import RICH_TEXT_FEATURES

from .blocks import CommissionStreamBlock
from .forms import TestimonialForm

# --- Pages ------------------------------------------------------------------------------------


class CommissionKind(models.TextChoices):
    THEMATIC = "commission", "Commission thématique"
    REGION = "region", "Région mondiale"


class CommissionIndexPage(IntroMixin, BasePage):
    """« Commissions et régions mondiales »: every commission and world-region team, by kind."""

    intro = intro_field("Une ou deux phrases qui présentent les commissions et les équipes régionales.")

    content_panels = [*Page.content_panels, *IntroMixin.intro_panels]
    search_fields = [*Page.search_fields, index.SearchField("intro", boost=2)]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["commissions.CommissionPage", "commissions.DossierRegisterPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = (
            CommissionPage.objects.child_of(self)
            .live()
            .public()
            .only("id", "title", "url_path", "path", "depth", "kind", "summary")
            .order_by("path")
        )
        groups = {kind: [] for kind in CommissionKind.values}
        for child in children:
            groups.setdefault(child.kind, []).append(child)
        labels = {"commission": "Commissions thématiques", "region": "Régions mondiales"}
        context["groups"] = [
            {"kind": kind, "label": labels.get(kind, kind), "pages": pages} for kind, pages in groups.items() if pages
        ]
        context["registers"] = (
            DossierRegisterPage.objects.child_of(self).live().public().only("id", "title", "url_path", "path", "depth")
        )
        return context

    class Meta:
        verbose_name = "index des commissions et régions"
        verbose_name_plural = "index des commissions et régions"


class CommissionPage(BasePage):
    """A thematic commission or a world-region team, run by its volunteers."""

    kind = models.CharField("type", max_length=20, choices=CommissionKind.choices, default=CommissionKind.THEMATIC)
    summary = models.TextField(
        "résumé",
        help_text="Ce que fait l'équipe, en deux ou trois phrases ; repris dans la liste des commissions.",
    )
    body = body_field(CommissionStreamBlock)
    meeting_rhythm = models.CharField(
        "rythme des réunions",
        max_length=200,
        blank=True,
        help_text="Par exemple « Une réunion par trimestre ».",
    )
    publications = models.CharField(
        "publications",
        max_length=250,
        blank=True,
        help_text="Par exemple « Un bulletin trois fois par an ».",
    )
    contact_email = models.EmailField(
        "adresse de contact",
        blank=True,
        help_text="Affichée comme lien « écrire à » sur la page.",
    )
    volunteer_cta = StreamField(
        [("call_to_action", CallToActionBlock())],
        verbose_name="appel au bénévolat",
        blank=True,
        max_num=1,
        help_text="Invitez les visiteurs à rejoindre l'équipe.",
    )
    committee_name = models.CharField(
        "comité présidé par l'équipe",
        max_length=200,
        blank=True,
        help_text="Par exemple « Comité Fonds d'aide aux victimes et aux défenseurs ». Laissez vide s'il n'y en a pas.",
    )
    committee_description = RichTextField(
        "présentation du comité",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Ce que fait le comité, qui le finance, selon quelles règles.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("meeting_rhythm"), FieldPanel("publications")]), FieldPanel("contact_email")],
            heading="Fonctionnement et contact",
        ),
        FieldPanel("volunteer_cta"),
        MultiFieldPanel([FieldPanel("committee_name"), FieldPanel("committee_description")], heading="Comité présidé"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("committee_name"),
        index.SearchField("committee_description"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["commissions.CommissionIndexPage"]
    subpage_types = ["commissions.DossierRegisterPage"]
    summary_field = "summary"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["registers"] = (
            DossierRegisterPage.objects.child_of(self).live().public().only("id", "title", "url_path", "path", "depth")
        )
        return context

    class Meta:
        verbose_name = "commission ou équipe régionale"
        verbose_name_plural = "commissions et équipes régionales"


# --- Intervention dossiers ---------------------------------------------------------------------


class DossierStatus(models.TextChoices):
    ONGOING = "en_cours", "En cours"
    RELEASED = "libere", "Libéré·e"
    ACQUITTED = "acquitte", "Acquitté·e"
    CLOSED = "clos", "Clos"


class InterventionDossierQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def public(self):
        return self.filter(is_public=True)


class InterventionDossier(index.Indexed, models.Model):
    """« Dossier d'intervention » (DI): continuous pressure on a country's authorities for people in danger."""

    person = models.CharField(
        "personne ou groupe", max_length=200, help_text="La personne ou le groupe de personnes en danger."
    )
    country = models.CharField("pays", max_length=100)
    theme = models.CharField("thème", max_length=200, blank=True, help_text="Par exemple « Liberté d'expression ».")
    status = models.CharField("statut", max_length=20, choices=DossierStatus.choices, default=DossierStatus.ONGOING)
    opened_on = models.DateField("date d'ouverture")
    outcome_on = models.DateField(
        "date de l'issue",
        null=True,
        blank=True,
        help_text="Libération, acquittement ou clôture. Ne peut pas précéder la date d'ouverture.",
    )
    responsible_commission = models.ForeignKey(
        CommissionPage,
        verbose_name="commission responsable",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dossiers",
    )
    local_groups = models.TextField(
        "groupes locaux en charge",
        blank=True,
        help_text="Les structures militantes à qui le dossier est confié, une par ligne.",
    )
    summary = models.TextField(
        "résumé public",
        blank=True,
        help_text="Quelques phrases publiables. N'y mettez rien qui puisse mettre la personne en danger.",
    )
    is_public = models.BooleanField(
        "public",
        default=False,
        help_text=(
            "Cochez seulement si le dossier peut être rendu public. Non coché, il n'apparaît nulle part sur le "
            "site (registre, recherche, plan du site) : uniquement dans l'administration."
        ),
    )
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    objects = InterventionDossierQuerySet.as_manager()

    panels = [
        FieldPanel("person"),
        FieldRowPanel([FieldPanel("country"), FieldPanel("theme")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("opened_on"), FieldPanel("outcome_on")]),
        FieldPanel("responsible_commission"),
        FieldPanel("local_groups"),
        FieldPanel("summary"),
        FieldPanel("is_public"),
    ]
    search_fields = [
        index.SearchField("person", boost=3),
        index.AutocompleteField("person"),
        index.SearchField("country", boost=2),
        index.SearchField("theme"),
        index.SearchField("summary"),
        index.FilterField("is_public"),
        index.FilterField("status"),
        index.FilterField("country"),
    ]

    class Meta:
        verbose_name = "dossier d'intervention"
        verbose_name_plural = "dossiers d'intervention"
        ordering = ["-opened_on", "person"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome_on__isnull=True) | models.Q(outcome_on__gte=models.F("opened_on")),
                name="dossier_outcome_not_before_opening",
                violation_error_message="La date de l'issue ne peut pas précéder la date d'ouverture du dossier.",
            )
        ]

    def __str__(self):
        return f"{self.person} ({self.country})"

    @classmethod
    def get_indexed_objects(cls):
        # Non-public dossiers never reach the search index.
        return super().get_indexed_objects().filter(is_public=True)

    def is_indexable(self) -> bool:
        return self.is_public

    def clean(self):
        super().clean()
        if self.opened_on and self.outcome_on and self.outcome_on < self.opened_on:
            raise ValidationError(
                {"outcome_on": "La date de l'issue ne peut pas précéder la date d'ouverture du dossier."}
            )


class DossierRegisterPage(RoutablePageMixin, IntroMixin, BasePage):
    """The public register: public dossiers only, filtered by country and status with a plain GET form."""

    per_page = 20
    STATUS_PARAM = "statut"
    COUNTRY_PARAM = "pays"

    content_panels = [*Page.content_panels, *IntroMixin.intro_panels]
    search_fields = [*Page.search_fields, index.SearchField("intro", boost=2)]

    parent_page_types = ["commissions.CommissionPage", "commissions.CommissionIndexPage"]
    subpage_types = []

    @classmethod
    def find_for_links(cls):
        """The register that dossier links point into (the first live one in the tree)."""
        return cls.objects.live().public().order_by("path").first()

    @staticmethod
    def public_dossiers():
        return InterventionDossier.objects.public()

    def dossier_url(self, dossier, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage("dossier", args=(dossier.pk,))

    def read_filters(self, request, countries) -> dict:
        """Known values only: anything else (typos, injected markup) is silently ignored."""
        status = request.GET.get(self.STATUS_PARAM, "")
        country = request.GET.get(self.COUNTRY_PARAM, "")
        return {
            "status": status if status in DossierStatus.values else "",
            "country": country if country in countries else "",
        }

    @path("", name="register")
    def register(self, request):
        countries = list(self.public_dossiers().order_by("country").values_list("country", flat=True).distinct())
        filters = self.read_filters(request, countries)
        dossiers = self.public_dossiers().select_related("responsible_commission")
        if filters["status"]:
            dossiers = dossiers.filter(status=filters["status"])
        if filters["country"]:
            dossiers = dossiers.filter(country=filters["country"])
        page_obj = Paginator(dossiers, self.per_page).get_page(request.GET.get("page"))
        base_url = self.get_url(request)
        for dossier in page_obj:
            dossier.detail_url = base_url + self.reverse_subpage("dossier", args=(dossier.pk,))
        query = {}
        if filters["country"]:
            query[self.COUNTRY_PARAM] = filters["country"]
        if filters["status"]:
            query[self.STATUS_PARAM] = filters["status"]
        return self.render(
            request,
            context_overrides={
                "dossiers": page_obj,
                "page_obj": page_obj,
                "countries": countries,
                "statuses": DossierStatus.choices,
                "filters": filters,
                "filter_query": urlencode(query),
                "is_filtered": bool(query),
            },
        )

    @path("dossier/<int:dossier_id>/", name="dossier")
    def dossier(self, request, dossier_id):
        dossier = get_object_or_404(self.public_dossiers().select_related("responsible_commission"), pk=dossier_id)
        testimonials = Testimonial.objects.shown().filter(dossier=dossier)
        return self.render(
            request,
            context_overrides={"dossier": dossier, "testimonials": testimonials},
            template="commissions/dossier_detail.html",
        )

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not base:
            return urls
        for pk, updated_at in self.public_dossiers().order_by("pk").values_list("pk", "updated_at"):
            urls.append({"location": base + self.reverse_subpage("dossier", args=(pk,)), "lastmod": updated_at})
        return urls

    class Meta:
        verbose_name = "registre des dossiers d'intervention"
        verbose_name_plural = "registres des dossiers d'intervention"


# --- Testimonials ------------------------------------------------------------------------------


class TestimonialQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def shown(self):
        """What the public site may show: published, with the speaker's consent recorded."""
        return self.filter(live=True, consent_date__isnull=False)


class Testimonial(DraftStateMixin, RevisionMixin, index.Indexed, models.Model):
    """Words of a person Amnesty supported, or of a relative. Published only with a recorded consent."""

    quote = models.TextField("citation", help_text="Les mots exacts, sans les guillemets.")
    speaker = models.CharField(
        "qui parle",
        max_length=200,
        help_text="La personne elle-même ou un proche, par exemple « Mère de Ioulia Tsvetkova ».",
    )
    person = models.CharField("personne soutenue", max_length=200)
    country = models.CharField("pays", max_length=100)
    outcome = models.CharField("issue", max_length=200, blank=True, help_text="Par exemple « acquittée », « libéré ».")
    outcome_date = models.DateField("date de l'issue", null=True, blank=True)
    dossier = models.ForeignKey(
        InterventionDossier,
        verbose_name="dossier d'intervention",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="testimonials",
        help_text="Facultatif. Le lien ne s'affiche que si le dossier est public.",
    )
    consent_date = models.DateField(
        "date du consentement",
        null=True,
        blank=True,
        help_text="Date à laquelle la personne qui parle a accepté la publication. Obligatoire pour publier.",
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="testimonial")

    objects = TestimonialQuerySet.as_manager()

    base_form_class = TestimonialForm
    panels = [
        FieldPanel("quote"),
        FieldRowPanel([FieldPanel("speaker"), FieldPanel("person")]),
        FieldRowPanel([FieldPanel("country"), FieldPanel("outcome"), FieldPanel("outcome_date")]),
        FieldPanel("dossier"),
        FieldPanel("consent_date"),
    ]
    search_fields = [
        index.SearchField("quote"),
        index.SearchField("speaker"),
        index.SearchField("person", boost=2),
        index.SearchField("country"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = "témoignage"
        verbose_name_plural = "témoignages"
        ordering = ["-outcome_date", "pk"]

    def __str__(self):
        return f"{self.speaker} ({self.country})"

    @property
    def revisions(self):
        return self._revisions

    @classmethod
    def get_indexed_objects(cls):
        return super().get_indexed_objects().shown()

    def is_indexable(self) -> bool:
        return self.live and self.consent_date is not None


@receiver(post_save, sender=InterventionDossier)
@receiver(post_save, sender=Testimonial)
def drop_hidden_objects_from_search_index(sender, instance, raw=False, **kwargs):
    """Wagtail only adds what `get_indexed_objects` allows; it never removes what stopped being public."""
    if raw or instance.is_indexable():
        return
    index.remove_object(instance)
