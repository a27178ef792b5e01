"""Donation settings and the urgent campaign banner, shown in the site chrome of every page."""

from decimal import ROUND_DOWN, Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import page_or_url_error

from .donation import IFI_CAP, IFI_RATE, INCOME_TAX_RATE, format_rate

# --- Donation ---------------------------------------------------------------------------------


def parse_presets(text: str) -> list[int]:
    """'8, 10, 15' -> [8, 10, 15]; raises ValidationError with a French message."""
    values = []
    for part in (text or "").replace(";", ",").split(","):
        part = part.strip().replace("€", "").strip()
        if not part:
            continue
        if part.startswith("-") and part[1:].strip().isdigit():
            raise ValidationError("Chaque montant proposé doit être supérieur à zéro.")
        if not part.isdigit():
            raise ValidationError(f"« {part} » n'est pas un montant en euros entiers. Exemple : 8, 10, 15.")
        value = int(part)
        if value <= 0:
            raise ValidationError("Chaque montant proposé doit être supérieur à zéro.")
        values.append(value)
    if not values:
        raise ValidationError("Indiquez au moins un montant, par exemple : 8, 10, 15.")
    if len(set(values)) != len(values):
        raise ValidationError("Chaque montant ne doit figurer qu'une fois.")
    return values


def validate_presets(text: str) -> None:
    parse_presets(text)


class Frequency(models.TextChoices):
    """How often the visitor gives; the values are what the donation platform expects."""

    REGULAR = "regular", "Mensuel"
    ONCE = "once", "Ponctuel"


class TaxRegime(models.TextChoices):
    INCOME_TAX = "income_tax", "Impôt sur le revenu : réduction de 66 %"
    IFI = "ifi", "Impôt sur la fortune immobilière (IFI) : réduction de 75 %, plafonnée à 50 000 €"


