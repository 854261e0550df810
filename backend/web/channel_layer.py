"""channels_redis' pub/sub layer, made to ride out a Redis outage.

As shipped, the layer raises while Redis is unreachable (a new socket's handshake is a 500), logs
a traceback every second from its receive loop, and after Redis comes back it may publish into a
Redis that no longer has this process's subscriptions (the first push is lost). Here:

- subscribing never raises: the channels a process listens on are remembered, and subscribed
  again as soon as Redis answers (the receive loop tries every RETRY_SECONDS, a publish too);
- a publish that cannot reach Redis still reaches this process's own sockets (delivered in
  memory), and so does one that Redis delivered to nobody while this process has listeners on
  the channel; if their subscription is not brand new, Redis lost it (it restarted), and every
  subscription is renewed;
- when Redis is back, every socket of this process is sent RECONNECTED_EVENT: pushes from other
  processes were lost meanwhile, so the consumer closes the socket (code 1012, "service
  restart"), and the client reconnects and catches up with its cursor (docs/realtime.md);
- the outage is logged once when it starts and once when it ends.
"""

import asyncio
import contextlib
import logging

from channels_redis.pubsub import RedisPubSubChannelLayer, RedisPubSubLoopLayer, RedisSingleShardConnection
from channels_redis.utils import _close_redis, _wrap_close, create_pool
from redis import asyncio as aioredis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 0.5
SETTLED_SECONDS = 1.0  # a subscription this old is surely in Redis, unless Redis forgot it
RECONNECTED_EVENT = "layer.reconnected"  # the consumer's handler: layer_reconnected
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


class ResilientRedisPubSubChannelLayer(RedisPubSubChannelLayer):
    def _get_layer(self):
        loop = asyncio.get_running_loop()
        try:
            return self._layers[loop]
        except KeyError:
            layer = self._layers[loop] = _LoopLayer(*self._args, **self._kwargs, channel_layer=self)
            _wrap_close(self, loop)
            return layer


