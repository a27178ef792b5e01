"""The organisation records (snippets): governing bodies, people, roles and regional offices.

Each fact lives in one record; the pages (organisation.models) and the chart (organisation.chart)
read them. Editors keep them under « Organisation » in the admin menu.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import PreviewableMixin
from wagtail.search import index

from core.blocks import LinkBlock
from core.fields import StreamField
from core.models import SiteImage
from core.rich_text import RICH_TEXT_FEATURES

# Regional offices opened from 1994 on: before that, the movement worked from London only.
FIRST_REGIONAL_OFFICE_YEAR = 1994


def current_year() -> int:
    return datetime.date.today().year


# --- Records (snippets) -------------------------------------------------------------------------


class GoverningBody(PreviewableMixin, index.Indexed, models.Model):
    """A governing body of the movement, e.g. the Assemblée mondiale or the BEI."""

    name = models.CharField("nom", max_length=150, unique=True)
    acronym = models.CharField("sigle", max_length=20, blank=True, help_text="Par exemple « BEI ».")
    role = RichTextField(
        "rôle",
        features=RICH_TEXT_FEATURES,
        help_text="Ce que fait cette instance, en quelques phrases.",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="rend compte à",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text="L'instance dont celle-ci dépend (par exemple, le BEI rend compte à l'Assemblée mondiale).",
    )
    sort_order = models.PositiveSmallIntegerField(
        "ordre d'affichage", default=0, help_text="Les instances s'affichent par ordre croissant."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("role"),
        FieldPanel("parent"),
        FieldPanel("sort_order"),
    ]

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("acronym", boost=2),
        index.SearchField("role"),
    ]

    class Meta:
        verbose_name = "instance dirigeante"
        verbose_name_plural = "instances dirigeantes"
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def label(self) -> str:
        return str(self)

    @property
    def anchor(self) -> str:
        """The id of this body's entry on the organisation page, for links from other pages."""
        return "instance-" + slugify(self.acronym or self.name)

    def clean(self):
        super().clean()
        # A body cannot answer to itself, directly or through its chain of parents.
        ancestor = self.parent
        seen = set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk is not None and ancestor.pk == self.pk:
                raise ValidationError({"parent": "Une instance ne peut pas rendre compte à elle-même."})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent

    def get_preview_template(self, request, mode_name):
        return "organisation/previews/governing_body.html"


class Person(PreviewableMixin, index.Indexed, models.Model):
    """Someone the site presents: the Secretary General, a director, a board member."""

    name = models.CharField("nom", max_length=150)
    role = models.CharField(
        "fonction",
        max_length=200,
        blank=True,
        help_text="Par exemple « Secrétaire générale d'Amnesty International ».",
    )
    photo = models.ForeignKey(
        SiteImage,
        verbose_name="photo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Le texte alternatif est celui de l'image dans la médiathèque (champ obligatoire).",
    )
    biography = RichTextField("biographie", blank=True, features=RICH_TEXT_FEATURES)
    start_date = models.DateField("en fonction depuis", null=True, blank=True, help_text="Date de prise de fonction.")
    links = StreamField(
        [("link", LinkBlock())],
        verbose_name="liens",
        blank=True,
        help_text="Entretiens, tribunes, pages de référence…",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("start_date"),
        FieldPanel("biography"),
        FieldPanel("links"),
    ]

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("role", boost=2),
        index.SearchField("biography"),
    ]

    class Meta:
        verbose_name = "personne"
        verbose_name_plural = "personnes"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_preview_template(self, request, mode_name):
        return "organisation/previews/person.html"


