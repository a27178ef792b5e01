"""Admin for the organisation records, in French, grouped under « Organisation » in the admin menu."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .records import GoverningBody, Person, RegionalOffice, Role


class GoverningBodyViewSet(SnippetViewSet):
    model = GoverningBody
    icon = "group"
    menu_label = "Instances dirigeantes"
    list_display = ["name", "acronym", "parent"]
    search_fields = ["name", "acronym"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "Personnes"
    list_display = ["name", "role", "start_date"]
    search_fields = ["name", "role"]


class RoleViewSet(SnippetViewSet):
    model = Role
    icon = "tag"
    menu_label = "Fonctions"
    list_display = ["title", "holder", "appointed_by"]


class RegionalOfficeViewSet(SnippetViewSet):
    model = RegionalOffice
    icon = "site"
    menu_label = "Bureaux régionaux"
    list_display = ["city", "region", "status", "opened_year", "closed_year"]
    list_filter = ["region", "status"]
    search_fields = ["city", "text"]
    ordering = ["region", "city"]


class OrganisationViewSetGroup(SnippetViewSetGroup):
    menu_label = "Organisation"
    menu_icon = "globe"
    menu_order = 250
    items = (GoverningBodyViewSet, RoleViewSet, PersonViewSet, RegionalOfficeViewSet)


register_snippet(OrganisationViewSetGroup)
