"""JSON errors everywhere: the DRF exception handler plus Django's 404/500 handlers.

A database that stays busy past its limit (SQLite's write lock, or no free connection in the
PostgreSQL pool) is not a bug of the request: the client gets a 503 with `Retry-After` and
tries again, on every path (DRF views, plain Django views and middleware, the socket's posts).
"""

import contextlib
import sys

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import OperationalError
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler, set_rollback

RETRY_AFTER_SECONDS = 2
BUSY_DETAIL = _("The server is busy right now; try again in a few seconds.")
# SQLite's words for a lock it waited for until its timeout (and ours: backend/web/sqlite).
_SQLITE_BUSY = ("database is locked", "database table is locked", "database schema is locked")


def _pool_timeout_types() -> tuple[type, ...]:
    with contextlib.suppress(ImportError):
        from psycopg_pool import PoolTimeout

        return (PoolTimeout,)
    return ()


_POOL_TIMEOUT = _pool_timeout_types()


def database_busy(exc: BaseException | None) -> bool:
    """Whether `exc` says the database was busy (try again later) rather than broken."""
    if not isinstance(exc, OperationalError):
        return False
    if isinstance(exc.__cause__, _POOL_TIMEOUT):
        return True
    message = str(exc).lower()
    return any(words in message for words in _SQLITE_BUSY)


def busy_body() -> dict:
    return {"detail": str(BUSY_DETAIL)}  # in the language active now


def busy_headers() -> dict:
    return {"Retry-After": str(RETRY_AFTER_SECONDS)}


def api_exception_handler(exc, context):
    """DRF's handler, plus the service layer's errors: a Django ValidationError is a 400 naming the
    field, a Conflict a 409; and a busy database is a 503."""
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, Conflict):
        exc = ConflictError(str(exc) or None)
    elif database_busy(exc):
        set_rollback()
        return Response(busy_body(), status=503, headers=busy_headers())
    return exception_handler(exc, context)


def not_found(request, exception=None):
    return JsonResponse({"detail": _("Not found.")}, status=404)


def server_error(request):
    # Django calls this while handling the uncaught exception, from any view or middleware.
    if database_busy(sys.exc_info()[1]):
        return JsonResponse(busy_body(), status=503, headers=busy_headers())
    return JsonResponse({"detail": _("Internal server error.")}, status=500)


def bad_request(request, exception=None):
    return JsonResponse({"detail": _("Bad request.")}, status=400)


def permission_denied(request, exception=None):
    return JsonResponse({"detail": _("Permission denied.")}, status=403)


class Conflict(Exception):
    """The request is valid but the resource's state forbids it (e.g. editing a deleted message): 409."""


class ConflictError(exceptions.APIException):
    status_code = 409
    default_detail = _("Conflict.")
    default_code = "conflict"
