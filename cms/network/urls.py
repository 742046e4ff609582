"""Routes of the network API, under /api/v2/network/ (see `api_urlpatterns`)."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("questions", api.QuestionViewSet, basename="network-question")
router.register("themes", api.NetworkThemeViewSet, basename="network-theme")

answer = "questions/<int:question_pk>/answers/<int:pk>/"
comment = "questions/<int:question_pk>/comments/<int:pk>/"

urlpatterns = [
    path(
        answer,
        api.AnswerViewSet.as_view({"get": "retrieve", "patch": "partial_update"}),
        name="network-answer-detail",
    ),
    path(
        answer + "accept/",
        api.AnswerViewSet.as_view({"post": "accept", "delete": "unaccept"}),
        name="network-answer-accept",
    ),
    path(
        comment,
        api.CommentViewSet.as_view({"get": "retrieve", "patch": "partial_update"}),
        name="network-comment-detail",
    ),
    path("membership/", api.MembershipView.as_view(), name="network-membership"),
    path(
        "membership/export/", api.MembershipExportView.as_view(), name="network-membership-export"
    ),
    path(
        "membership/accept-invitation/",
        api.AcceptInvitationView.as_view(),
        name="network-membership-accept",
    ),
    *router.urls,
]

# What the network adds to /api/v2/ (declared by NetworkConfig.api_urlpatterns).
api_urlpatterns = [path("network/", include(urlpatterns))]