@register_setting(icon="pick")
class DonationSettings(BaseSiteSetting):
    """The "Faire un don" box: presets, tax reduction and the donation platform."""

    platform_url = models.URLField(
        "adresse de la plateforme de don",
        default="https://soutenir.amnesty.fr/",
        help_text="Le bouton « Donner » y envoie le visiteur, avec le montant (en centimes) et la fréquence.",
    )
    monthly_presets = models.CharField(
        "montants mensuels proposés (€)",
        max_length=100,
        default="8, 10, 15",
        validators=[validate_presets],
        help_text="Montants en euros entiers, séparés par des virgules. Exemple : 8, 10, 15.",
    )
    monthly_default = models.PositiveIntegerField(
        "montant mensuel présélectionné (€)", default=15, help_text="Doit figurer parmi les montants mensuels."
    )
    one_off_presets = models.CharField(
        "montants ponctuels proposés (€)",
        max_length=100,
        default="80, 100, 250",
        validators=[validate_presets],
        help_text="Montants en euros entiers, séparés par des virgules. Exemple : 80, 100, 250.",
    )
    one_off_default = models.PositiveIntegerField(
        "montant ponctuel présélectionné (€)", default=100, help_text="Doit figurer parmi les montants ponctuels."
    )
    default_frequency = models.CharField(
        "fréquence présélectionnée",
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.REGULAR,
    )
    tax_regime = models.CharField(
        "réduction d'impôt",
        max_length=20,
        choices=TaxRegime.choices,
        default=TaxRegime.INCOME_TAX,
        help_text="Le taux utilisé pour calculer le coût réel du don affiché aux visiteurs.",
    )
    max_free_amount = models.PositiveIntegerField(
        "montant libre maximum (€)",
        default=10_000,
        validators=[MinValueValidator(1)],
        help_text="Au-delà, le visiteur est invité à saisir un montant plus petit.",
    )
    heading = models.CharField("titre", max_length=60, default="Faire un don")
    sentence = models.CharField(
        "phrase de calcul",
        max_length=200,
        default="Grâce à la réduction d'impôts de {taux}, votre don ne vous coûtera que :",
        help_text="« {taux} » est remplacé par le taux (66 % ou 75 %) ; le coût réel s'affiche à la suite.",
    )
    note = models.CharField(
        "mention",
        max_length=300,
        blank=True,
        default="Réduction dans la limite de 20 % du revenu imposable.",
        help_text="Petite mention sous la phrase de calcul (facultative).",
    )
    button_label = models.CharField("texte du bouton", max_length=40, default="Donner")

    panels = [
        FieldPanel("platform_url"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("monthly_presets"), FieldPanel("monthly_default")]),
                FieldRowPanel([FieldPanel("one_off_presets"), FieldPanel("one_off_default")]),
                FieldPanel("default_frequency"),
                FieldPanel("max_free_amount"),
            ],
            heading="Montants",
        ),
        FieldPanel("tax_regime"),
        MultiFieldPanel(
            [FieldPanel("heading"), FieldPanel("sentence"), FieldPanel("note"), FieldPanel("button_label")],
            heading="Textes",
        ),
    ]

    class Meta:
        verbose_name = "dons"

    def clean(self):
        super().clean()
        errors = {}
        for presets_field, default_field, label in [
            ("monthly_presets", "monthly_default", "mensuels"),
            ("one_off_presets", "one_off_default", "ponctuels"),
        ]:
            try:
                presets = parse_presets(getattr(self, presets_field))
            except ValidationError:
                continue  # the field validator already reports it
            if getattr(self, default_field) not in presets:
                errors[default_field] = f"Le montant présélectionné doit figurer parmi les montants {label}."
            elif max(presets) > self.max_free_amount:
                errors[presets_field] = "Un montant proposé dépasse le montant libre maximum."
        if errors:
            raise ValidationError(errors)

    # What the box and the /don/ view need, computed without templates doing arithmetic.
    @property
    def rate(self) -> Decimal:
        return IFI_RATE if self.tax_regime == TaxRegime.IFI else INCOME_TAX_RATE

    def cap(self, frequency: str) -> Decimal | None:
        """The cap on the reduction for one gift: the IFI's 50 000 € a year, a twelfth of it per month."""
        if self.tax_regime != TaxRegime.IFI:
            return None
        if frequency == Frequency.REGULAR:
            return (IFI_CAP / 12).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
        return IFI_CAP

    def presets(self, frequency: str) -> list[int]:
        try:
            return parse_presets(self.monthly_presets if frequency == Frequency.REGULAR else self.one_off_presets)
        except ValidationError:
            return []

    def preselected(self, frequency: str) -> int:
        return self.monthly_default if frequency == Frequency.REGULAR else self.one_off_default

    def sentence_text(self) -> str:
        return self.sentence.replace("{taux}", format_rate(self.rate))


# --- Urgent banner ----------------------------------------------------------------------------


class BannerTarget(models.TextChoices):
    SITE = "site", "Tout le site"
    SECTIONS = "sections", "Rubriques choisies"


class UrgentBannerForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        sections = self.formsets.get("sections")
        if cleaned.get("target") == BannerTarget.SECTIONS and sections is not None:
            sections.is_valid()  # validates the inline forms, so their cleaned_data can be read
            kept = [
                form
                for form in sections.forms
                if getattr(form, "cleaned_data", {}).get("page") and not form.cleaned_data.get("DELETE", False)
            ]
            if not kept:
                self.add_error("target", "Choisissez au moins une rubrique, ou affichez le bandeau sur tout le site.")
        return cleaned