class Role(PreviewableMixin, index.Indexed, models.Model):
    """A position in the movement and its current holder: changing the holder is one edit."""

    SECRETARY_GENERAL = "secretaire-general"
    CODES = [(SECRETARY_GENERAL, "Secrétaire général·e d'Amnesty International")]

    code = models.CharField(
        "poste",
        max_length=50,
        choices=CODES,
        unique=True,
        help_text="La fonction que les pages du site affichent.",
    )
    title = models.CharField(
        "intitulé affiché",
        max_length=150,
        help_text="Tel qu'il s'affiche, accordé à la personne en poste (par exemple « Secrétaire générale »).",
    )
    holder = models.ForeignKey(
        Person,
        verbose_name="titulaire actuel·le",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="roles",
        help_text="Changer de titulaire : choisissez ici la nouvelle personne, les pages suivent.",
    )
    appointed_by = models.ForeignKey(
        GoverningBody,
        verbose_name="nommé·e par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appointed_roles",
    )
    description = RichTextField("mission", blank=True, features=RICH_TEXT_FEATURES)

    panels = [
        FieldPanel("code"),
        FieldPanel("title"),
        FieldPanel("holder"),
        FieldPanel("appointed_by"),
        FieldPanel("description"),
    ]

    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.RelatedFields("holder", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = "fonction"
        verbose_name_plural = "fonctions"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.title} : {self.holder}" if self.holder_id else f"{self.title} (poste vacant)"

    @classmethod
    def secretary_general(cls):
        return (
            cls.objects.select_related("holder", "holder__photo", "appointed_by")
            .filter(code=cls.SECRETARY_GENERAL)
            .first()
        )

    def get_preview_template(self, request, mode_name):
        return "organisation/previews/role.html"


class Region(models.TextChoices):
    AFRICA = "afrique", "Afrique"
    ASIA_PACIFIC = "asie-pacifique", "Asie-Pacifique"
    CENTRAL_EASTERN_EUROPE = "europe-centrale-orientale", "Europe centrale et orientale"
    LATIN_AMERICA = "amerique-latine", "Amérique latine"
    MIDDLE_EAST = "moyen-orient", "Moyen-Orient"


class RegionalOffice(PreviewableMixin, index.Indexed, models.Model):
    """A regional office of the International Secretariat, open or forced to close."""

    class Status(models.TextChoices):
        OPEN = "open", "Ouvert"
        CLOSED = "closed", "Fermé"

    city = models.CharField("ville", max_length=100, unique=True)
    region = models.CharField("région", max_length=40, choices=Region.choices)
    opened_year = models.PositiveSmallIntegerField(
        "année d'ouverture",
        validators=[
            MinValueValidator(
                FIRST_REGIONAL_OFFICE_YEAR,
                message=f"Les bureaux régionaux ont ouvert à partir de {FIRST_REGIONAL_OFFICE_YEAR}.",
            )
        ],
    )
    status = models.CharField("statut", max_length=10, choices=Status.choices, default=Status.OPEN)
    closed_year = models.PositiveSmallIntegerField(
        "année de fermeture",
        null=True,
        blank=True,
        help_text="Obligatoire pour un bureau fermé ; laissez vide pour un bureau ouvert.",
    )
    text = models.TextField("présentation", blank=True, help_text="Une ou deux phrases sur le rôle du bureau.")

    panels = [
        FieldPanel("city"),
        FieldPanel("region"),
        FieldPanel("opened_year"),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("closed_year")], heading="Statut"),
        FieldPanel("text"),
    ]

    search_fields = [
        index.SearchField("city", boost=3),
        index.AutocompleteField("city"),
        index.SearchField("text"),
        index.FilterField("region"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = "bureau régional"
        verbose_name_plural = "bureaux régionaux"
        ordering = ["region", "city"]

    def __str__(self) -> str:
        return f"{self.city} ({self.get_region_display()})"

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED

    def clean(self):
        super().clean()
        errors = {}
        this_year = current_year()
        if self.opened_year is not None and self.opened_year > this_year:
            errors["opened_year"] = "L'année d'ouverture ne peut pas être dans le futur."
        if self.is_closed:
            if self.closed_year is None:
                errors["closed_year"] = "Un bureau fermé doit avoir une année de fermeture."
            elif self.opened_year is not None and self.closed_year < self.opened_year:
                errors["closed_year"] = (
                    f"Un bureau ne peut pas fermer ({self.closed_year}) avant d'avoir ouvert ({self.opened_year})."
                )
            elif self.closed_year > this_year:
                errors["closed_year"] = "L'année de fermeture ne peut pas être dans le futur."
        elif self.closed_year is not None:
            errors["closed_year"] = (
                "Un bureau ouvert n'a pas d'année de fermeture : videz ce champ ou passez le statut à « Fermé »."
            )
        if errors:
            raise ValidationError(errors)

    def get_preview_template(self, request, mode_name):
        return "organisation/previews/regional_office.html"
