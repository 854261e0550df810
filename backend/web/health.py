"""`GET /healthz`: liveness plus a database round trip (and Redis's, when configured), for load balancers.

503 when the database does not answer: this process cannot serve. A Redis that does not answer
is "degraded", still 200: requests succeed (rate limits count per process, pushes reach this
process's sockets only), so taking every process out of the balancer would make it worse.
"""

from django.core.cache import caches
from django.db import connection
from django.http import JsonResponse


def healthz(request):
    checks = {"database": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:  # noqa: BLE001 - any database failure means not healthy
        checks["database"] = f"error: {type(exc).__name__}"
    cache = caches["default"]
    if hasattr(cache, "redis_reachable"):  # backend.web.fallback_cache, with REDIS_URL set
        checks["redis"] = "ok" if cache.redis_reachable() else "unreachable"
    if checks["database"] != "ok":
        return JsonResponse({"status": "error", **checks}, status=503)
    return JsonResponse({"status": "ok" if checks.get("redis", "ok") == "ok" else "degraded", **checks})
