"""The Redis cache, falling back to this process's memory while Redis is unreachable.

The cache holds the rate limits' counters, nothing that must not be lost. With Redis gone, a
cache that raises turns every throttled request (posting, logging in, signing up) into a 500;
this one answers from a per-process LocMemCache instead, so the limits still hold per process.
The outage is logged once when it starts and once when it ends, and Redis is tried again at most
every RETRY_SECONDS (so a request does not pay a failed connection each time).
"""

import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


class _Outage:
    """Whether one Redis is down, shared by every thread (Django makes a cache object per thread)."""

    def __init__(self):
        self.down = False
        self.retry_at = 0.0  # monotonic time before which Redis is not tried again
        self.lock = threading.Lock()

    def skip_redis(self) -> bool:
        return self.down and self.retry_at > time.monotonic()

    def went_down(self, exc: BaseException) -> None:
        with self.lock:
            self.retry_at = time.monotonic() + RETRY_SECONDS
            if self.down:
                return
            self.down = True
        text = str(exc).strip()
        logger.warning(
            "Redis is unreachable (%s): rate limits count per process until it is back",
            text.splitlines()[0] if text else type(exc).__name__,
        )

    def came_back(self) -> None:
        if not self.down:
            return
        with self.lock:
            if not self.down:
                return
            self.down = False
        logger.warning("Redis is reachable again: rate limits count in Redis again")


_outages: dict[str, _Outage] = {}
_outages_lock = threading.Lock()


def _falls_back(name: str):
    def method(self, *args, **kwargs):
        if self._outage.skip_redis():
            return getattr(self._local, name)(*args, **kwargs)
        try:
            result = getattr(super(FallbackRedisCache, self), name)(*args, **kwargs)
        except UNREACHABLE as exc:
            self._outage.went_down(exc)
            return getattr(self._local, name)(*args, **kwargs)
        self._outage.came_back()
        return result

    method.__name__ = name
    return method


class FallbackRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        # LocMemCache keeps its data per name in the module, so every thread's copy shares it.
        self._local = LocMemCache("mychat-redis-fallback", {"TIMEOUT": params.get("TIMEOUT", 300)})
        with _outages_lock:
            self._outage = _outages.setdefault(str(server), _Outage())

    add = _falls_back("add")
    get = _falls_back("get")
    set = _falls_back("set")
    touch = _falls_back("touch")
    delete = _falls_back("delete")
    get_many = _falls_back("get_many")
    has_key = _falls_back("has_key")
    incr = _falls_back("incr")
    set_many = _falls_back("set_many")
    delete_many = _falls_back("delete_many")
    clear = _falls_back("clear")

    def redis_reachable(self) -> bool:
        """A round trip to Redis now (for /healthz); it also ends a fallback early when Redis is back."""
        try:
            self._cache.get_client(write=True).ping()
        except UNREACHABLE as exc:
            self._outage.went_down(exc)
            return False
        self._outage.came_back()
        return True
