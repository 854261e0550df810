"""JSON errors everywhere: the DRF exception handler plus Django's 404/500 handlers.

A database that stays busy past its limit (SQLite's write lock, or no free connection in the
PostgreSQL pool) is not a bug of the request: the client gets a 503 with `Retry-After` and
tries again, on every path (DRF views, plain Django views and middleware, the socket's posts).
"""

import contextlib
import math
import sys

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import InterfaceError, OperationalError, connections
from django.http import JsonResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler, set_rollback

from .throttles import refusal_of, retry_in_words

RETRY_AFTER_SECONDS = 2
BUSY_DETAIL = _("The server is busy right now; try again in a few seconds.")
LOST_DETAIL = _("The connection to the database was lost; try again in a few seconds.")
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


def broken_connections() -> list:
    """This thread's database connections that psycopg found dead (the server restarted, say)."""
    broken = []
    for connection in connections.all(initialized_only=True):
        raw = connection.connection
        if raw is not None and (getattr(raw, "broken", False) or getattr(raw, "closed", False) is True):
            broken.append(connection)
    return broken


def connection_lost(exc: BaseException | None) -> bool:
    """Whether `exc` came from a database connection that is now dead: try again, as for busy."""
    return isinstance(exc, OperationalError | InterfaceError) and bool(broken_connections())


def lost_response() -> JsonResponse:
    return JsonResponse({"detail": LOST_DETAIL}, status=503, headers=busy_headers())


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
    elif isinstance(exc, exceptions.Throttled):
        return _throttled(exc, context)
    return exception_handler(exc, context)


def _throttled(exc: exceptions.Throttled, context) -> Response:
    """A 429 in words: what was too much, and when to try again (also as `retry_after` seconds and
    the Retry-After header, for clients)."""
    set_rollback()
    request = context.get("request")
    refusal = str(refusal_of(request) or gettext("Too many requests."))
    body = {"detail": refusal}
    headers = {}
    if exc.wait is not None:
        wait = max(1, math.ceil(exc.wait))
        body = {"detail": f"{refusal} " + gettext("Try again in %(when)s.") % {"when": retry_in_words(wait)}}
        body["retry_after"] = wait
        headers["Retry-After"] = str(wait)
    return Response(body, status=429, headers=headers)


def not_found(request, exception=None):
    return JsonResponse({"detail": _("Not found.")}, status=404)


def server_error(request):
    # Django calls this while handling the uncaught exception, from any view or middleware.
    if database_busy(sys.exc_info()[1]):
        return JsonResponse(busy_body(), status=503, headers=busy_headers())
    if connection_lost(sys.exc_info()[1]):
        return lost_response()
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


class JsonErrorBodies:
    """Django middleware: an error answered with no body at all (Djoser's bare 400 for a
    resend_activation, say) gets {"detail": the status's reason}, so every error a client reads
    is a JSON object."""

    KEPT_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate", "Vary")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code < 400 or response.streaming or response.content or request.method == "HEAD":
            return response
        error = JsonResponse({"detail": f"{response.reason_phrase}."}, status=response.status_code)
        for header in self.KEPT_HEADERS:
            if header in response:
                error[header] = response[header]
        return error
