"""Schemathesis over the whole API: inputs generated from the committed OpenAPI schema (valid ones and
broken ones) against a real server; no answer may be a 5xx, and each must be what the schema says
(a listed status code, its content type, its body's schema).

Bounded: a few examples per operation (MYCHAT_FUZZ_EXAMPLES, default 10), no shrinking, one
server for the module; the whole run takes about a minute. `docs/openapi.yaml` is the code's
schema (test_api_contract.py fails while it is stale), so it can be read without starting Django.
"""

import os
import tempfile
from pathlib import Path

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from backend.testing.servers import ROOT, auth, manage, project_env, server, sign_up

pytestmark = [pytest.mark.slow]
EXAMPLES = int(os.environ.get("MYCHAT_FUZZ_EXAMPLES", "10"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
# Ending the fuzzer's own session (its token, or every device of its account) would only turn every
# later operation into a 401; test_devices.py covers these.
SKIPPED = {
    ("POST", "/auth/token/logout/"),
    ("POST", "/api/devices/logout-all/"),
    ("DELETE", "/api/devices/{device_id}/"),
}

schema = schemathesis.openapi.from_path(ROOT / "docs" / "openapi.yaml")


@pytest.fixture(scope="module")
def live():
    var_dir = Path(tempfile.mkdtemp(prefix="mychat-fuzz-"))
    env = project_env(var_dir)
    manage(env, "migrate", "--noinput")
    with server(env, log=var_dir / "server.log", log_level="warning") as url:
        token = sign_up(url, "fuzzer")[1]
        httpx.post(f"{url}/api/chats/", json={"title": "Fuzzed"}, headers=auth(token)).raise_for_status()
        yield {"url": url, "headers": auth(token), "log": var_dir / "server.log"}


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure shows the example as found
    suppress_health_check=list(HealthCheck),
    derandomize=True,  # the same inputs every run: a failure here is reproducible
)
def test_no_input_makes_the_api_fail_or_break_its_schema(case, live):
    if (case.method.upper(), case.path) in SKIPPED:
        pytest.skip("would end the fuzzer's own session")
    case.call_and_validate(base_url=live["url"], headers=live["headers"], checks=CHECKS, timeout=30)
