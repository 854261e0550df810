"""Real server processes for cross-process tests and benchmarks: uvicorn workers on a throwaway
PostgreSQL database, sharing Redis under a channel prefix of their own (so parallel runs don't mix)."""
import contextlib
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[3]
PG_HOST, PG_PORT, REDIS_HOST, REDIS_PORT = "127.0.0.1", 5432, "127.0.0.1", 6379
ORIGIN = "http://127.0.0.1"


def reachable(host: str, port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=1):
        return True
    return False


def missing_services() -> str | None:
    """Why the real servers cannot run here, or None."""
    missing = [name for name, host, port in (("PostgreSQL", PG_HOST, PG_PORT), ("Redis", REDIS_HOST, REDIS_PORT))
               if not reachable(host, port)]
    return f"{' and '.join(missing)} not reachable on 127.0.0.1" if missing else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _admin_sql(sql: str) -> None:
    import psycopg

    with psycopg.connect(host=PG_HOST, port=PG_PORT, user="postgres", dbname="postgres", autocommit=True) as conn:
        conn.execute(sql)


@dataclass
class Cluster:
    """N server processes sharing one database and one Redis."""

    urls: list[str] = field(default_factory=list)
    logs: list[Path] = field(default_factory=list)
    env: dict = field(default_factory=dict)
    processes: list[subprocess.Popen] = field(default_factory=list)

    def ws_url(self, index: int, path: str) -> str:
        return self.urls[index].replace("http://", "ws://") + path

    def log_text(self) -> str:
        return "\n".join(log.read_text(errors="replace") for log in self.logs)


@contextlib.contextmanager
def cluster(processes: int = 2, *, log_level: str = "info", ws: str = "websockets", extra_env: dict | None = None):
    run_id = f"{os.getpid()}_{secrets.token_hex(4)}"
    database = f"mychat_live_{run_id}"
    workdir = Path(tempfile.mkdtemp(prefix="mychat-live-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "backend.settings",
        "DATABASE_URL": f"postgres://postgres@{PG_HOST}:{PG_PORT}/{database}",
        # Keys (cache) in a database of its own; pub/sub ignores database numbers, hence the prefix.
        "REDIS_URL": f"redis://{REDIS_HOST}:{REDIS_PORT}/{int(run_id[-4:], 16) % 15 + 1}",
        "MYCHAT_CHANNEL_PREFIX": f"live{run_id}",
        "MYCHAT_RATE_LIMITS": "0",
        "MYCHAT_VAR_DIR": str(workdir),
        **(extra_env or {}),
    }
    _admin_sql(f'CREATE DATABASE "{database}"')
    live = Cluster(env=env)
    try:
        subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
        for index in range(processes):
            port = free_port()
            log = workdir / f"server{index}.log"
            live.logs.append(log)
            live.urls.append(f"http://127.0.0.1:{port}")
            live.processes.append(subprocess.Popen(
                [sys.executable, "-m", "uvicorn", "backend.asgi:application", "--host", "127.0.0.1",
                 "--port", str(port), "--loop", "uvloop", "--http", "httptools", "--ws", ws,
                 "--log-level", log_level],
                cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
            ))
        for url, process, log in zip(live.urls, live.processes, live.logs):
            _wait_healthy(url, process, log)
        yield live
    finally:
        for process in live.processes:
            process.terminate()
        for process in live.processes:
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        _admin_sql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def _wait_healthy(url: str, process: subprocess.Popen, log: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server {url} exited:\n{log.read_text(errors='replace')}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return
        time.sleep(0.1)
    raise RuntimeError(f"server {url} not healthy after {timeout}s:\n{log.read_text(errors='replace')}")


def sign_up(url: str, username: str, password: str = "a long enough passphrase 42") -> tuple[int, str]:
    """A new user on the live servers: (user id, token)."""
    created = httpx.post(f"{url}/auth/users/", json={"username": username, "password": password})
    created.raise_for_status()
    token = httpx.post(f"{url}/auth/token/login/", json={"username": username, "password": password})
    token.raise_for_status()
    return created.json()["id"], token.json()["auth_token"]


def auth(token: str) -> dict:
    return {"Authorization": f"Token {token}"}
