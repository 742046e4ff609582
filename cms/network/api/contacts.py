"""The points-of-contact directory: public fields for all, details for whom may see them."""

import csv

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import permissions, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied

from cms.accounts.roles import is_secretariat
from cms.api.languages import language_or_default
from cms.api.schema import ERROR, LOCALE
from cms.core.models import Country
from cms.core.spreadsheets import csv_row

from ..access import can_see_contact_details
from ..models import PointOfContact
from .common import (
    valid_id,
)
from .serializers import (
    ContactSerializer,
)


class ContactFilter(filters.FilterSet):
    country = filters.CharFilter(field_name="country__code", label="ISO alpha-2 code")
    instrument = filters.ChoiceFilter(choices=PointOfContact.Instrument.choices)
    scope = filters.ChoiceFilter(choices=PointOfContact.Scope.choices)

    class Meta:
        model = PointOfContact
        fields = ["country", "instrument", "scope"]


CSV_COLUMNS = ["country", "instrument", "scope", "name", "organisation", "role_title", "email"]
CSV_COLUMNS += ["telephone"]


@extend_schema(parameters=[LOCALE])
class ContactViewSet(viewsets.ReadOnlyModelViewSet):
    """The directory of points of contact. E-mail and telephone for members and the secretariat."""

    serializer_class = ContactSerializer
    filterset_class = ContactFilter
    permission_classes = [permissions.AllowAny]
    lookup_value_regex = "[0-9]+"

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.requested_language = language_or_default(request)
        self.country_names = Country.objects.names(self.requested_language)
        self.shows_contact_details = can_see_contact_details(request.user)

    def get_queryset(self):
        return PointOfContact.objects.select_related("country").order_by(
            "country__code", "scope", "instrument", "name", "pk"
        )

    def get_object(self):
        valid_id(self.kwargs["pk"])
        return super().get_object()

    @extend_schema(
        responses={
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="The directory."),
            401: ERROR,
            403: ERROR,
        },
        operation_id="contacts_export",
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def export(self, request):
        if not request.user.is_authenticated:
            self.permission_denied(request)
        if not is_secretariat(request.user):
            raise PermissionDenied(_("Only the secretariat may export the directory."))
        contacts = self.filter_queryset(self.get_queryset())
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="points-of-contact.csv"'
        writer = csv.writer(response)
        writer.writerow(CSV_COLUMNS)
        for contact in contacts:
            row = [contact.country.code]
            row += [getattr(contact, column) for column in CSV_COLUMNS[1:]]
            writer.writerow(csv_row(row))
        return response
