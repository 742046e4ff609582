"""One error shape for the whole API: {"message": "...", "errors": {"field": ["..."]}}."""

from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from wagtail.api.v2.utils import BadRequestError

from .languages import QueryParameterError


def error_response(message, errors=None, status_code=status.HTTP_400_BAD_REQUEST):
    data = {"message": message}
    if errors:
        data["errors"] = errors
    return Response(data, status=status_code)


def first_message(detail):
    if isinstance(detail, dict):
        for value in detail.values():
            return first_message(value)
    if isinstance(detail, list) and detail:
        return first_message(detail[0])
    return str(detail)


def exception_handler(exc, context):
    if isinstance(exc, QueryParameterError):
        return error_response(exc.message, {exc.parameter: [exc.message]})
    if isinstance(exc, BadRequestError):
        return error_response(str(exc))
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        errors = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        response.data = {"message": first_message(exc.detail), "errors": errors}
    elif isinstance(response.data, dict) and "detail" in response.data:
        response.data = {"message": str(response.data["detail"])}
    return response
