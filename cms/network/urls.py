"""Routes of the network API, under /api/v2/network/ (see `api_urlpatterns`)."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from .api.membership import AcceptInvitationView, MembershipExportView, MembershipView
from .api.posts import AnswerViewSet, CommentViewSet, NetworkThemeViewSet
from .api.questions import QuestionViewSet

router = SimpleRouter()
router.register("questions", QuestionViewSet, basename="network-question")
router.register("themes", NetworkThemeViewSet, basename="network-theme")

answer = "questions/<int:question_pk>/answers/<int:pk>/"
comment = "questions/<int:question_pk>/comments/<int:pk>/"

urlpatterns = [
    path(
        answer,
        AnswerViewSet.as_view({"get": "retrieve", "patch": "partial_update"}),
        name="network-answer-detail",
    ),
    path(
        answer + "accept/",
        AnswerViewSet.as_view({"post": "accept", "delete": "unaccept"}),
        name="network-answer-accept",
    ),
    path(
        comment,
        CommentViewSet.as_view({"get": "retrieve", "patch": "partial_update"}),
        name="network-comment-detail",
    ),
    path("membership/", MembershipView.as_view(), name="network-membership"),
    path("membership/export/", MembershipExportView.as_view(), name="network-membership-export"),
    path(
        "membership/accept-invitation/",
        AcceptInvitationView.as_view(),
        name="network-membership-accept",
    ),
    *router.urls,
]

# What the network adds to /api/v2/ (declared by NetworkConfig.api_urlpatterns).
api_urlpatterns = [path("network/", include(urlpatterns))]
