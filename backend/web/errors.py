"""JSON errors everywhere: the DRF exception handler plus Django's 404/500 handlers."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import JsonResponse
from rest_framework import exceptions
from rest_framework.views import exception_handler


def api_exception_handler(exc, context):
    """DRF's handler, plus the service layer's errors: a Django ValidationError is a 400 naming the
    field, a Conflict a 409."""
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, Conflict):
        exc = ConflictError(str(exc) or None)
    return exception_handler(exc, context)


def not_found(request, exception=None):
    return JsonResponse({"detail": "Not found."}, status=404)


def server_error(request):
    return JsonResponse({"detail": "Internal server error."}, status=500)


def bad_request(request, exception=None):
    return JsonResponse({"detail": "Bad request."}, status=400)


def permission_denied(request, exception=None):
    return JsonResponse({"detail": "Permission denied."}, status=403)


class Conflict(Exception):
    """The request is valid but the resource's state forbids it (e.g. editing a deleted message): 409."""


class ConflictError(exceptions.APIException):
    status_code = 409
    default_detail = "Conflict."
    default_code = "conflict"
