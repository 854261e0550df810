"""JSON errors everywhere: the DRF exception handler plus Django's 404/500 handlers.

A database that stays busy past its limit (SQLite's write lock, or no free connection in the
PostgreSQL pool) is not a bug of the request: the client gets a 503 with `Retry-After` and
tries again, on every path (DRF views, plain Django views and middleware, the socket's posts).
"""

import contextlib
import math
import sys

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import OperationalError
from django.http import JsonResponse
from django.utils.translation import gettext, ngettext
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler, set_rollback

from .throttles import refusal_of

RETRY_AFTER_SECONDS = 2
BUSY_DETAIL = "The server is busy right now; try again in a few seconds."
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
    return {"detail": BUSY_DETAIL}


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


def retry_in_words(seconds: int) -> str:
    """'2 minutes', not '2858 seconds': seconds under a minute, minutes under an hour and a half,
    hours beyond (always rounded up, so that trying again then works)."""
    if seconds < 60:
        return ngettext("%(count)d second", "%(count)d seconds", seconds) % {"count": seconds}
    if seconds < 90 * 60:
        minutes = math.ceil(seconds / 60)
        return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
    hours = math.ceil(seconds / 3600)
    return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}


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
    return JsonResponse({"detail": "Not found."}, status=404)


def server_error(request):
    # Django calls this while handling the uncaught exception, from any view or middleware.
    if database_busy(sys.exc_info()[1]):
        return JsonResponse(busy_body(), status=503, headers=busy_headers())
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
