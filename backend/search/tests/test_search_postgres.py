"""The search API tests again, on PostgreSQL (pg_trgm): the same API, the same rules. They run in
a pytest of their own whose DATABASE_URL names a throwaway PostgreSQL database."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from backend.testing.servers import ROOT, postgres_database

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

API_TESTS = Path(__file__).with_name("test_search_api.py")


def test_the_search_api_tests_pass_on_postgresql():
    with postgres_database("mychat_search") as database_url:
        env = {**os.environ, "DATABASE_URL": database_url}
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--create-db", str(API_TESTS)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert " passed" in run.stdout and "skipped" not in run.stdout.splitlines()[-1]
