"""The image model: Wagtail's, with the alternative text made mandatory and a credit line."""

from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image


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
