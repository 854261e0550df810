"""Who may try how often: the admin's sign-in shares the API login's limit, and X-Forwarded-For is
believed only from a proxy the operator named (MYCHAT_TRUSTED_PROXIES), else a client could claim
a new address for every attempt."""

import os
import signal
import subprocess
import tempfile
from pathlib import Path

import httpx
import pytest
from django.test import Client

from backend.testing.servers import ROOT, free_port, project_env, wait_until
from backend.web.throttles import LoginThrottle

WRONG = {"username": "nobody", "password": "not the password"}


@pytest.mark.django_db
def test_the_admin_sign_in_counts_against_the_login_limit(settings, monkeypatch):
    settings.RATE_LIMITS_ON = True
    monkeypatch.setitem(LoginThrottle.THROTTLE_RATES, "login", "3/min")
    client = Client()
    assert client.post("/auth/token/login/", WRONG, content_type="application/json").status_code == 400
    assert client.post("/admin/login/", WRONG).status_code == 200  # the form again, with its error
    assert client.post("/admin/login/", WRONG).status_code == 200
    refused = client.post("/admin/login/", WRONG)
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert "Try again in" in refused.content.decode()
    assert client.post("/auth/token/login/", WRONG, content_type="application/json").status_code == 429
    assert client.get("/admin/login/").status_code == 200  # showing the form is no attempt


def make_serve(env: dict, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**env, "HOST": "127.0.0.1", "PORT": str(port)}
    env = {key: value for key, value in env.items() if not key.startswith("MAKE")}
    with open(log, "ab") as output:
        process = subprocess.Popen(
            ["make", "--no-print-directory", "serve"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # make and the uvicorn it runs stop together
        )
    url = f"http://127.0.0.1:{port}"

    def up() -> bool:
        assert process.poll() is None, log.read_text()[-3000:]
        try:
            return httpx.get(url + "/healthz", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    wait_until(up, 90, "make serve")
    return process, url


def stop_group(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def logins(url: str, forwarded_for: list[str]) -> list[int]:
    return [
        httpx.post(f"{url}/auth/token/login/", json=WRONG, headers={"X-Forwarded-For": address}).status_code
        for address in forwarded_for
    ]


@pytest.mark.slow
@pytest.mark.parametrize("trusted", ["", "127.0.0.1"])
def test_x_forwarded_for_counts_only_from_a_declared_proxy(trusted):
    var_dir = Path(tempfile.mkdtemp(prefix="mychat-proxy-"))
    env = project_env(var_dir, MYCHAT_RATE_LIMITS="1", MYCHAT_LOGIN_RATE="3/min", MYCHAT_TRUSTED_PROXIES=trusted)
    process, url = make_serve(env, var_dir / "serve.log")
    try:
        made_up = logins(url, [f"203.0.113.{n}" for n in range(1, 6)])
        same = logins(url, ["198.51.100.7"] * 4)
    finally:
        stop_group(process)
    if not trusted:  # every attempt comes from 127.0.0.1, whatever the header says
        assert made_up == [400, 400, 400, 429, 429] and same == [429] * 4
    else:  # the proxy at 127.0.0.1 is believed: each forwarded address has its own budget
        assert made_up == [400] * 5 and same == [400, 400, 400, 429]
