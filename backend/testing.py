"""Real servers for tests that cross process boundaries: a throwaway PostgreSQL database,
Redis, and uvicorn processes serving this project. Skips where a server is missing, unless CI is set."""
import contextlib
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get("MYCHAT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("MYCHAT_TEST_REDIS_URL", "redis://127.0.0.1:6379")


def require(service: str, reason: str):
    """Skip with a clear reason on a machine without the server; on CI a missing server is a failure."""
    message = f"{service} is not reachable ({reason}); this test needs the real server"
    if os.environ.get("CI"):
        pytest.fail(message + " and CI is set, so it must run")
    pytest.skip(message)


@contextlib.contextmanager
def postgres_database():
    """A new, empty PostgreSQL database; dropped afterwards. Yields its URL."""
    import psycopg

    name = f"mychat_test_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        require("PostgreSQL at " + POSTGRES_URL, str(exc).strip().splitlines()[0])
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield POSTGRES_URL.rsplit("/", 1)[0] + "/" + name
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def redis_url(db: int = 0) -> str:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except redis.RedisError as exc:
        require("Redis at " + REDIS_URL, str(exc))
    return f"{REDIS_URL}/{db}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def project_env(tmp_path: Path, **overrides) -> dict:
    """The environment of a server or command of this project, isolated in tmp_path."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTEST", "DJANGO_"))}
    env.update(MYCHAT_VAR_DIR=str(tmp_path), MYCHAT_RATE_LIMITS="0", PYTHONUNBUFFERED="1")
    env.update(overrides)
    return env


def manage(env: dict, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True,
        timeout=timeout,
    )


@contextlib.contextmanager
def server(env: dict, *, log: Path, workers: int = 1):
    """A uvicorn process serving backend.asgi on a free port, as `make serve` runs it; yields its base URL."""
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "backend.asgi:application", "--port", str(port),
               "--loop", "uvloop", "--http", "httptools", "--workers", str(workers)]
    with open(log, "ab") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"server exited with {process.returncode}:\n{log.read_text()[-3000:]}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(f"server did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def sign_up(base_url: str, username: str, password: str = "a long enough passphrase 42") -> dict:
    """Signs up and logs in over HTTP; returns the Authorization header."""
    httpx.post(f"{base_url}/auth/users/", json={"username": username, "password": password}).raise_for_status()
    token = httpx.post(f"{base_url}/auth/token/login/", json={"username": username, "password": password})
    token.raise_for_status()
    return {"Authorization": f"Token {token.json()['auth_token']}"}
