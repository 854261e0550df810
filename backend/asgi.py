"""ASGI entry point: HTTP (with the lean lanes in front of Django) and WebSockets."""

import gc
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")

from django.core.asgi import get_asgi_application

django_http = get_asgi_application()  # sets Django up before anything imports models

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.conf import settings  # noqa: E402

from backend.chat import lean_poll  # noqa: E402
from backend.chat.routing import websocket_urlpatterns  # noqa: E402
from backend.web.access_log import AccessLog  # noqa: E402
from backend.web.body_limit import BodySizeLimit  # noqa: E402
from backend.web.lanes import LeanLanes  # noqa: E402
from backend.web.origins import browser_origin_validator  # noqa: E402
from backend.web.socket_auth import TokenAuthMiddleware  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": AccessLog(
            LeanLanes(
                BodySizeLimit(
                    django_http,
                    settings.DATA_UPLOAD_MAX_MEMORY_SIZE,
                    larger={
                        settings.UPLOAD_PATH_PATTERN: settings.UPLOAD_BODY_LIMIT,
                        settings.AVATAR_PATH_PATTERN: settings.AVATAR_BODY_LIMIT,
                    },
                ),
                lean_poll.LANES,
            ),
            slow_ms=settings.SLOW_REQUEST_MS,
            log_all=settings.ACCESS_LOG_ALL,
        ),
        # A browser's Origin must name one of ALLOWED_HOSTS; a client without one (a script) is served.
        "websocket": browser_origin_validator(TokenAuthMiddleware(URLRouter(websocket_urlpatterns))),
    }
)

from backend.autoreply.lifespan import BotWorkerLifespan  # noqa: E402

application = BotWorkerLifespan(application)  # the embedded bot worker lives as long as the server process

# Django's startup leaves a large heap that every full collection would walk again, stalling the
# event loop: moving it out of the collector's sight and collecting young objects less often took
# the p99 of 1,000 polling tabs on one process from 60-90 ms to 5-6 ms (bench/polling.py).
gc.freeze()
gc.set_threshold(50_000, 20, 20)
