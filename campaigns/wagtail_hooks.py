from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import UrgentBanner


class UrgentBannerViewSet(SnippetViewSet):
    model = UrgentBanner
    icon = "warning"
    menu_label = "Bandeaux d'urgence"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["label", "message", "start", "end", "active", "target"]
    list_filter = ["active", "target"]
    search_fields = ["label", "message"]


register_snippet(UrgentBannerViewSet)
