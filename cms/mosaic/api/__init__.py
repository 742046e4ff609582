from .views import AssessmentViewSet, ClauseViewSet

__all__ = ["AssessmentViewSet", "ClauseViewSet"]