class _LoopLayer(RedisPubSubLoopLayer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._shards = [_Shard(shard.host, self) for shard in self._shards]


class _PubSub(aioredis.client.PubSub):
    """redis-py reconnects a dropped pub/sub connection by itself when Redis answers at once (a
    quick restart), and subscribes again; pushes may have been lost meanwhile all the same."""

    def __init__(self, *args, reconnected, **kwargs):
        super().__init__(*args, **kwargs)
        self._reconnected = reconnected
        self._connections = 0

    async def on_connect(self, connection):
        await super().on_connect(connection)
        self._connections += 1
        if self._connections > 1:  # not the first: a reconnect
            self._reconnected()


class _Shard(RedisSingleShardConnection):
    def __init__(self, host, channel_layer):
        super().__init__(host, channel_layer)
        self._wanted: set[str] = set()  # what this process listens on, whether Redis has it now or not
        self._down = False
        self._next_attempt = 0.0
        self._subscribed_at: dict[str, float] = {}  # when Redis was asked to, by channel

    async def subscribe(self, channel):
        async with self._lock:
            self._wanted.add(channel)
            self._ensure_receiver()
            if self._down or channel in self._subscribed_to:
                return
            try:
                self._ensure_redis()
                await self._pubsub.subscribe(channel)
                self._subscribed_to.add(channel)
                self._subscribed_at[channel] = asyncio.get_running_loop().time()
            except Exception as exc:  # noqa: BLE001 - a connection broken mid-command fails in many ways
                await self._lost(exc)

    async def unsubscribe(self, channel):
        async with self._lock:
            self._wanted.discard(channel)
            self._subscribed_at.pop(channel, None)
            if self._down or channel not in self._subscribed_to:
                return
            try:
                await self._pubsub.unsubscribe(channel)
                self._subscribed_to.discard(channel)
            except Exception as exc:  # noqa: BLE001 - as in subscribe
                await self._lost(exc)

    async def publish(self, channel, message):
        loop = asyncio.get_running_loop()
        async with self._lock:
            if self._down:
                await self._try_to_recover()
            if not self._down:
                try:
                    self._ensure_redis()
                    receivers = await self._redis.publish(channel, message)
                except UNREACHABLE as exc:
                    await self._lost(exc)
                else:
                    if receivers or not self._listened_here(channel):
                        return
                    # Delivered to nobody, though this process listens: it gets it from memory (no
                    # copy can come from Redis). A subscription older than a moment that Redis does
                    # not know means Redis restarted and forgot them all; a newer one may only be
                    # on its way (redis-py sends SUBSCRIBE without waiting for Redis to take it).
                    subscribed_at = self._subscribed_at.get(channel)
                    if subscribed_at is not None and loop.time() - subscribed_at > SETTLED_SECONDS:
                        await self._lost(RedisConnectionError("Redis lost this process's subscriptions"))
        self._receive_message({"channel": channel, "data": message})  # this process's sockets, at least

    def _ensure_redis(self):
        if self._redis is None:
            self._redis = aioredis.Redis(connection_pool=create_pool(self.host))
            self._pubsub = _PubSub(
                self._redis.connection_pool,
                event_dispatcher=self._redis._event_dispatcher,
                reconnected=self._reconnected_by_redis_py,
            )

    def _reconnected_by_redis_py(self) -> None:
        logger.warning("Redis connection for pushes re-established: this process's sockets reconnect")
        self._tell_local_channels()

    def _listened_here(self, channel) -> bool:
        return channel in self.channel_layer.channels or bool(self.channel_layer.groups.get(channel))

    async def _do_receiving(self):
        while True:
            try:
                if self._down:
                    await asyncio.sleep(RETRY_SECONDS)
                    async with self._lock:
                        await self._try_to_recover()
                elif self._pubsub is not None and self._pubsub.subscribed:
                    pubsub = self._pubsub
                    try:
                        message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=0.1)
                    except (*UNREACHABLE, AttributeError) as exc:  # AttributeError: a connection closed under it
                        async with self._lock:
                            if pubsub is self._pubsub:  # not already replaced by a recovery
                                await self._lost(exc)
                        continue
                    self._receive_message(message)
                else:
                    await asyncio.sleep(0.1)
            except (TimeoutError, asyncio.CancelledError, GeneratorExit):
                raise
            except Exception:
                logger.exception("Unexpected exception in the channel layer's receive loop")
                await asyncio.sleep(1)

    async def _lost(self, exc: BaseException) -> None:
        """Redis is unreachable (call with the lock held): drop the clients, try again later."""
        if not self._down:
            logger.warning(
                "Redis is unreachable (%s): pushes reach this process's sockets only, until it is back",
                str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__,
            )
        self._down = True
        self._next_attempt = asyncio.get_running_loop().time() + RETRY_SECONDS
        self._subscribed_to = set()
        await self._drop_clients()

    async def _drop_clients(self) -> None:
        client, self._redis, self._pubsub = self._redis, None, None
        if client is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(_close_redis(client), 1)

    async def _try_to_recover(self) -> None:
        """Reconnect and subscribe again to everything wanted (call with the lock held)."""
        loop = asyncio.get_running_loop()
        if loop.time() < self._next_attempt:
            return
        self._next_attempt = loop.time() + RETRY_SECONDS
        try:
            self._ensure_redis()
            await self._redis.ping()
            if self._wanted:
                await self._pubsub.subscribe(*self._wanted)
        except UNREACHABLE:
            await self._drop_clients()
            return
        self._subscribed_to = set(self._wanted)
        self._subscribed_at = dict.fromkeys(self._wanted, loop.time())
        self._down = False
        logger.warning("Redis is reachable again: pushes reach every process again")
        self._tell_local_channels()

    def _tell_local_channels(self) -> None:
        event = self.channel_layer.channel_layer.serialize({"type": RECONNECTED_EVENT})
        for queue in self.channel_layer.channels.values():
            queue.put_nowait(event)
