"""WebSocket helpers over the ASGI application in-process (channels' WebsocketCommunicator)."""

from channels.testing import WebsocketCommunicator

# What a browser on the Vite dev server sends on the handshake (an allowed origin).
ORIGIN_HEADER = (b"origin", b"http://localhost:5173")


def socket(path: str, *, origin=ORIGIN_HEADER) -> WebsocketCommunicator:
    from backend.asgi import application  # imported late: it starts Django's ASGI handler

    return WebsocketCommunicator(application, path, headers=[origin] if origin else [])


async def open_socket(path: str) -> WebsocketCommunicator:
    """A connected socket; the test closes it (`await communicator.disconnect()`)."""
    communicator = socket(path)
    connected, _ = await communicator.connect()
    assert connected
    return communicator


async def close_code(communicator: WebsocketCommunicator) -> int:
    """The code a refused socket closes with (it is accepted first so the client can read it)."""
    connected, _ = await communicator.connect()
    assert connected, "a refused socket is accepted first so the client can read the close code"
    output = await communicator.receive_output()
    assert output["type"] == "websocket.close"
    return output["code"]
