"""/api/v2/needs/, resources/, matches/, projects/ and assistance/coverage/.

Taxonomy terms are named by code (`country: "KE"`, `themes: ["marking"]`); `names` gives
each code's name in the requested language. Titles and descriptions come in the requested
language when translated, else in their original language with `is_fallback: true`.

The views the API router wires are named here; everything else is imported from its module
(`fields`, `serializers`, `filters`, `permissions`, `renderers`, `views`).
"""

from .views.coverage import CoverageView
from .views.matches import MatchViewSet
from .views.needs import NeedViewSet
from .views.projects import ProjectViewSet
from .views.resources import ResourceViewSet

__all__ = ["CoverageView", "MatchViewSet", "NeedViewSet", "ProjectViewSet", "ResourceViewSet"]
