"""Admin for intervention dossiers and testimonials, grouped under one menu entry."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import InterventionDossier, Testimonial


class InterventionDossierViewSet(SnippetViewSet):
    model = InterventionDossier
    icon = "folder-open-inverse"
    menu_label = "Dossiers d'intervention"
    menu_name = "dossiers-intervention"
    list_display = ["person", "country", "status", "opened_on", "outcome_on", "is_public"]
    list_filter = {"status": ["exact"], "country": ["icontains"], "is_public": ["exact"]}
    list_export = ["person", "country", "theme", "status", "opened_on", "outcome_on", "is_public"]
    search_fields = ["person", "country", "theme", "summary"]
    ordering = ["-opened_on", "person"]
    copy_view_enabled = False


class TestimonialViewSet(SnippetViewSet):
    model = Testimonial
    icon = "openquote"
    menu_label = "Témoignages"
    menu_name = "temoignages"
    list_display = ["speaker", "person", "country", "outcome_date", "consent_date"]
    list_filter = {"country": ["icontains"], "live": ["exact"]}
    search_fields = ["quote", "speaker", "person", "country"]
    copy_view_enabled = False


class CommissionsViewSetGroup(SnippetViewSetGroup):
    items = (InterventionDossierViewSet, TestimonialViewSet)
    menu_icon = "group"
    menu_label = "Dossiers et témoignages"
    menu_name = "dossiers-et-temoignages"


register_snippet(CommissionsViewSetGroup)
