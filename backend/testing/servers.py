"""Real servers for tests and benchmarks that cross process boundaries: a throwaway PostgreSQL
database, the machine's Redis, and uvicorn processes serving this project. A missing server
skips the test, saying why, unless CI is set: then it fails, because CI must run them."""

import contextlib
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
POSTGRES_URL = os.environ.get("MYCHAT_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("MYCHAT_TEST_REDIS_URL", "redis://127.0.0.1:6379")
ORIGIN = "http://127.0.0.1"  # what a browser on the server's own page sends on a WebSocket handshake
PASSWORD = "a long enough passphrase 42"


def require(service: str, reason: str):
    message = f"{service} is not reachable ({reason}); this test needs the real server"
    if os.environ.get("CI"):
        pytest.fail(message + ", and CI is set, so it must run")
    pytest.skip(message)


@contextlib.contextmanager
def postgres_database(prefix: str = "mychat_test") -> Iterator[str]:
    """A new, empty PostgreSQL database with a unique name, dropped afterwards. Yields its URL."""
    import psycopg

    name = f"{prefix}_{secrets.token_hex(6)}"
    try:
        admin = psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        require(f"PostgreSQL at {POSTGRES_URL}", str(exc).strip().splitlines()[0])
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield POSTGRES_URL.rsplit("/", 1)[0] + "/" + name
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def redis_url() -> str:
    """The machine's Redis, in a database number of its own (pub/sub ignores it: see cluster())."""
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except redis.RedisError as exc:
        require(f"Redis at {REDIS_URL}", str(exc))
    return f"{REDIS_URL}/{secrets.randbelow(15) + 1}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def project_env(var_dir: Path, **overrides: str) -> dict:
    """The environment of a server or command of this project, its local files in var_dir."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTEST", "DJANGO_"))}
    env.update(MYCHAT_VAR_DIR=str(var_dir), MYCHAT_RATE_LIMITS="0", PYTHONUNBUFFERED="1")
    env.update(overrides)
    return env


def manage(env: dict, *args: str, timeout: float = 120, root: Path = ROOT) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=root, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}"
    return result


def wait_until(condition, timeout: float = 30, message: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {message}")
        time.sleep(0.05)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def server(
    env: dict,
    *,
    log: Path,
    workers: int = 1,
    ws: str = "websockets-sansio",
    log_level: str = "info",
    root: Path = ROOT,
    access_log: bool = False,
):
    """A uvicorn process serving backend.asgi on a free port, as `make serve` runs it; yields its URL.
    `root` may name another checkout of the project (a benchmark's "before"); `access_log` turns
    uvicorn's line per request back on (as `make run` had it before it kept a log of its own)."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "backend.asgi:application",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--loop",
        "uvloop",
        "--http",
        "httptools",
        "--ws",
        ws,
        "--workers",
        str(workers),
        "--log-level",
        log_level,
    ]
    if not access_log:
        command.append("--no-access-log")
    # As `make serve`: X-Forwarded-For believed only from the proxies named (docs/security.md).
    if trusted := env.get("MYCHAT_TRUSTED_PROXIES", "").strip():
        command += ["--proxy-headers", "--forwarded-allow-ips", trusted]
    else:
        command.append("--no-proxy-headers")
    with open(log, "ab") as output:
        process = subprocess.Popen(command, cwd=root, env=env, stdout=output, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"server exited with {process.returncode}:\n{log.read_text()[-3000:]}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(f"server did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.1)
        yield url
    finally:
        stop(process)


@dataclass
class Cluster:
    """Server processes sharing one PostgreSQL database and one Redis, like a scaled-out deployment."""

    urls: list[str] = field(default_factory=list)
    logs: list[Path] = field(default_factory=list)
    env: dict = field(default_factory=dict)

    def ws_url(self, index: int, path: str) -> str:
        return self.urls[index].replace("http://", "ws://") + path

    def log_text(self) -> str:
        return "\n".join(log.read_text(errors="replace") for log in self.logs)


@contextlib.contextmanager
def cluster(
    processes: int = 2, *, ws: str = "websockets-sansio", log_level: str = "info", extra_env: dict | None = None
):
    """`processes` uvicorn servers on a throwaway PostgreSQL database and the machine's Redis."""
    var_dir = Path(tempfile.mkdtemp(prefix="mychat-cluster-"))
    with postgres_database("mychat_cluster") as database_url, contextlib.ExitStack() as servers:
        env = project_env(
            var_dir,
            DATABASE_URL=database_url,
            REDIS_URL=redis_url(),
            MYCHAT_CHANNEL_PREFIX=f"test{secrets.token_hex(4)}",  # Redis pub/sub ignores database numbers
            **(extra_env or {}),
        )
        manage(env, "migrate", "--noinput")
        live = Cluster(env=env)
        for index in range(processes):
            live.logs.append(var_dir / f"server{index}.log")
            live.urls.append(servers.enter_context(server(env, log=live.logs[-1], ws=ws, log_level=log_level)))
        yield live


def sign_up(base_url: str, username: str, password: str = PASSWORD) -> tuple[int, str]:
    """A new user, signed up and logged in over HTTP: (user id, token)."""
    created = httpx.post(f"{base_url}/auth/users/", json={"username": username, "password": password})
    created.raise_for_status()
    token = httpx.post(f"{base_url}/auth/token/login/", json={"username": username, "password": password})
    token.raise_for_status()
    return created.json()["id"], token.json()["auth_token"]


def auth(token: str) -> dict:
    return {"Authorization": f"Token {token}"}


def join_chat(base_url: str, uri: str, *, owner: dict, joiner: dict) -> dict:
    """`joiner` joins the chat with the invite code its `owner` sees (headers of each); the session."""
    session = httpx.get(f"{base_url}/api/chats/{uri}/", headers=owner)
    session.raise_for_status()
    if "invite" not in session.json():  # a checkout from before invite codes (a benchmark's "before")
        joined = httpx.post(f"{base_url}/api/chats/{uri}/members/", headers=joiner)
        joined.raise_for_status()
        return joined.json()
    joined = httpx.post(f"{base_url}/api/chats/join/", json={"code": session.json()["invite"]["code"]}, headers=joiner)
    joined.raise_for_status()
    return joined.json()
