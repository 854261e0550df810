"""The access log of `make run`: errors, slow requests and writes are written; an idle poll is not."""

import contextlib
import logging

import httpx
import pytest

from backend.web.access_log import AccessLog


def app_answering(status: int, *, delay: float = 0):
    async def app(scope, receive, send):
        if delay:
            import asyncio

            await asyncio.sleep(delay)
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    return app


def access_lines(caplog) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == "mychat.access"]


async def request(app, method="GET", path="/api/chats/x/messages/?since=3&token=secret"):
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
        return await client.request(method, path)


@pytest.mark.parametrize(
    "status, method, delay, written",
    [
        (304, "GET", 0, False),  # the idle poll
        (200, "GET", 0, False),
        (404, "GET", 0, True),
        (503, "GET", 0, True),
        (201, "POST", 0, True),
        (204, "DELETE", 0, True),
        (200, "GET", 0.06, True),  # slow
    ],
)
async def test_only_the_lines_worth_reading_are_written(caplog, status, method, delay, written):
    caplog.set_level(logging.INFO, logger="mychat.access")
    await request(AccessLog(app_answering(status, delay=delay), slow_ms=50), method)
    assert bool(access_lines(caplog)) is written
    if written:
        line = access_lines(caplog)[0].getMessage()
        assert f'"{method} /api/chats/x/messages/?since=3&token=[redacted]" {status}' in line
        assert "secret" not in line


async def test_everything_is_written_when_asked(caplog):
    caplog.set_level(logging.INFO, logger="mychat.access")
    await request(AccessLog(app_answering(304), slow_ms=500, log_all=True))
    assert len(access_lines(caplog)) == 1


async def test_an_app_that_raises_is_logged_as_a_500(caplog):
    async def broken(scope, receive, send):
        raise RuntimeError("boom")

    caplog.set_level(logging.INFO, logger="mychat.access")
    with pytest.raises(RuntimeError):
        await request(AccessLog(broken, slow_ms=500))
    [line] = access_lines(caplog)
    assert '" 500 ' in line.getMessage() and line.levelno == logging.WARNING


async def test_a_client_that_went_away_before_the_answer_is_a_499_not_an_error(caplog):
    """Django answers nothing once the client has disconnected (a reload, a closed tab)."""

    async def abandoned(scope, receive, send):
        return None

    caplog.set_level(logging.INFO, logger="mychat.access")
    transport = httpx.ASGITransport(app=AccessLog(abandoned, slow_ms=500))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        with contextlib.suppress(Exception):  # httpx has no response to give: that is the point
            await client.post("/api/chats/x/read/", json={"seq": 3})
    [line] = access_lines(caplog)
    assert '" 499 ' in line.getMessage() and line.levelno == logging.INFO
