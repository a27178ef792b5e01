"""The site chrome's settings: the header menu, its "Agir" call to action and the footer."""

from django.db import models
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from ..blocks import LinkBlock
from ..fields import StreamField


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
