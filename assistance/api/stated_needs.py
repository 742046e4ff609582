"""Needs proposed from national reports, in the needs API: the link and the State's decisions.

`from_report` on a need says where it was stated (the report, the question, the entry), what
the State decided (proposed, confirmed, discarded, or withdrawn when the entry left the
report) and what a later edition of the report proposes to change. `POST
/needs/{id}/confirm/` confirms a proposed need, or accepts the changes proposed for a
confirmed one; `POST /needs/{id}/discard/` discards a proposed need, or those changes.
"""

from django.utils import translation
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from cms.api.languages import language_or_default

from .. import review
from ..models import StatedNeed
from ..review import decide_stated_need


class StatedNeedSerializer(serializers.ModelSerializer):
    report = serializers.IntegerField(source="need.national_report_id", allow_null=True)
    question = serializers.CharField(source="question_code")
    entry = serializers.CharField(source="entry_id")
    cycle = serializers.CharField(source="cycle_code")
    source = serializers.CharField(help_text="Where the need was stated, in the reader's language.")
    proposed_changes = serializers.JSONField(
        help_text="The need's fields a later edition of the report would change: "
        '{"description": "...", "amount": "...", "themes": [...]}; empty when none waits.'
    )

    class Meta:
        model = StatedNeed
        fields = [
            "report",
            "question",
            "entry",
            "cycle",
            "state",
            "source",
            "proposed_changes",
            "removed_from_report",
            "decided_at",
        ]
        read_only_fields = fields


class StatedNeedActions:
    """The confirm and discard actions of the needs viewset."""

    def decide(self, request, decision):
        need = self.get_object()
        try:
            decide_stated_need(need, request.user, decision)
        except review.Refused as error:
            raise PermissionDenied(str(error)) from error
        except review.Invalid as error:
            raise ValidationError({error.field: [error.message]}) from error
        with translation.override(language_or_default(request)):
            return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        """Confirm a need proposed from a national report, or accept the changes the report
        proposes for a confirmed one; the need keeps its link to the report."""
        return self.decide(request, "confirm")

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def discard(self, request, pk=None):
        """Discard a need proposed from a national report (it is withdrawn and never proposed
        again), or the changes the report proposes for a confirmed one."""
        return self.decide(request, "discard")
