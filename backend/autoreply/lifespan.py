"""ASGI "lifespan" handling: the embedded bot worker starts and stops with the server process.

Channels' ProtocolTypeRouter does not handle the lifespan scope; uvicorn sends it, test clients
don't, which keeps worker threads out of unit tests."""

import asyncio

from django.conf import settings

from .worker import Worker


class BotWorkerLifespan:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "lifespan":
            return await self.app(scope, receive, send)
        worker = None
        while True:
            event = await receive()
            if event["type"] == "lifespan.startup":
                if settings.MYCHAT_BOT_EMBEDDED:
                    worker = Worker().start_thread()
                await send({"type": "lifespan.startup.complete"})
            elif event["type"] == "lifespan.shutdown":
                if worker is not None:
                    await asyncio.to_thread(worker.stop, 10)
                await send({"type": "lifespan.shutdown.complete"})
                return
