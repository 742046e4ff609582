"""Token authentication for API clients that write: POST username and password, get a token."""

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import exceptions, serializers
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.response import Response

from .throttling import FailClosedScopedRateThrottle


class ObtainTokenView(ObtainAuthToken):
    throttle_classes = [FailClosedScopedRateThrottle]
    throttle_scope = "auth"

    @extend_schema(
        summary="Get a token",
        description="Exchange a username and password for the token that authenticates the "
        "user's API requests (`Authorization: Token <key>`). The same user always gets the "
        "same token. Needs no credentials; limited per client address.",
        # Credentials sent to this endpoint are not needed, whatever the API's default.
        auth=[],
        request=inline_serializer(
            "AuthTokenRequest",
            {
                "username": serializers.CharField(min_length=1),
                "password": serializers.CharField(min_length=1, style={"input_type": "password"}),
            },
        ),
        responses={200: inline_serializer("AuthToken", {"token": serializers.CharField()})},
    )
    def post(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        if not serializer.is_valid():
            if set(serializer.errors) == {"non_field_errors"}:
                # Both fields were given and are wrong: an authentication failure, not a bad form.
                raise exceptions.AuthenticationFailed(serializer.errors["non_field_errors"][0])
            raise exceptions.ValidationError(serializer.errors)
        token, _created = Token.objects.get_or_create(user=serializer.validated_data["user"])
        return Response({"token": token.key})
