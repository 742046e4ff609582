from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import NavigationMenu


class NavigationMenuViewSet(SnippetViewSet):
    model = NavigationMenu
    icon = "list-ul"
    list_display = ["place", "locale"]
    list_filter = ["place"]


register_snippet(NavigationMenuViewSet)