class UrgentBannerQuerySet(models.QuerySet):
    def shown_for(self, page=None, now=None):
        """Banners that may show on `page` from `now` on: active, not over, targeting it. Latest start first."""
        now = now or timezone.now()
        queryset = self.filter(active=True).filter(Q(end__isnull=True) | Q(end__gt=now))
        target = Q(target=BannerTarget.SITE)
        if isinstance(page, Page) and page.path:
            step = page.steplen
            ancestor_paths = [page.path[: index * step] for index in range(1, len(page.path) // step + 1)]
            target |= Q(target=BannerTarget.SECTIONS, sections__page__path__in=ancestor_paths)
        return queryset.filter(target).distinct().select_related("link_page").order_by("-start", "-pk")


class UrgentBanner(index.Indexed, ClusterableModel):
    """A campaign alert shown at the top of every page (or of chosen sections) during its window."""

    label = models.CharField(
        "libellé", max_length=60, help_text="Le mot d'alerte en tête du bandeau. Exemple : URGENCE PROCHE ORIENT."
    )
    message = models.CharField(
        "message",
        max_length=200,
        help_text="Une phrase courte. Exemple : Exigez avec nous la protection sans condition des populations civiles.",
    )
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="page liée",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="La page de la campagne. Ou bien indiquez une adresse externe ci-dessous (pas les deux).",
    )
    link_url = models.URLField("adresse externe", blank=True)
    link_text = models.CharField("texte du lien", max_length=60, default="Agir maintenant")
    start = models.DateTimeField("début", help_text="Le bandeau apparaît à partir de cette date et heure.")
    end = models.DateTimeField(
        "fin", null=True, blank=True, help_text="Le bandeau disparaît à cette date et heure. Vide : pas de fin prévue."
    )
    active = models.BooleanField(
        "actif", default=True, help_text="Décochez pour retirer le bandeau immédiatement, quelles que soient les dates."
    )
    target = models.CharField(
        "où l'afficher",
        max_length=10,
        choices=BannerTarget.choices,
        default=BannerTarget.SITE,
        help_text="Rubriques choisies : le bandeau s'affiche sur ces pages et toutes leurs sous-pages.",
    )

    objects = UrgentBannerQuerySet.as_manager()
    base_form_class = UrgentBannerForm

    panels = [
        FieldPanel("label"),
        FieldPanel("message"),
        MultiFieldPanel(
            [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("link_text")],
            heading="Lien",
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("active")],
            heading="Publication",
        ),
        MultiFieldPanel([FieldPanel("target"), InlinePanel("sections", label="Rubrique")], heading="Ciblage"),
    ]
    edit_handler = TabbedInterface([ObjectList(panels, heading="Bandeau")])

    search_fields = [index.SearchField("label"), index.SearchField("message"), index.FilterField("active")]

    class Meta:
        verbose_name = "bandeau d'urgence"
        verbose_name_plural = "bandeaux d'urgence"
        ordering = ["-start"]

    def __str__(self):
        return f"{self.label} — {self.message}"

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = "La fin doit être postérieure au début."
        if link_error := page_or_url_error(bool(self.link_page_id), bool(self.link_url)):
            errors["link_url" if self.link_url else "link_page"] = link_error
        if errors:
            raise ValidationError(errors)

    @property
    def url(self) -> str:
        if self.link_page is not None:
            return self.link_page.url or ""
        return self.link_url

    def is_live(self, now=None) -> bool:
        now = now or timezone.now()
        return self.active and self.start <= now and (self.end is None or now < self.end)


def banners_for(page=None, now=None) -> tuple[UrgentBanner | None, UrgentBanner | None]:
    """The banner showing now on `page` (the latest start wins) and the one that will take over next.

    One query. The next one is rendered hidden so that a cached copy of the page can reveal it at
    its start time (website/static/js/banner.js checks data-start and data-end).
    """
    now = now or timezone.now()
    candidates = list(UrgentBanner.objects.shown_for(page, now))
    current = next((banner for banner in candidates if banner.start <= now), None)
    upcoming = [banner for banner in candidates if banner.start > now]
    following = min(upcoming, key=lambda banner: (banner.start, -banner.pk)) if upcoming else None
    return current, following


class BannerSection(Orderable):
    banner = ParentalKey(UrgentBanner, on_delete=models.CASCADE, related_name="sections")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="rubrique",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Le bandeau s'affiche sur cette page et sur toutes ses sous-pages.",
    )

    class Meta(Orderable.Meta):
        verbose_name = "rubrique"
        verbose_name_plural = "rubriques"
