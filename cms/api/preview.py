"""GET /api/v2/preview/?token=...: the draft an editor is previewing, shaped like a page detail."""

from django.apps import apps
from django.core import signing
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from .errors import error_response
from .schema import ERROR
from .wagtail_schema import PAGE


class PagePreviewView(APIView):
    # The signed, expiring token is the credential: editors share it with the front-end.
    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(
        operation_id="preview_retrieve",
        parameters=[OpenApiParameter("token", str, required=True)],
        responses={200: PAGE, 400: ERROR, 404: ERROR, 410: ERROR},
    )
    def get(self, request):
        # By label, not by import: the toolkit sits below the apps and imports none of them.
        HeadlessPreview = apps.get_model("core", "HeadlessPreview")
        token = request.query_params.get("token", "")
        if not token:
            message = _("A preview token is required.")
            return error_response(message, {"token": [message]})
        try:
            preview = HeadlessPreview.from_token(token)
        except signing.SignatureExpired:
            message = _("This preview has expired; open the preview again from the editor.")
            return error_response(message, {"token": [message]}, status.HTTP_410_GONE)
        except (signing.BadSignature, HeadlessPreview.DoesNotExist):
            message = _("This preview token is not valid.")
            return error_response(message, {"token": [message]}, status.HTTP_404_NOT_FOUND)

        page = preview.as_page()
        data = self.serialize(request, page)
        data["meta"]["is_preview"] = True
        response = Response(data)
        response["Cache-Control"] = "private, no-store"
        return response

    @staticmethod
    def serialize(request, page):
        from .endpoints import wagtail_router
        from .pages import LocalizedPagesAPIViewSet

        request.wagtailapi_router = wagtail_router
        viewset = LocalizedPagesAPIViewSet(
            request=request, format_kwarg=None, action="detail_view", kwargs={}
        )
        viewset.requested_language = None
        viewset._translations = {}
        viewset._cached_object = page
        return viewset.get_serializer(page).data
