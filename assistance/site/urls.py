"""The public pages of assistance under a language prefix (AssistanceConfig.site_urlpatterns)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from .views import AssistanceDetailView, AssistanceListView

urlpatterns = i18n_patterns(
    *(
        pattern
        for kind in ("needs", "resources", "projects")
        for pattern in (
            path(f"{kind}/", AssistanceListView.as_view(kind=kind), name=f"site-{kind}"),
            path(
                f"{kind}/<int:pk>/",
                AssistanceDetailView.as_view(kind=kind),
                name=f"site-{kind[:-1]}",
            ),
        )
    ),
    prefix_default_language=True,
)
