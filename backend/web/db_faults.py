"""A database connection lost mid-request (PostgreSQL restarted, a failover, an idle connection cut
by a firewall): a read is tried once more on a fresh connection, anything else is a 503 with
Retry-After, never a 500.

Connections handed out by the pool are checked first (CONN_HEALTH_CHECKS, settings.py), so after
a restart only the requests in flight meet a dead connection; this middleware covers those.
"""

import logging

from django.db import InterfaceError, OperationalError

from .errors import broken_connections, connection_lost, lost_response

logger = logging.getLogger(__name__)

READS = frozenset({"GET", "HEAD", "OPTIONS"})


def close_broken_connections() -> None:
    """Hand the dead connections back (the pool discards them); the next query opens a live one."""
    for connection in broken_connections():
        connection.close()


class RetryReadsOnLostConnection:
    """Django middleware: its process_exception sees what a view raised (DRF's included)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not connection_lost(exception):
            return None
        close_broken_connections()
        match = request.resolver_match
        if request.method not in READS or match is None or getattr(request, "_retried_after_lost_connection", False):
            logger.warning("database connection lost during %s %s: answered 503", request.method, request.path)
            return lost_response()
        request._retried_after_lost_connection = True
        logger.warning("database connection lost during %s %s: trying once more", request.method, request.path)
        try:
            return match.func(request, *match.args, **match.kwargs)
        except (OperationalError, InterfaceError) as again:
            if not connection_lost(again):
                raise
            close_broken_connections()
            return lost_response()
