"""The movement's organisation: governing bodies, people, roles, regional offices and their pages.

Each fact lives in one record: a governing body, a person, the Secretary General's role (whose
holder is one field), a regional office. The pages and the organisation chart read those records,
so editors never retype a fact in two places.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.text import slugify
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PreviewableMixin
from wagtail.search import index

from .blocks import RICH_TEXT_FEATURES, BaseStreamBlock, LinkBlock
from .models import BasePage, SiteImage

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
    "org_chart_context",
    "regional_offices_context",
]

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
        return "home/previews/governing_body.html"


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
        return "home/previews/person.html"


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
        return "home/previews/role.html"


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
        return "home/previews/regional_office.html"


# --- What the pages and the chart read ---------------------------------------------------------


def regional_offices_context() -> dict:
    """Open offices grouped by region (in the regions' order) and the closed ones: one query."""
    offices = list(RegionalOffice.objects.all())
    by_region = {value: [] for value in Region.values}
    closed = []
    for office in offices:
        if office.is_closed:
            closed.append(office)
        else:
            by_region.setdefault(office.region, []).append(office)
    labels = dict(Region.choices)
    open_regions = [
        {"label": labels.get(region, region), "slug": region, "offices": items}
        for region, items in by_region.items()
        if items
    ]
    return {
        "open_regions": open_regions,
        "open_offices": [office for region in open_regions for office in region["offices"]],
        "closed_offices": sorted(closed, key=lambda office: (office.closed_year or 0, office.city)),
    }


def _body_tree(bodies, secretariat):
    """Nest the governing bodies under their parents; the secretariat hangs under the leaf bodies.

    The secretariat sits under the bodies that supervise it and have no supervising child among
    them (with the demo records: under the BEI, itself under the Assemblée mondiale).
    """
    by_parent = {}
    for body in bodies:
        by_parent.setdefault(body.parent_id, []).append(body)
    supervising = {body.pk for body in secretariat.supervised_by.all()} if secretariat else set()
    known = {body.pk for body in bodies}

    def node(body, level):
        children = [node(child, level + 1) for child in by_parent.get(body.pk, [])]
        hosts_secretariat = body.pk in supervising and not any(
            child.pk in supervising for child in by_parent.get(body.pk, [])
        )
        return {"body": body, "level": min(level, 6), "children": children, "secretariat": hosts_secretariat}

    roots = [body for body in bodies if body.parent_id is None or body.parent_id not in known]
    return [node(body, 3) for body in roots]


def _max_level(nodes) -> int:
    level = 2
    for item in nodes:
        level = max(level, item["level"], _max_level(item["children"]))
    return level


def _first_of(pages, model):
    return next((page for page in pages if isinstance(page, model)), None)


def org_chart_context(pages=None, offices=None) -> dict:
    """Everything the organisation chart shows, in a fixed number of queries.

    `pages`: the organisation page's live children, when the caller already holds them (they
    include the secretariat and sections pages); `offices`: a `regional_offices_context()`.
    """
    bodies = list(GoverningBody.objects.select_related("parent"))
    if pages is None:
        secretariat = InternationalSecretariatPage.objects.live().public().first()
        sections = NationalSectionsPage.objects.live().public().first()
    else:
        secretariat = _first_of(pages, InternationalSecretariatPage)
        sections = _first_of(pages, NationalSectionsPage)
    if offices is None:
        offices = regional_offices_context()
    tree = _body_tree(bodies, secretariat)

    def hosts(nodes):
        return any(item["secretariat"] or hosts(item["children"]) for item in nodes)

    # Without a supervising body recorded, the secretariat still shows, at the top.
    secretariat_level = min(_max_level(tree) + 1, 6)
    return {
        "bodies": bodies,
        "tree": tree,
        "secretariat": secretariat,
        "secretariat_orphan": secretariat is not None and not hosts(tree),
        "secretariat_level": secretariat_level,
        "inner_level": min(secretariat_level + 1, 6),
        "secretary_general": Role.secretary_general(),
        "offices": offices["open_offices"],
        "sections": sections,
    }


# --- Pages --------------------------------------------------------------------------------------


class TitledItemBlock(blocks.StructBlock):
    """One item of a structured list: a short title and its explanation."""

    title = blocks.CharBlock(label="Intitulé", max_length=200)
    text = blocks.RichTextBlock(label="Explication", features=["bold", "italic", "link"], required=False)

    class Meta:
        icon = "list-ol"
        label = "Élément"


INTRO_HELP = "Une ou deux phrases qui résument la page ; reprises dans les listes et les résultats."


class OrganisationIndexPage(BasePage):
    """« Amnesty International dans le monde »: the entry point to the movement's organisation."""

    intro = models.TextField("chapô", blank=True, help_text=INTRO_HELP)
    image = models.ForeignKey(
        SiteImage,
        verbose_name="image principale",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    offices_intro = RichTextField(
        "présentation des bureaux régionaux",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Affichée au-dessus de la liste des bureaux (tenue dans Extraits → Bureaux régionaux).",
    )
    closed_offices_text = models.CharField(
        "phrase sur les bureaux fermés",
        max_length=300,
        default="Certains de nos bureaux régionaux ont été contraints de fermer ces dernières années.",
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name="contenu",
        blank=True,
        help_text="Blocs affichés après l'organigramme et les bureaux régionaux.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("image"),
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
        "home.InternationalSecretariatPage",
        "home.NationalSectionsPage",
        "home.InternationalMembershipPage",
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
        context["org_chart"] = org_chart_context(pages=children, offices=offices)
        context.update(offices)
        return context


class InternationalSecretariatPage(BasePage):
    """The International Secretariat (London): what it does, its missions, its Secretary General."""

    intro = models.TextField("chapô", blank=True, help_text=INTRO_HELP)
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
    body = StreamField(BaseStreamBlock(), verbose_name="contenu", blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
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

    parent_page_types = ["home.OrganisationIndexPage"]
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


class NationalSectionsPage(BasePage):
    """The national sections: where they are and what they do."""

    intro = models.TextField("chapô", blank=True, help_text=INTRO_HELP)
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
    body = StreamField(BaseStreamBlock(), verbose_name="contenu", blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
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

    parent_page_types = ["home.OrganisationIndexPage"]
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


class InternationalMembershipPage(BasePage):
    """International members: join without a national section, attached to the Secretariat."""

    intro = models.TextField("chapô", blank=True, help_text=INTRO_HELP)
    ways_to_act = StreamField(
        [("way", TitledItemBlock())],
        verbose_name="façons d'agir",
        blank=True,
        help_text="Groupe local, antenne jeune, cercle d'action, à titre individuel…",
    )
    body = StreamField(BaseStreamBlock(), verbose_name="contenu", blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("ways_to_act"),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("ways_to_act"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.OrganisationIndexPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "page « Membres internationaux »"
        verbose_name_plural = "pages « Membres internationaux »"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["secretariat"] = InternationalSecretariatPage.objects.live().public().first()
        return context
